/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * The JDBC storage of civic-diary: every storage port on PostgreSQL (production) or an embedded H2
 * file database (the default), with a HikariCP pool and Flyway migrations. Start it with
 * {@link org.civicdiary.persistence.JdbcStorage#start} or the Guice
 * {@link org.civicdiary.persistence.PersistenceModule}; the rest of the package is internal.
 */
package org.civicdiary.persistence;
