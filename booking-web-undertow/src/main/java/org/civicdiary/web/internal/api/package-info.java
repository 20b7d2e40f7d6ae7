/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * Internal: the API's endpoints (the {@code *Endpoints} classes, which reach the core only through the
 * {@code CivicDiary} facade), the request bodies and JSON views they use, and {@link
 * org.civicdiary.web.internal.api.Api}, which assembles the handler tree. Not an API; classes are
 * public only so that the other {@code web.internal} packages can use them, and may change at any
 * time.
 */
package org.civicdiary.web.internal.api;
