/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * Internal: operations: health checks, the OpenAPI document, and the Micrometer metrics and their
 * handler. Not an API; classes are public only so that the other {@code web.internal} packages can use
 * them, and may change at any time.
 */
package org.civicdiary.web.internal.ops;
