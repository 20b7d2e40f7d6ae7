/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * The contract suites of the storage ports: an adapter's test extends
 * {@link org.civicdiary.testkit.contract.StorageContract} and
 * {@link org.civicdiary.testkit.contract.ConcurrencyContract} and supplies its storage; the suites
 * load {@link org.civicdiary.testkit.contract.Fixtures} and move time with a
 * {@link org.civicdiary.testkit.contract.MutableClock}.
 */
package org.civicdiary.testkit.contract;
