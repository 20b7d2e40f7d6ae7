/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.staff;

import java.time.Duration;
import java.util.Optional;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.SecondStep;
import org.civicdiary.booking.usecase.SignIn;
import org.civicdiary.booking.usecase.SignedIn;
import org.civicdiary.web.StaffAuthenticator;
import org.civicdiary.web.StaffRequest;

/**
 * The default staff authentication, the core's {@link org.civicdiary.booking.usecase.SigningIn}
 * (passwords, sessions and their audit), and optionally a user name from a header that only
 * configured reverse proxies are believed to set (a portal's single sign-on).
 */
public final class BuiltInAuthenticator implements StaffAuthenticator {
  private final CivicDiary diary;
  private final Duration sessionTtl;
  private final Duration sessionIdle;
  private final String trustedHeader;

  public BuiltInAuthenticator(CivicDiary diary, Duration sessionTtl, Duration sessionIdle, String trustedHeader) {
    this.diary = diary;
    this.sessionTtl = sessionTtl;
    this.sessionIdle = sessionIdle;
    this.trustedHeader = trustedHeader;
  }

  @Override
  public Optional<StaffMember> authenticate(StaffRequest request) {
    if (trustedHeader != null && request.fromTrustedProxy()) {
      String username = request.header().apply(trustedHeader);
      if (username != null && !username.isBlank()) {
        return diary.signingIn().activeMember(username);
      }
    }
    return diary.signingIn().member(request.token());
  }

  @Override
  public Optional<SignedIn> login(String username, String password, String from) {
    return login(username, password, from, null);
  }

  @Override
  public Optional<SignedIn> login(String username, String password, String from, String userAgent) {
    return diary.signingIn().signIn(new SignIn(username, password, from, userAgent, sessionTtl, sessionIdle));
  }

  @Override
  public Optional<SignedIn> secondStep(String username, String token, String code, String from, String userAgent) {
    return diary.signingIn().secondStep(new SecondStep(username, token, code, from, userAgent, sessionTtl, sessionIdle));
  }

  @Override
  public void logout(StaffRequest request) {
    diary.signingIn().signOut(request.token());
  }
}
