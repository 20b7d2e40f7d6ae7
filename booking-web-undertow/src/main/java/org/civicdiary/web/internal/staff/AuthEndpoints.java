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
import java.util.function.BiFunction;
import java.util.function.Supplier;
import io.undertow.util.Headers;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.KeepingSecondFactors.Enrolment;
import org.civicdiary.booking.usecase.KeepingSecondFactors.SecondFactorState;
import org.civicdiary.booking.usecase.PasswordChange;
import org.civicdiary.booking.usecase.SignedIn;
import org.civicdiary.web.StaffAuthenticator;
import org.civicdiary.web.StaffRequest;
import org.civicdiary.web.RateLimit;
import org.civicdiary.web.WebSettings;
import org.civicdiary.web.internal.api.Bodies.CodeBody;
import org.civicdiary.web.internal.api.Bodies.LoginBody;
import org.civicdiary.web.internal.api.Bodies.ProofBody;
import org.civicdiary.web.internal.api.Bodies.SecondStepBody;
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
 * Staff login and logout, one's own password, second factor and sessions. A login to an account
 * with a second factor takes two calls: the password answers 401 {@code second-factor-required}
 * with a short-lived token, and the token with a code opens the session. Failed logins (and wrong present
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
  /**
   * The staff routes an administrator who must enrol a second factor may call: who am I, the
   * enrolment, and leaving (and a password change, which may be due too).
   */
  public static final Set<String> BEFORE_ENROLMENT = Set.of("/me", "/password", "/logout", "/second-factor",
      "/second-factor/confirm");
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
    SignedIn session = attempt(call, username, "the user name or the password is wrong, or the account is disabled", null,
        (from, userAgent) -> authenticator.login(username, password, from, userAgent));
    if (session.secondStep()) {
      // half way: the per-address charge stands until the code is right too
      throw new HttpProblem(Problem.of(Refusal.SECOND_FACTOR_REQUIRED,
          "send a code from the authenticator app to POST /api/v1/staff/login/second-step", null)
          .with("secondStepToken", session.token()).with("expiresAt", session.expiresAt().toString()));
    }
    perAddress.refund(address);
    return signedIn(call, session, body.bearer());
  }

  /**
   * The second step of a login to an account with a second factor. A wrong code counts as a failed
   * login, charged before it is checked, as passwords are.
   */
  public Reply secondStep(Call call) {
    SecondStepBody body = call.body(SecondStepBody.class);
    String username = Bodies.required("username", body.username()).strip();
    String token = Bodies.required("token", body.token());
    String code = Bodies.required("code", body.code());
    SignedIn session = attempt(call, username, "the code is wrong or was used already, or the sign-in took too long", "code",
        (from, userAgent) -> authenticator.secondStep(username, token, code, from, userAgent));
    perAddress.refund(call.limitKey());
    return signedIn(call, session, body.bearer());
  }

  /**
   * Charges a sign-in attempt before it is made (per address, and per account and address), makes
   * it, and books the outcome: empty answers 401 {@code login-failed}.
   */
  private SignedIn attempt(Call call, String username, String failure, String field,
      BiFunction<String, String, Optional<SignedIn>> signIn) {
    String key = charge(call, username);
    Optional<SignedIn> login;
    try {
      login = signIn.apply(call.address(), call.exchange().getRequestHeaders().getFirst(Headers.USER_AGENT));
    } catch (RuntimeException e) {
      delays.abandoned(key);
      throw e;
    }
    if (login.isEmpty()) {
      delays.failed(key);
      throw new HttpProblem(Problem.of(Refusal.LOGIN_FAILED, failure, field),
          Map.of("WWW-Authenticate", "Bearer realm=\"civic-diary staff\""));
    }
    delays.succeeded(key);
    return login.get();
  }

  private Reply signedIn(Call call, SignedIn session, Boolean asBearer) {
    boolean bearer = Boolean.TRUE.equals(asBearer);
    Reply reply = Reply.ok(new Views.LoginView(Views.MemberView.of(session.member()), session.expiresAt(),
        bearer ? session.token() : null));
    return bearer ? reply : reply.header("Set-Cookie", cookie(call, session.token(), settings.sessionTtl()));
  }

  /**
   * Whether the office wants this member to enrol a second factor before anything else. Not one
   * the trusted proxy signed on: that sign-on never asks for a code, and its identity provider is
   * where such a member's second factor belongs.
   */
  public boolean mustEnrol(StaffMember member, StaffRequest request) {
    boolean signedOnByProxy = settings.trustedHeader() != null && request.fromTrustedProxy()
        && request.header().apply(settings.trustedHeader()) != null;
    return settings.totpRequiredForAdmins() && member.role() == Role.ADMIN && !signedOnByProxy
        && !diary.keepingSecondFactors().active(member.username());
  }

  public Reply secondFactor(Call call) {
    SecondFactorState state = diary.keepingSecondFactors().state(call.member());
    return Reply.ok(new Views.SecondFactorView(state.active(), state.recoveryCodesLeft()));
  }

  /** Starts enrolment: the secret and the {@code otpauth://} URI for the app; not asked for until confirmed. */
  public Reply startSecondFactor(Call call) {
    call.noBody();
    Enrolment enrolment = diary.keepingSecondFactors().start(call.member());
    return Reply.ok(new Views.EnrolmentView(enrolment.secret(), enrolment.uri()));
  }

  /** The first code from the app: active from now on; the recovery codes are answered this once. */
  public Reply confirmSecondFactor(Call call) {
    StaffMember member = call.member();
    CodeBody body = call.body(CodeBody.class);
    String code = Bodies.required("code", body.code());
    return Reply.ok(new Views.RecoveryCodesView(guarded(call, member, "code",
        () -> diary.keepingSecondFactors().confirm(member, code))));
  }

  /** Turns one's own second factor off, with the password or a code; a wrong one counts as a failed login. */
  public Reply disableSecondFactor(Call call) {
    StaffMember member = call.member();
    ProofBody body = call.body(ProofBody.class);
    String proof = Bodies.required("proof", body.proof());
    guarded(call, member, "proof", () -> {
      diary.keepingSecondFactors().disable(member, proof);
      return null;
    });
    return Reply.noContent();
  }

  /** An administrator removes someone's second factor (audited in the core). */
  public Reply resetSecondFactor(Call call) {
    call.noBody();
    diary.keepingSecondFactors().reset(call.member(), call.path("username"));
    return Reply.noContent();
  }

  /**
   * Runs a check of a secret (a code, a password) charged as a login attempt: a stolen session must
   * not become a way to guess it. Wrong means an {@link InvalidInput} of this field.
   */
  private <T> T guarded(Call call, StaffMember member, String field, Supplier<T> check) {
    String key = charge(call, member.username());
    T result;
    try {
      result = check.get();
    } catch (InvalidInput e) {
      if (e.field().equals(field)) {
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
    return result;
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
    guarded(call, member, "currentPassword", () -> {
      diary.signingIn().changePassword(member, StaffGate.request(call.exchange()).token(), change);
      return null;
    });
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
