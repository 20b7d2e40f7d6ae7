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
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.SecondFactor;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffSession;
import org.civicdiary.booking.port.StaffAccounts;

final class JdbcStaffAccounts implements StaffAccounts {
  private static final String ACCOUNTS = """
      select username, password_hash, staff_role, official_id, active, must_change_password, office_id
      from staff_account
      """;
  private static final String UPDATE_ACCOUNT = """
      update staff_account
      set password_hash = ?, staff_role = ?, official_id = ?, active = ?, must_change_password = ?, office_id = ?
      where username = ?
      """;
  private static final String INSERT_ACCOUNT = """
      insert into staff_account (password_hash, staff_role, official_id, active, must_change_password, office_id,
        username)
      values (?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_SESSION = """
      insert into staff_session (id, token_hash, username, created_at, last_seen_at, idle_until, expires_at, client,
        user_agent)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String SESSIONS = """
      select id, token_hash, username, created_at, last_seen_at, idle_until, expires_at, client, user_agent
      from staff_session
      """;
  private static final String OPEN = "idle_until > ? and expires_at > ?";
  private static final String UPDATE_FACTOR = """
      update staff_second_factor set secret = ?, active = ?, last_step = ?, since = ? where username = ?
      """;
  private static final String INSERT_FACTOR = """
      insert into staff_second_factor (secret, active, last_step, since, username) values (?, ?, ?, ?, ?)
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
        a.mustChangePassword(), a.office() == null ? null : a.office().value(), a.username()};
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
    tx.statement(c -> Sql.update(c, INSERT_SESSION, s.id(), s.tokenHash(), s.username(), s.createdAt(), s.lastSeenAt(),
        s.idleUntil(), s.expiresAt(), s.client(), s.userAgent()));
  }

  @Override
  public Optional<StaffSession> session(String tokenHash, Instant now) {
    return tx.statement(c -> Sql.one(c, SESSIONS + "where token_hash = ? and " + OPEN, JdbcStaffAccounts::session,
        tokenHash, now, now));
  }

  /** Sorted in Java, as the memory adapter does. */
  @Override
  public List<StaffSession> sessions(String username, Instant now) {
    List<StaffSession> sessions = new ArrayList<>(tx.statement(c -> Sql.list(c,
        SESSIONS + "where username = ? and " + OPEN, JdbcStaffAccounts::session, username, now, now)));
    sessions.sort(Comparator.comparing(StaffSession::createdAt).thenComparing(StaffSession::id));
    return sessions;
  }

  @Override
  public void touch(String tokenHash, Instant lastSeenAt, Instant idleUntil) {
    tx.statement(c -> Sql.update(c, "update staff_session set last_seen_at = ?, idle_until = ? where token_hash = ?",
        lastSeenAt, idleUntil, tokenHash));
  }

  @Override
  public void endSession(String tokenHash) {
    tx.statement(c -> Sql.update(c, "delete from staff_session where token_hash = ?", tokenHash));
  }

  @Override
  public int endSessions(String username, String keepTokenHash) {
    return tx.statement(c -> keepTokenHash == null
        ? Sql.update(c, "delete from staff_session where username = ?", username)
        : Sql.update(c, "delete from staff_session where username = ? and token_hash <> ?", username, keepTokenHash));
  }

  @Override
  public int removeExpiredSessions(Instant now) {
    return tx.atomically(c -> {
      Sql.update(c, "delete from staff_second_step where expires_at <= ?", now);
      return Sql.update(c, "delete from staff_session where idle_until <= ? or expires_at <= ?", now, now);
    });
  }

  @Override
  public Optional<SecondFactor> secondFactor(String username) {
    return tx.statement(c -> Sql.one(c, "select username, secret, active, last_step, since from staff_second_factor "
        + "where username = ?", rs -> new SecondFactor(rs.getString("username"), rs.getString("secret"),
        rs.getBoolean("active"), rs.getLong("last_step"), Sql.instant(rs, "since")), username));
  }

  @Override
  public void saveSecondFactor(SecondFactor f) {
    Object[] params = {f.secret(), f.active(), f.lastStep(), f.since(), f.username()};
    tx.atomically(c -> {
      if (Sql.update(c, UPDATE_FACTOR, params) == 0) {
        Sql.update(c, INSERT_FACTOR, params);
      }
      return null;
    });
  }

  @Override
  public void removeSecondFactor(String username) {
    tx.atomically(c -> {
      Sql.update(c, "delete from staff_recovery_code where username = ?", username);
      return Sql.update(c, "delete from staff_second_factor where username = ?", username);
    });
  }

  /** One conditional update: of two requests with one code, the second finds the step taken. */
  @Override
  public boolean acceptStep(String username, long step) {
    return tx.statement(c -> Sql.update(c,
        "update staff_second_factor set last_step = ? where username = ? and last_step < ?", step, username, step)) == 1;
  }

  @Override
  public void replaceRecoveryCodes(String username, List<String> codeHashes) {
    tx.atomically(c -> {
      Sql.update(c, "delete from staff_recovery_code where username = ?", username);
      for (String hash : codeHashes) {
        Sql.update(c, "insert into staff_recovery_code (username, code_hash) values (?, ?)", username, hash);
      }
      return null;
    });
  }

  @Override
  public boolean useRecoveryCode(String username, String codeHash) {
    return tx.statement(c -> Sql.update(c, "delete from staff_recovery_code where username = ? and code_hash = ?",
        username, codeHash)) == 1;
  }

  @Override
  public int recoveryCodesLeft(String username) {
    return tx.statement(c -> Sql.one(c, "select count(*) from staff_recovery_code where username = ?",
        rs -> rs.getInt(1), username)).orElse(0);
  }

  @Override
  public void addSecondStep(String tokenHash, String username, Instant expiresAt) {
    tx.statement(c -> Sql.update(c, "insert into staff_second_step (token_hash, username, expires_at) values (?, ?, ?)",
        tokenHash, username, expiresAt));
  }

  @Override
  public Optional<String> secondStep(String tokenHash, Instant now) {
    return tx.statement(c -> Sql.one(c, "select username from staff_second_step where token_hash = ? and expires_at > ?",
        rs -> rs.getString("username"), tokenHash, now));
  }

  @Override
  public void endSecondStep(String tokenHash) {
    tx.statement(c -> Sql.update(c, "delete from staff_second_step where token_hash = ?", tokenHash));
  }

  private static StaffSession session(ResultSet rs) throws SQLException {
    return new StaffSession(rs.getString("id"), rs.getString("token_hash"), rs.getString("username"),
        Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen_at"), Sql.instant(rs, "idle_until"),
        Sql.instant(rs, "expires_at"), rs.getString("client"), rs.getString("user_agent"));
  }

  private static StaffAccount account(ResultSet rs) throws SQLException {
    String official = rs.getString("official_id");
    String office = rs.getString("office_id");
    return new StaffAccount(rs.getString("username"), rs.getString("password_hash"),
        Sql.enumerated(rs, "staff_role", Role.class), official == null ? null : OfficialId.of(official),
        rs.getBoolean("active"), rs.getBoolean("must_change_password"), office == null ? null : OfficeId.of(office));
  }
}
