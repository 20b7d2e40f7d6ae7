/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.util.Optional;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.usecase.SignedIn;

/**
 * Tells who makes a staff request. The default adapter keeps users, PBKDF2 password hashes and
 * sessions in the core's {@link org.civicdiary.booking.port.StaffAccounts} (and, when configured,
 * believes a user-name header set by a trusted reverse proxy). A portal with its own single sign-on
 * binds its own implementation in a Guice module given with (or overriding) {@link WebModule}:
 *
 * <pre>{@code
 * OptionalBinder.newOptionalBinder(binder(), StaffAuthenticator.class)
 *     .setBinding().to(PortalSignOn.class);
 * }</pre>
 *
 * The web layer answers 401 when {@link #authenticate} finds nobody; what the member may do is
 * decided by their role, in the core. Login throttling, cookies and CSRF checks stay in the web
 * layer, whatever the adapter.
 */
public interface StaffAuthenticator {
  /** The staff member the request proves, or empty (then the answer is 401). */
  Optional<StaffMember> authenticate(StaffRequest request);

  /**
   * Checks the user name and password and opens a session. Empty when the name is unknown, the
   * password wrong or the account inactive, deliberately without saying which. An adapter without
   * passwords (single sign-on only) returns empty. The built-in adapter audits every attempt (the
   * core's {@link org.civicdiary.booking.usecase.SigningIn}); another adapter keeps its own record.
   *
   * @param from the client's address, for the audit log
   */
  Optional<SignedIn> login(String username, String password, String from);

  /**
   * As {@link #login(String, String, String)}, with the browser's {@code User-Agent} (the built-in
   * adapter keeps it, cut short, for its owner's list of sessions). By default the user agent is
   * not used.
   */
  default Optional<SignedIn> login(String username, String password, String from, String userAgent) {
    return login(username, password, from);
  }

  /** Ends the session the request carries (audited by the built-in adapter); nothing happens when it carries none. */
  void logout(StaffRequest request);

  /**
   * The second step of a login whose password step answered {@link SignedIn#secondStep()}: a code
   * from the authenticator app or a recovery code opens the session. Empty when the token or the
   * code is wrong. An adapter without a second factor returns empty.
   *
   * @param username the name the password step was for
   * @param token the password step's token
   */
  default Optional<SignedIn> secondStep(String username, String token, String code, String from, String userAgent) {
    return Optional.empty();
  }
}
