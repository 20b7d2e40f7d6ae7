/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Check-ins at the reception ({@code check_in}: one a reservation, who checked the citizen in, and
 * when the meeting began and ended), and the RECEPTION staff role.
 *
 * <p>Java rather than SQL because the role's check constraint was created without a name: each
 * engine named it its own way, so it is found by its text in the information schema and replaced
 * by a named one. Registered with Flyway by {@link Migrations}, not found by scanning.
 */
/* Flyway reads the version from the class name, hence its shape. */
final class V19__Check_ins extends BaseJavaMigration {
  /** The primary key keeps one check-in a reservation under any concurrency. */
  private static final String CHECK_IN = """
      create table check_in (
        reservation_id uuid                     primary key references reservation (id),
        arrived_at     timestamp with time zone not null,
        checked_in_by  varchar(100),
        started_at     timestamp with time zone,
        ended_at       timestamp with time zone,
        check (started_at is null or started_at >= arrived_at),
        check (ended_at is null or started_at is not null and ended_at >= started_at)
      )""";
  private static final String ROLE_CHECKS = """
      select c.constraint_name, c.check_clause
      from information_schema.check_constraints c
      join information_schema.table_constraints t
        on t.constraint_name = c.constraint_name and t.constraint_schema = c.constraint_schema
      where lower(t.table_name) = 'staff_account' and t.constraint_type = 'CHECK'
      """;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    List<String> roleChecks = new ArrayList<>();
    try (PreparedStatement read = c.prepareStatement(ROLE_CHECKS); ResultSet rs = read.executeQuery()) {
      while (rs.next()) {
        if (rs.getString(2).contains("'ADMIN'")) {
          roleChecks.add(rs.getString(1));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String name : roleChecks) {
        s.execute("alter table staff_account drop constraint \"" + name.replace("\"", "\"\"") + "\"");
      }
      s.execute("alter table staff_account add constraint staff_account_role"
          + " check (staff_role in ('OPERATOR', 'OFFICIAL', 'ADMIN', 'RECEPTION'))");
      s.execute(CHECK_IN);
      s.execute("create index check_in_by_arrival on check_in (arrived_at)");
    }
  }
}
