/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * civic-diary's HTTP API as an Undertow handler: {@link org.civicdiary.web.WebModule} binds it (and
 * {@link org.civicdiary.booking.usecase.CivicDiary}); {@link org.civicdiary.web.BookingServer} runs
 * it standalone; {@link org.civicdiary.web.StaffAuthenticator} is the port a portal replaces to
 * plug its own sign-on. Everything else lives in {@code org.civicdiary.web.internal}.
 */
package org.civicdiary.web;
