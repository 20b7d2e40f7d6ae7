/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * Internal: the HTTP plumbing every request goes through: routing ({@link
 * org.civicdiary.web.internal.http.Router}, {@link org.civicdiary.web.internal.http.Route}), the
 * request and answer ({@link org.civicdiary.web.internal.http.Call}, {@link
 * org.civicdiary.web.internal.http.Reply}), leaving the I/O thread, body checks, CORS, security
 * headers, idempotency, the response cache and JSON. Not an API; classes are public only so that the
 * other {@code web.internal} packages can use them, and may change at any time.
 */
package org.civicdiary.web.internal.http;
