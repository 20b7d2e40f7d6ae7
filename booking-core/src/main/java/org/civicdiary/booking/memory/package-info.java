/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/** In-memory adapters of every storage port, reached through {@link org.civicdiary.booking.memory.InMemoryStorage}. */
package org.civicdiary.booking.memory;
