/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.persistence.DatabaseNotReady.Problem;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** Brings the schema to this version with Flyway, refusing a schema that a newer version migrated. */
final class Migrations {
  private Migrations() {}

  /**
   * Migrates over connections of Flyway's own, not the pool's: Flyway holds two at times, and a
   * pool of one connection would wait for itself.
   */
  static void apply(PersistenceConfig config, Dialect dialect) {
    String where = config.safeUrl();
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(config.url(), config.user(), config.password())
        .locations(dialect.migrationLocations().toArray(String[]::new))
        .failOnMissingLocations(true)
        .javaMigrations(new V12__Mailbox_keys(), new V19__Check_ins(), new V27__Office_directory_stamps())
        .load();
    try {
      refuseNewerSchema(flyway, where);
      flyway.migrate();
    } catch (FlywayException e) {
      if (connectionLost(e, dialect)) {
        throw new DatabaseNotReady(Problem.UNREACHABLE, "lost the database at " + where
            + " while migrating its schema: check that the server is running, then start again", e);
      }
      throw new DatabaseNotReady(Problem.SCHEMA_INVALID, "the schema of the database at " + where
          + " could not be migrated to this version of civic-diary: " + e.getMessage()
          + " -- check the table flyway_schema_history against this version's migrations", e);
    }
  }

  private static void refuseNewerSchema(Flyway flyway, String where) {
    MigrationInfo[] all = flyway.info().all();
    List<String> unknown = Arrays.stream(all)
        .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
        .map(m -> String.valueOf(m.getVersion()))
        .toList();
    if (!unknown.isEmpty()) {
      String known = Arrays.stream(all).filter(m -> m.getState().isResolved())
          .map(m -> String.valueOf(m.getVersion())).reduce((a, b) -> b).orElse("none");
      throw new DatabaseNotReady(Problem.SCHEMA_NEWER_THAN_CODE, "the database at " + where
          + " has schema migrations " + unknown + " that this version of civic-diary does not know (it knows up to "
          + known + "): a newer version has upgraded it. Run that version, or restore a backup taken before the"
          + " upgrade; this version will not touch the schema", null);
    }
  }

  private static boolean connectionLost(Throwable e, Dialect dialect) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && Failures.translate(sql, dialect) instanceof StorageUnavailable) {
        return true;
      }
    }
    return false;
  }
}
