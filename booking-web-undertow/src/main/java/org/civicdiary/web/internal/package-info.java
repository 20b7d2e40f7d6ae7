/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * Internal: the handler tree, endpoints, JSON views and the built-in staff authentication. Not an
 * API; reach it through {@link org.civicdiary.web.WebModule}. Classes here may change at any time.
 */
package org.civicdiary.web.internal;
