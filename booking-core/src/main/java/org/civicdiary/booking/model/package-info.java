/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * The words of civic-diary as values: offices, departments, officials, agendas, diaries,
 * reservations. Every record validates itself; an invalid one cannot exist.
 */
package org.civicdiary.booking.model;
