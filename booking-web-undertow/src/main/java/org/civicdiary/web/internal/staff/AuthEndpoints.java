/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.staff;

import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.undertow.util.Headers;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.PasswordChange;
import org.civicdiary.booking.usecase.SignedIn;
import org.civicdiary.web.StaffAuthenticator;
import org.civicdiary.web.RateLimit;
import org.civicdiary.web.WebSettings;
import org.civicdiary.web.internal.api.Bodies.LoginBody;
import org.civicdiary.web.internal.api.Bodies.PasswordBody;
import org.civicdiary.web.internal.api.Bodies;
import org.civicdiary.web.internal.api.Views;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.limits.ClientAddress;
import org.civicdiary.web.internal.http.limits.Throttle;
import org.civicdiary.web.internal.problem.HttpProblem;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Refusal;

/**
 * Staff login and logout, one's own password and sessions. Failed logins (and wrong present
 * passwords at a change) are throttled per account and client address with growing delays, and by
 * a hard limit per client address (429 with {@code Retry-After}), both charged before the password
 * is checked; the authenticator audits them (the built-in one in the core). The session goes to the
 * browser as an HttpOnly, SameSite=Strict cookie scoped to the staff API, or, when asked for
 * ({@code "bearer": true}), to a script or integration as a bearer token in the answer.
 */
public final class AuthEndpoints {
  /**
   * The staff routes (after {@code /api/v1/staff}) a member who must change their password may
   * call: who am I, the change itself, and leaving.
   */
  public static final Set<String> BEFORE_PASSWORD_CHANGE = Set.of("/me", "/password", "/logout");
  private final StaffAuthenticator authenticator;
  private final CivicDiary diary;
  private final WebSettings.Staff settings;
  private final LoginDelays delays;
  private final Throttle perAddress;

  public AuthEndpoints(StaffAuthenticator authenticator, CivicDiary diary, WebSettings.Staff settings) {
    this.authenticator = authenticator;
    this.diary = diary;
    this.settings = settings;
    RateLimit perAccount = settings.loginPerUser();
    // the first failures are free; then the wait starts at the limit's pace and doubles up to its period
    this.delays = new LoginDelays(Math.max(0, perAccount.capacity() - 1),
        perAccount.period().dividedBy(Math.max(1, perAccount.capacity())), perAccount.period(), System::nanoTime);
    this.perAddress = new Throttle(settings.loginPerAddress());
  }

  public Reply login(Call call) {
    LoginBody body = call.body(LoginBody.class);
    String username = Bodies.required("username", body.username()).strip();
    String password = Bodies.required("password", body.password());
    String address = call.limitKey();
    String key = charge(call, username);
    Optional<SignedIn> login;
    try {
      login = authenticator.login(username, password, call.address(),
          call.exchange().getRequestHeaders().getFirst(Headers.USER_AGENT));
    } catch (RuntimeException e) {
      delays.abandoned(key);
      throw e;
    }
    if (login.isEmpty()) {
      delays.failed(key);
      throw new HttpProblem(Problem.of(Refusal.LOGIN_FAILED,
          "the user name or the password is wrong, or the account is disabled", null),
          Map.of("WWW-Authenticate", "Bearer realm=\"civic-diary staff\""));
    }
    delays.succeeded(key);
    perAddress.refund(address);
    SignedIn session = login.get();
    boolean bearer = Boolean.TRUE.equals(body.bearer());
    Reply reply = Reply.ok(new Views.LoginView(Views.MemberView.of(session.member()), session.expiresAt(),
        bearer ? session.token() : null));
    return bearer ? reply : reply.header("Set-Cookie", cookie(call, session.token(), settings.sessionTtl()));
  }

  public Reply logout(Call call) {
    call.member();
    authenticator.logout(StaffGate.request(call.exchange()));
    return Reply.noContent().header("Set-Cookie", cookie(call, "", Duration.ZERO));
  }

  public Reply me(Call call) {
    return Reply.ok(Views.MemberView.of(call.member()));
  }

  /**
   * One's own new password. A wrong present password counts as a failed login (a stolen session
   * must not become a way to guess it); the other sessions end, this one stays.
   */
  public Reply changePassword(Call call) {
    StaffMember member = call.member();
    PasswordBody body = call.body(PasswordBody.class);
    PasswordChange change = new PasswordChange(body.currentPassword(), body.newPassword());
    String key = charge(call, member.username());
    try {
      diary.signingIn().changePassword(member, StaffGate.request(call.exchange()).token(), change);
    } catch (InvalidInput e) {
      if (e.field().equals("currentPassword")) {
        delays.failed(key);
      } else {
        delays.abandoned(key);
        perAddress.refund(call.limitKey());
      }
      throw e;
    } catch (RuntimeException e) {
      delays.abandoned(key);
      throw e;
    }
    delays.succeeded(key);
    perAddress.refund(call.limitKey());
    return Reply.noContent();
  }

  public Reply sessions(Call call) {
    return Reply.ok(new Views.SessionsView(diary.signingIn()
        .sessions(call.member(), StaffGate.request(call.exchange()).token())
        .stream().map(Views.SessionView::of).toList()));
  }

  /** Ends one of one's own sessions; ending the current one also clears the cookie. */
  public Reply endSession(Call call) {
    call.noBody();
    String id = call.path("id");
    String token = StaffGate.request(call.exchange()).token();
    boolean current = diary.signingIn().sessions(call.member(), token).stream()
        .anyMatch(s -> s.current() && s.id().equals(id));
    diary.signingIn().endSession(call.member(), id);
    Reply reply = Reply.noContent();
    return current ? reply.header("Set-Cookie", cookie(call, "", Duration.ZERO)) : reply;
  }

  /** An administrator ends every session of someone (a lost laptop). */
  public Reply endSessionsOf(Call call) {
    call.noBody();
    return Reply.ok(new Views.SessionsEnded(diary.signingIn().endSessions(call.member(), call.path("username"))));
  }

  /**
   * Charges a password attempt before the password is checked, so concurrent guesses cannot all
   * reach the check: per client address, and per account and address with growing delays.
   *
   * @return the key of the per-account delays, for the outcome
   */
  private String charge(Call call, String username) {
    String address = call.limitKey();
    String key = username.toLowerCase(Locale.ROOT) + '\n' + address;
    long wait = perAddress.take(address);
    if (wait > 0) {
      throw HttpProblem.tooManyRequests(wait, "too many failed logins from this address; wait " + wait + " s");
    }
    wait = delays.start(key);
    if (wait > 0) {
      perAddress.refund(address);
      throw HttpProblem.tooManyRequests(wait, "too many failed logins; wait " + wait + " s");
    }
    return key;
  }

  private String cookie(Call call, String token, Duration maxAge) {
    StringBuilder cookie = new StringBuilder(StaffGate.COOKIE).append('=').append(token)
        .append("; Path=").append(call.mount()).append("/api/v1/staff")
        .append("; Max-Age=").append(maxAge.toSeconds())
        .append("; HttpOnly; SameSite=Strict");
    if (secure(call.exchange())) {
      cookie.append("; Secure");
    }
    return cookie.toString();
  }

  /** Secure when configured so, or ("auto") when the request came over TLS, directly or through a trusted proxy. */
  private boolean secure(HttpServerExchange exchange) {
    return switch (settings.cookieSecure()) {
      case "true" -> true;
      case "false" -> false;
      default -> ClientAddress.overTls(exchange);
    };
  }
}
