/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * The ports the core drives: what an adapter (database, clock, holiday calendar) implements.
 * Each contract is in the Javadoc, and the contract test kit (the {@code booking-testkit} jar,
 * package {@code org.civicdiary.testkit.contract}) checks an adapter against it.
 */
package org.civicdiary.booking.port;
