/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * Internal: where a request comes from and how often it may come: client addresses behind trusted
 * proxies, address ranges and the rate limits per address. Not an API; classes are public only so that
 * the other {@code web.internal} packages can use them, and may change at any time.
 */
package org.civicdiary.web.internal.http.limits;
