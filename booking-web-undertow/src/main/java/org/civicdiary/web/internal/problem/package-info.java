/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * Internal: the problem+json answers: the problem, the refusals the web layer adds to the core's
 * problem types, and the mapping from exceptions to answers. Not an API; classes are public only so
 * that the other {@code web.internal} packages can use them, and may change at any time.
 */
package org.civicdiary.web.internal.problem;
