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
import java.util.List;
import java.util.UUID;
import org.civicdiary.booking.model.EmailKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the tally of messages that citizens' own actions send to one mailbox a day (issue 14
 * item 5: the town hall's mail must not become a relay for flooding an address), and rewrites the
 * per-address key of every stored reservation and waiting-list entry from the
 * lower-cased address to {@link EmailKey}'s hash of the mailbox, so that existing rows count with
 * new ones however they were spelt (issue 14 item 6). In Java rather than SQL because the normal
 * form and the hash must be the very ones the code computes, on both engines. The address as typed
 * stays in {@code citizen_email} for sending mail; anonymised rows have neither.
 *
 * <p>Registered with Flyway by {@link Migrations}, not found by scanning.
 */
/* Flyway reads the version from the class name, hence its shape. */
final class V12__Mailbox_keys extends BaseJavaMigration {
  private static final int BATCH = 500;
  /** By mailbox key (never an address) and the office's day; old days are deleted as new ones are counted. */
  private static final String TALLY = """
      create table mail_tally (
        email_key varchar(64) not null,
        on_day    date        not null,
        messages  integer     not null check (messages >= 0),
        primary key (email_key, on_day)
      )""";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute(TALLY);
      s.execute("create index mail_tally_of_day on mail_tally (on_day)");
    }
    for (String table : List.of("reservation", "waiting_list_entry")) {
      rekey(c, table);
    }
  }

  private static void rekey(Connection c, String table) throws SQLException {
    String select = "select id, citizen_email from " + table + " where citizen_email is not null";
    String update = "update " + table + " set email_key = ? where id = ?";
    try (PreparedStatement read = c.prepareStatement(select); ResultSet rs = read.executeQuery();
        PreparedStatement write = c.prepareStatement(update)) {
      int pending = 0;
      while (rs.next()) {
        write.setString(1, EmailKey.of(rs.getString(2)));
        write.setObject(2, rs.getObject(1, UUID.class));
        write.addBatch();
        if (++pending == BATCH) {
          write.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        write.executeBatch();
      }
    }
  }
}
