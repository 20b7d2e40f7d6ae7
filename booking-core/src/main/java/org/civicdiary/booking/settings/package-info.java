/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/** Configuration from a properties file and the environment, read the same way by every module. */
package org.civicdiary.booking.settings;
