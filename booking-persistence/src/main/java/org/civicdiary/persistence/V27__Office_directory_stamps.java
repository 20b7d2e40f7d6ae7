/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A directory stamp per office ({@code office.directory_version}, see {@link DirectoryCache}), so
 * that a change in one office leaves the other offices' directory in memory; and, on PostgreSQL,
 * triggers that set new stamps, so that a tool writing the directory or reservations behind the
 * adapter cannot leave a node answering from memory that the database no longer holds.
 *
 * <p>The triggers renew a stamp at most once per row and transaction: a row whose {@code xmin} is
 * the transaction's own was stamped by it already (every update of an office or an official sets
 * a new stamp, see the BEFORE triggers), which spares the adapter's bookings an update they have
 * already made. {@code directory_stamp} (V4) stays, and the adapter keeps setting it, for nodes of
 * an older version during a rolling upgrade.
 *
 * <p>Java rather than SQL because H2 has no PL/pgSQL: the column is added on both engines, the
 * triggers on PostgreSQL only. Registered with Flyway by {@link Migrations}.
 */
/* Flyway reads the version from the class name, hence its shape. */
final class V27__Office_directory_stamps extends BaseJavaMigration {
  private static final String COLUMN = "alter table office add column directory_version bigint not null default 0";

  private static final List<String> POSTGRESQL = List.of("""
      create function civicdiary_new_stamp() returns bigint language sql volatile as $$
        select (floor(random() * 9.2e18) + 1)::bigint
      $$""", """
      create function civicdiary_stamped_by_this_transaction(row_xmin xid) returns boolean language sql volatile as $$
        select row_xmin::text::bigint = txid_current() % 4294967296
      $$""",
      // Every change of an office, and every insert, gives it a new directory stamp.
      """
      create function civicdiary_office_stamp() returns trigger language plpgsql as $$
      begin
        new.directory_version := civicdiary_new_stamp();
        return new;
      end $$""",
      "create trigger office_stamp before insert or update on office for each row execute function civicdiary_office_stamp()",
      // Every change of an official, and every insert, gives it a new busy stamp (directory changes are rare).
      """
      create function civicdiary_official_stamp() returns trigger language plpgsql as $$
      begin
        new.busy_version := civicdiary_new_stamp();
        return new;
      end $$""",
      "create trigger official_stamp before insert or update on official for each row execute function civicdiary_official_stamp()",
      """
      create function civicdiary_touch_office(changed varchar) returns void language sql as $$
        update office set directory_version = 0
        where id = changed and not civicdiary_stamped_by_this_transaction(xmin)
      $$""", """
      create function civicdiary_office_of(tab text, r jsonb) returns varchar language sql stable as $$
        select case tab
          when 'office_phone' then r->>'office_id'
          when 'department' then r->>'office_id'
          when 'official' then (select office_id from department where id = r->>'department_id')
          when 'agenda' then (select office_id from department where id = r->>'department_id')
          when 'walk_in_hours' then (select office_id from department where id = r->>'department_id')
          when 'diary_window' then (select d.office_id from official o join department d on d.id = o.department_id
                                    where o.id = r->>'official_id')
          when 'agenda_official' then (select d.office_id from agenda a join department d on d.id = a.department_id
                                       where a.id = r->>'agenda_id')
        end
      $$""", """
      create function civicdiary_directory_changed() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          perform civicdiary_touch_office(civicdiary_office_of(tg_table_name, to_jsonb(old)));
        end if;
        if tg_op <> 'DELETE' then
          perform civicdiary_touch_office(civicdiary_office_of(tg_table_name, to_jsonb(new)));
        end if;
        return null;
      end $$""",
      "create trigger office_phone_changed after insert or update or delete on office_phone"
          + " for each row execute function civicdiary_directory_changed()",
      "create trigger department_changed after insert or update or delete on department"
          + " for each row execute function civicdiary_directory_changed()",
      // Not on busy_version: a booking's stamp is no change of the directory.
      "create trigger official_changed after insert or delete or update of department_id, name, room, email, active"
          + " on official for each row execute function civicdiary_directory_changed()",
      "create trigger agenda_changed after insert or update or delete on agenda"
          + " for each row execute function civicdiary_directory_changed()",
      "create trigger agenda_official_changed after insert or update or delete on agenda_official"
          + " for each row execute function civicdiary_directory_changed()",
      "create trigger diary_window_changed after insert or update or delete on diary_window"
          + " for each row execute function civicdiary_directory_changed()",
      "create trigger walk_in_hours_changed after insert or update or delete on walk_in_hours"
          + " for each row execute function civicdiary_directory_changed()",
      """
      create function civicdiary_busy_changed() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          update official set busy_version = 0
          where id = old.official_id and not civicdiary_stamped_by_this_transaction(xmin);
        end if;
        if tg_op <> 'DELETE' then
          update official set busy_version = 0
          where id = new.official_id and not civicdiary_stamped_by_this_transaction(xmin);
        end if;
        return null;
      end $$""",
      "create trigger reservation_busy_added after insert or delete on reservation"
          + " for each row execute function civicdiary_busy_changed()",
      // Only what busy time is made of: a changed note or e-mail leaves the cache alone.
      """
      create trigger reservation_busy_changed after update on reservation for each row
      when (old.official_id is distinct from new.official_id or old.start_at is distinct from new.start_at
            or old.end_at is distinct from new.end_at or old.status is distinct from new.status)
      execute function civicdiary_busy_changed()""");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    try (Statement s = c.createStatement()) {
      s.execute(COLUMN);
      if (postgres) {
        for (String sql : POSTGRESQL) {
          s.execute(sql);
        }
      }
    }
  }
}
