/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.StaffSession;

/**
 * The built-in sign-in of staff: PBKDF2 passwords ({@link Passwords}), sessions stored by the
 * SHA-256 of a 256-bit random token (so that nodes sharing a database share sessions, and a leaked
 * table opens nothing). Every sign-in, failed sign-in and sign-out is audited.
 */
public final class SigningIn {
  /** The audit log's name for a sign-in attempt under a name no account has. */
  public static final String UNKNOWN = "unknown";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private final Context context;

  SigningIn(Context context) {
    this.context = context;
  }

  /**
   * Checks the password and opens a session. Empty when the name is unknown, the password wrong or
   * the account disabled, deliberately without saying which, and in about the same time.
   */
  public Optional<SignedIn> signIn(SignIn command) {
    Optional<StaffAccount> account = command.username().isEmpty() || command.username().length() > 100
        ? Optional.empty() : context.storage.staffAccounts().find(command.username());
    if (account.isEmpty()) {
      Passwords.spendVerificationTime(command.password());
    }
    if (account.isEmpty() || !Passwords.verify(command.password(), account.get().passwordHash())
        || !account.get().active()) {
      auditFailure(account, command);
      return Optional.empty();
    }
    byte[] secret = new byte[32];
    context.random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = context.now();
    Instant expires = now.plus(command.sessionLength());
    StaffMember member = account.get().member();
    context.storage.transactions().run(() -> {
      context.storage.staffAccounts().removeExpiredSessions(now);
      context.storage.staffAccounts().add(new StaffSession(hash(token), member.username(), now, expires));
      audit(member.username(), "staff.login", from(command.from()) + " until " + expires);
    });
    return Optional.of(new SignedIn(member, token, expires));
  }

  /** The active member whose unexpired session this token opens. */
  public Optional<StaffMember> member(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return context.storage.staffAccounts().session(hash(token), context.now()).flatMap(s -> activeMember(s.username()));
  }

  /**
   * The active member of this user name, for a caller that proved who they are by other means (a
   * header set by the portal's single sign-on).
   */
  public Optional<StaffMember> activeMember(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    return context.storage.staffAccounts().find(username.strip()).filter(StaffAccount::active).map(StaffAccount::member);
  }

  /** Ends the session this token opens, and audits it; nothing happens for an unknown token. */
  public void signOut(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return;
    }
    String hash = hash(token);
    context.storage.transactions().run(() ->
        context.storage.staffAccounts().session(hash, context.now()).ifPresent(session -> {
          context.storage.staffAccounts().endSession(hash);
          audit(session.username(), "staff.logout", null);
        }));
  }

  /**
   * A failed sign-in is audited under the account's name when there is such an account, else under
   * {@value #UNKNOWN}: a name nobody has is often a password typed into the wrong field, and the
   * audit log outlives everything else.
   */
  private void auditFailure(Optional<StaffAccount> account, SignIn command) {
    String name = account.map(StaffAccount::username).orElse(UNKNOWN);
    context.storage.transactions().run(() -> audit(name, "staff.login-failed", from(command.from())));
  }

  private void audit(String username, String action, String after) {
    context.storage.auditLog().record(new AuditEntry(context.now(), username, action, username, null, after));
  }

  private static String from(String from) {
    return "from " + (from == null ? "unknown" : from);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
