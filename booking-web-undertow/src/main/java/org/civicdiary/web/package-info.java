/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * civic-diary's HTTP API as an Undertow handler: {@link org.civicdiary.web.WebModule} binds it (and
 * {@link org.civicdiary.booking.usecase.CivicDiary}); {@link org.civicdiary.web.BookingServer} runs
 * it standalone; {@link org.civicdiary.web.StaffAuthenticator} is the port a portal replaces to
 * plug its own sign-on. Everything else lives under {@code org.civicdiary.web.internal}, by concern:
 * {@code http} (plumbing) and {@code http.limits} (client addresses, rate limits), {@code problem}
 * (problem+json), {@code api} (endpoints, bodies, views), {@code staff} (staff sign-in),
 * {@code pages} (pages, assets) and {@code ops} (health, OpenAPI, metrics); none of it is an API.
 */
package org.civicdiary.web;
