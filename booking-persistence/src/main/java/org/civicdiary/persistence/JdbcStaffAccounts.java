/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffSession;
import org.civicdiary.booking.port.StaffAccounts;

final class JdbcStaffAccounts implements StaffAccounts {
  private static final String ACCOUNTS = """
      select username, password_hash, staff_role, official_id, active
      from staff_account
      """;
  private static final String UPDATE_ACCOUNT = """
      update staff_account
      set password_hash = ?, staff_role = ?, official_id = ?, active = ?
      where username = ?
      """;
  private static final String INSERT_ACCOUNT = """
      insert into staff_account (password_hash, staff_role, official_id, active, username)
      values (?, ?, ?, ?, ?)
      """;
  private static final String INSERT_SESSION = """
      insert into staff_session (token_hash, username, created_at, expires_at)
      values (?, ?, ?, ?)
      """;
  private static final String SESSION = """
      select token_hash, username, created_at, expires_at
      from staff_session
      where token_hash = ? and expires_at > ?
      """;

  private final JdbcTransactions tx;

  JdbcStaffAccounts(JdbcTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<StaffAccount> find(String username) {
    return tx.statement(c -> Sql.one(c, ACCOUNTS + "where username = ?", JdbcStaffAccounts::account, username));
  }

  @Override
  public void save(StaffAccount a) {
    Object[] params = {a.passwordHash(), a.role(), a.official() == null ? null : a.official().value(), a.active(),
        a.username()};
    tx.atomically(c -> {
      if (Sql.update(c, UPDATE_ACCOUNT, params) == 0) {
        Sql.update(c, INSERT_ACCOUNT, params);
      }
      return null;
    });
  }

  /** Sorted in Java, by {@link String#compareTo}, whatever the database's collation. */
  @Override
  public List<StaffAccount> all() {
    List<StaffAccount> accounts = new ArrayList<>(tx.statement(c -> Sql.list(c, ACCOUNTS, JdbcStaffAccounts::account)));
    accounts.sort(Comparator.comparing(StaffAccount::username));
    return accounts;
  }

  @Override
  public void add(StaffSession s) {
    tx.statement(c -> Sql.update(c, INSERT_SESSION, s.tokenHash(), s.username(), s.createdAt(), s.expiresAt()));
  }

  @Override
  public Optional<StaffSession> session(String tokenHash, Instant now) {
    return tx.statement(c -> Sql.one(c, SESSION, rs -> new StaffSession(rs.getString("token_hash"),
        rs.getString("username"), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at")), tokenHash, now));
  }

  @Override
  public void endSession(String tokenHash) {
    tx.statement(c -> Sql.update(c, "delete from staff_session where token_hash = ?", tokenHash));
  }

  @Override
  public int removeExpiredSessions(Instant now) {
    return tx.statement(c -> Sql.update(c, "delete from staff_session where expires_at <= ?", now));
  }

  private static StaffAccount account(ResultSet rs) throws SQLException {
    String official = rs.getString("official_id");
    return new StaffAccount(rs.getString("username"), rs.getString("password_hash"),
        Sql.enumerated(rs, "staff_role", Role.class), official == null ? null : OfficialId.of(official),
        rs.getBoolean("active"));
  }
}
