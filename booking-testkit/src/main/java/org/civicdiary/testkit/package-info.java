/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * civic-diary's test kit, for tests only: {@link org.civicdiary.testkit.FreshDatabase} gives a test
 * a database of its own, and {@link org.civicdiary.testkit.contract} holds the contract suites every
 * storage adapter runs.
 */
package org.civicdiary.testkit;
