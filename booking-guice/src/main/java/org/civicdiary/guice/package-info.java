/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * civic-diary for Guice: {@link org.civicdiary.guice.CoreModule} binds the core (clock, holidays,
 * use cases, housekeeping), {@link org.civicdiary.guice.ForCivicDiary} marks our bindings of types
 * a host binds too, and {@link org.civicdiary.guice.CivicDiaryService} starts and stops what runs in
 * the background. Every adapter module depends on this one; the core depends on nothing.
 */
package org.civicdiary.guice;
