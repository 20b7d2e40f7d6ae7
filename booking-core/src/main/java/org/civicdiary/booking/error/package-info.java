/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/** The one error family of civic-diary: catch the leaves of {@link org.civicdiary.booking.error.BookingException}. */
package org.civicdiary.booking.error;
