/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * The use cases, one class per activity, reached through {@link org.civicdiary.booking.usecase.CivicDiary}.
 * Each public method is one unit of work.
 */
package org.civicdiary.booking.usecase;
