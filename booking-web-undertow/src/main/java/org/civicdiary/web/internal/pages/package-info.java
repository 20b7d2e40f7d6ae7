/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * Internal: the static pages and assets the server serves besides the API. Not an API; classes are
 * public only so that the other {@code web.internal} packages can use them, and may change at any
 * time.
 */
package org.civicdiary.web.internal.pages;
