/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * Internal: staff sign-in: the gate that authenticates staff requests, the built-in authenticator and
 * the login, logout and who-am-I endpoints. Not an API; classes are public only so that the other
 * {@code web.internal} packages can use them, and may change at any time.
 */
package org.civicdiary.web.internal.staff;
