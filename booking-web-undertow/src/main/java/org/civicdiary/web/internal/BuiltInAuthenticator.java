/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.StaffSession;
import org.civicdiary.booking.port.StaffAccounts;
import org.civicdiary.booking.port.Transactions;
import org.civicdiary.web.Passwords;
import org.civicdiary.web.StaffAuthenticator;
import org.civicdiary.web.StaffLogin;
import org.civicdiary.web.StaffRequest;

/**
 * The default staff authentication, over the core's {@link StaffAccounts}: PBKDF2 passwords,
 * sessions stored by the SHA-256 of a 256-bit random token (so that web nodes sharing a database
 * share sessions, and a leaked table opens nothing), and optionally a user name from a header that
 * only configured reverse proxies are believed to set (a portal's single sign-on).
 */
final class BuiltInAuthenticator implements StaffAuthenticator {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private final StaffAccounts accounts;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration sessionTtl;
  private final String trustedHeader;
  private final SecureRandom random = new SecureRandom();

  BuiltInAuthenticator(StaffAccounts accounts, Transactions transactions, Clock clock, Duration sessionTtl,
      String trustedHeader) {
    this.accounts = accounts;
    this.transactions = transactions;
    this.clock = clock;
    this.sessionTtl = sessionTtl;
    this.trustedHeader = trustedHeader;
  }

  @Override
  public Optional<StaffMember> authenticate(StaffRequest request) {
    if (trustedHeader != null && request.fromTrustedProxy()) {
      String username = request.header().apply(trustedHeader);
      if (username != null && !username.isBlank()) {
        return active(username.strip());
      }
    }
    String token = request.token();
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return accounts.session(hash(token), clock.instant()).flatMap(s -> active(s.username()));
  }

  @Override
  public Optional<StaffLogin> login(String username, String password) {
    Optional<StaffAccount> account = accounts.find(username);
    if (account.isEmpty()) {
      Passwords.spendVerificationTime(password);
      return Optional.empty();
    }
    if (!Passwords.verify(password, account.get().passwordHash()) || !account.get().active()) {
      return Optional.empty();
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expires = now.plus(sessionTtl);
    transactions.run(() -> {
      accounts.removeExpiredSessions(now);
      accounts.add(new StaffSession(hash(token), username, now, expires));
    });
    return Optional.of(new StaffLogin(account.get().member(), token, expires));
  }

  @Override
  public void logout(StaffRequest request) {
    String token = request.token();
    if (token != null && TOKEN.matcher(token).matches()) {
      transactions.run(() -> accounts.endSession(hash(token)));
    }
  }

  private Optional<StaffMember> active(String username) {
    return accounts.find(username).filter(StaffAccount::active).map(StaffAccount::member);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
