/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ADMIN;
import static org.civicdiary.web.contract.TestOffice.DISABLED;
import static org.civicdiary.web.contract.TestOffice.OPERATOR;
import static org.civicdiary.web.contract.TestOffice.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.civicdiary.testkit.AuthenticatorApp;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** Staff login by cookie or bearer token, logout, throttling, CSRF, and a proxy's single sign-on. */
abstract class AuthPart extends ContractPart {
  AuthPart(HttpApiContract contract) {
    super(contract);
  }

  private static Map<String, Object> credentials(String username, String password) {
    return Map.of("username", username, "password", password);
  }

  @Test
  void aCookieSessionIsHttpOnlyStrictAndScopedAndLogoutEndsIt() {
    Response login = api().post("/api/v1/staff/login", credentials(OPERATOR, PASSWORD));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().path("member").path("role").asText()).isEqualTo("OPERATOR");
    assertThat(login.json().path("token").isNull()).as("no token a script could read").isTrue();
    String setCookie = login.header("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith("civicdiary-staff=").contains("HttpOnly").contains("SameSite=Strict")
        .contains("Path=" + HttpApiContract.PREFIX + "/api/v1/staff").doesNotContain("Secure");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    assertThat(api().get("/api/v1/staff/me", "Cookie", cookie).json().path("username").asText()).isEqualTo(OPERATOR);
    int audit = c.auditSize();
    assertProblem(api().send("POST", "/api/v1/staff/logout", null, null, "Cookie", cookie), 403, "csrf", null);
    assertThat(c.auditSize()).isEqualTo(audit);
    assertThat(api().get("/api/v1/staff/me", "Cookie", cookie).status()).as("still logged in").isEqualTo(200);
    Response logout = api().send("POST", "/api/v1/staff/logout", null, null, "Cookie", cookie, "X-Requested-With", "fetch");
    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.header("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertProblem(api().get("/api/v1/staff/me", "Cookie", cookie), 401, "unauthenticated", null);
  }

  @Test
  void aBearerTokenWorksWithoutCookieOrCsrfHeader() {
    Response login = api().post("/api/v1/staff/login", Map.of("username", ADMIN, "password", PASSWORD, "bearer", true));
    assertThat(login.header("Set-Cookie")).isEmpty();
    String token = login.json().path("token").asText();
    assertThat(token).hasSize(43);
    ApiClient admin = api().bearer(token);
    assertThat(admin.get("/api/v1/staff/me").json().path("role").asText()).isEqualTo("ADMIN");
    assertThat(admin.send("POST", "/api/v1/staff/logout", null, null).status()).isEqualTo(204);
    assertProblem(admin.get("/api/v1/staff/me"), 401, "unauthenticated", null);
    assertProblem(api().bearer("x".repeat(43)).get("/api/v1/staff/me"), 401, "unauthenticated", null);
  }

  @Test
  void wrongPasswordUnknownUserAndDisabledAccountAnswerAlikeAndAreAudited() {
    Response wrong = api().post("/api/v1/staff/login", credentials(OPERATOR, "not the password"));
    JsonNode p = assertProblem(wrong, 401, "login-failed", null);
    Response unknown = api().post("/api/v1/staff/login", credentials("nobody-here", PASSWORD));
    Response disabled = api().post("/api/v1/staff/login", credentials(DISABLED, PASSWORD));
    assertThat(unknown.body()).isEqualTo(wrong.body());
    assertThat(disabled.body()).isEqualTo(wrong.body());
    assertThat(p.path("detail").asText()).doesNotContain(OPERATOR);
    JsonNode audit = c.as(ADMIN).get("/api/v1/staff/audit?limit=20").json().path("entries");
    boolean recorded = false;
    for (JsonNode e : audit) {
      recorded |= e.path("action").asText().equals("staff.login-failed") && e.path("actor").asText().equals(OPERATOR);
    }
    assertThat(recorded).isTrue();
  }

  @Test
  void failedLoginsAreThrottledPerUserAndPerAddress() {
    BookingServer strict = c.startServer(Map.of("civicdiary.staff.login-per-user", "2/PT1H"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), strict.uri());
    for (int i = 0; i < 2; i++) {
      assertThat(client.post("/api/v1/staff/login", credentials(OPERATOR, "wrong " + i)).status()).isEqualTo(401);
    }
    Response throttled = client.post("/api/v1/staff/login", credentials(OPERATOR, PASSWORD));
    assertProblem(throttled, 429, "rate-limited", null);
    assertThat(throttled.header("Retry-After")).isPresent();
    assertThat(client.post("/api/v1/staff/login", credentials(ADMIN, PASSWORD)).status()).as("other users still log in").isEqualTo(200);

    BookingServer perAddress = c.startServer(Map.of("civicdiary.staff.login-per-address", "2/PT1H"));
    ApiClient other = new ApiClient(ApiClient.newHttpClient(), perAddress.uri());
    assertThat(other.post("/api/v1/staff/login", credentials("guess-1", "x")).status()).isEqualTo(401);
    assertThat(other.post("/api/v1/staff/login", credentials("guess-2", "x")).status()).isEqualTo(401);
    assertProblem(other.post("/api/v1/staff/login", credentials(ADMIN, PASSWORD)), 429, "rate-limited", null);
  }

  @Test
  void concurrentGuessesAreChargedBeforeThePasswordIsChecked() throws Exception {
    BookingServer server = c.startServer(Map.of("civicdiary.staff.login-per-user", "5/PT1H"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), server.uri());
    long before = failedLogins();
    java.util.List<java.util.concurrent.Callable<Integer>> guesses = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String guess = "guess number " + i;
      guesses.add(() -> client.post("/api/v1/staff/login", credentials(ADMIN, guess)).status());
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
    java.util.List<Integer> statuses = new java.util.ArrayList<>();
    try {
      for (var answer : pool.invokeAll(guesses)) {
        statuses.add(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).containsOnly(401, 429);
    assertThat(statuses).as("guesses that reached the password check").filteredOn(st -> st == 401).hasSizeLessThanOrEqualTo(5);
    assertThat(failedLogins() - before).as("audited failures").isEqualTo(statuses.stream().filter(st -> st == 401).count());
  }

  private long failedLogins() {
    long failed = 0;
    for (JsonNode e : c.as(ADMIN).get("/api/v1/staff/audit?limit=1000").json().path("entries")) {
      failed += e.path("action").asText().equals("staff.login-failed") ? 1 : 0;
    }
    return failed;
  }

  @Test
  void guessesFromElsewhereDoNotLockTheOwnerOutButTheGuesserWaitsLongerEachTime() {
    BookingServer server = c.startServer(Map.of("civicdiary.web.trusted-proxies", "127.0.0.1/32, ::1",
        "civicdiary.staff.login-per-user", "3/PT1H"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), server.uri());
    for (int i = 0; i < 3; i++) {
      assertThat(client.post("/api/v1/staff/login", credentials(ADMIN, "wrong " + i), "X-Forwarded-For", "203.0.113.9")
          .status()).isEqualTo(401);
    }
    Response locked = client.post("/api/v1/staff/login", credentials(ADMIN, PASSWORD), "X-Forwarded-For", "203.0.113.9");
    assertProblem(locked, 429, "rate-limited", null);
    assertThat(Long.parseLong(locked.header("Retry-After").orElseThrow())).as("the first delay: the period / 3")
        .isBetween(1L, 20 * 60L);
    assertThat(client.post("/api/v1/staff/login", credentials(ADMIN, PASSWORD), "X-Forwarded-For", "198.51.100.4")
        .status()).as("the owner from their own address").isEqualTo(200);
  }

  @Test
  void aSignOnHeaderSentTwiceIsRefusedWhicheverCopyComesFirst() {
    BookingServer sso = c.startServer(Map.of("civicdiary.web.trusted-proxies", "127.0.0.1/32, ::1",
        "civicdiary.staff.trusted-header", "X-Remote-User"));
    ApiClient viaProxy = new ApiClient(ApiClient.newHttpClient(), sso.uri());
    assertProblem(viaProxy.get("/api/v1/staff/me", "X-Remote-User", ADMIN, "X-Remote-User", OPERATOR),
        401, "unauthenticated", null);
    assertProblem(viaProxy.get("/api/v1/staff/me", "X-Remote-User", OPERATOR, "X-Remote-User", OPERATOR),
        401, "unauthenticated", null);
    assertThat(viaProxy.get("/api/v1/staff/me", "X-Remote-User", OPERATOR).status()).isEqualTo(200);
  }

  @Test
  void theCookieIsSecureWhenConfigured() {
    BookingServer secure = c.startServer(Map.of("civicdiary.staff.cookie-secure", "true"));
    Response login = new ApiClient(ApiClient.newHttpClient(), secure.uri()).post("/api/v1/staff/login", credentials(OPERATOR, PASSWORD));
    assertThat(login.header("Set-Cookie").orElseThrow()).contains("; Secure");
  }

  @Test
  void aSessionExpires() {
    String token = c.login(OPERATOR);
    try {
      c.clock.advance(Duration.ofHours(9));
      assertProblem(api().bearer(token).get("/api/v1/staff/me"), 401, "unauthenticated", null);
    } finally {
      c.resetClock();
    }
  }

  @Test
  void aProxysSignOnHeaderIsBelievedOnlyFromTheConfiguredProxy() {
    BookingServer sso = c.startServer(Map.of("civicdiary.web.trusted-proxies", "127.0.0.1/32, ::1",
        "civicdiary.staff.trusted-header", "X-Remote-User"));
    ApiClient viaProxy = new ApiClient(ApiClient.newHttpClient(), sso.uri());
    assertThat(viaProxy.get("/api/v1/staff/me", "X-Remote-User", OPERATOR).json().path("username").asText()).isEqualTo(OPERATOR);
    assertProblem(viaProxy.get("/api/v1/staff/me", "X-Remote-User", DISABLED), 401, "unauthenticated", null);
    assertProblem(viaProxy.get("/api/v1/staff/me", "X-Remote-User", "nobody-here"), 401, "unauthenticated", null);

    BookingServer elsewhere = c.startServer(Map.of("civicdiary.web.trusted-proxies", "10.9.8.7",
        "civicdiary.staff.trusted-header", "X-Remote-User"));
    assertProblem(new ApiClient(ApiClient.newHttpClient(), elsewhere.uri()).get("/api/v1/staff/me", "X-Remote-User", ADMIN),
        401, "unauthenticated", null);
    assertProblem(api().get("/api/v1/staff/me", "X-Remote-User", ADMIN), 401, "unauthenticated", null);
  }

  // ---------------------------------------------------------------- own password and sessions (#14 items 11, 12)

  private static final String NEW_PASSWORD = "violet tractor hums quietly at dawn";

  /** A new operator of this test's own (the accounts are shared by every part): its user name. */
  private String newOperator(String prefix) {
    String username = prefix + "." + c.next();
    Response saved = c.as(ADMIN).put("/api/v1/staff/accounts/" + username,
        Map.of("role", "OPERATOR", "active", true, "password", PASSWORD));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    return username;
  }

  private String login(String username, String password, String userAgent) {
    Response r = api().post("/api/v1/staff/login", Map.of("username", username, "password", password, "bearer", true),
        "User-Agent", userAgent);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("token").asText();
  }

  private static Map<String, Object> passwordChange(String current, String wanted) {
    return Map.of("currentPassword", current, "newPassword", wanted);
  }

  @Test
  void everyoneChangesTheirOwnPasswordWithThePresentOneAGuessableOneIsRefusedAndTheOtherSessionsEnd() {
    String user = newOperator("changes.password");
    String here = login(user, PASSWORD, "Firefox");
    String elsewhere = login(user, PASSWORD, "Chromium");

    assertProblem(api().bearer(here).post("/api/v1/staff/password", passwordChange("not the password", NEW_PASSWORD)),
        400, "invalid-input", "currentPassword");
    assertProblem(api().bearer(here).post("/api/v1/staff/password", passwordChange(PASSWORD, "password1234")),
        400, "invalid-input", "newPassword");
    JsonNode named = assertProblem(api().bearer(here).post("/api/v1/staff/password",
        passwordChange(PASSWORD, user + "2027")), 400, "invalid-input", "newPassword");
    assertThat(named.path("detail").asText()).contains("guessed");
    assertProblem(api().bearer(here).post("/api/v1/staff/password", passwordChange(PASSWORD, "short")),
        400, "invalid-input", "newPassword");
    assertThat(api().bearer(elsewhere).get("/api/v1/staff/me").status()).as("nothing changed yet").isEqualTo(200);

    Response changed = api().bearer(here).post("/api/v1/staff/password", passwordChange(PASSWORD, NEW_PASSWORD));
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(api().bearer(here).get("/api/v1/staff/me").status()).as("the session it was changed in").isEqualTo(200);
    assertProblem(api().bearer(elsewhere).get("/api/v1/staff/me"), 401, "unauthenticated", null);
    assertProblem(api().post("/api/v1/staff/login", credentials(user, PASSWORD)), 401, "login-failed", null);
    assertThat(api().post("/api/v1/staff/login", credentials(user, NEW_PASSWORD)).status()).isEqualTo(200);
    assertProblem(api().post("/api/v1/staff/password", passwordChange(NEW_PASSWORD, PASSWORD)), 401, "unauthenticated", null);
  }

  @Test
  void wrongPresentPasswordsAreThrottledLikeFailedLogins() {
    BookingServer strict = c.startServer(Map.of("civicdiary.staff.login-per-user", "2/PT1H"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), strict.uri());
    String user = newOperator("guesses.password");
    Response login = client.post("/api/v1/staff/login", Map.of("username", user, "password", PASSWORD, "bearer", true));
    ApiClient session = client.bearer(login.json().path("token").asText());
    for (int i = 0; i < 2; i++) {
      assertProblem(session.post("/api/v1/staff/password", passwordChange("guess " + i, NEW_PASSWORD)),
          400, "invalid-input", "currentPassword");
    }
    assertProblem(session.post("/api/v1/staff/password", passwordChange(PASSWORD, NEW_PASSWORD)), 429, "rate-limited", null);
  }

  @Test
  void theFirstAdministratorMayDoNothingButChangeTheConfiguredPassword() {
    String root = "root." + c.next();
    BookingServer first = c.startServer(Map.of("civicdiary.staff.initial-admin", root,
        "civicdiary.staff.initial-admin-password", PASSWORD));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), first.uri());
    Response login = client.post("/api/v1/staff/login", Map.of("username", root, "password", PASSWORD, "bearer", true));
    assertThat(login.json().path("member").path("mustChangePassword").asBoolean()).isTrue();
    ApiClient admin = client.bearer(login.json().path("token").asText());
    assertThat(admin.get("/api/v1/staff/me").json().path("mustChangePassword").asBoolean()).isTrue();
    for (String path : new String[] {"/api/v1/staff/worklist", "/api/v1/staff/accounts", "/api/v1/staff/sessions"}) {
      JsonNode p = assertProblem(admin.get(path), 403, "password-change-required", null);
      assertThat(p.path("detail").asText()).contains("/api/v1/staff/password");
    }
    assertProblem(admin.put("/api/v1/staff/accounts/" + root + ".friend",
        Map.of("role", "ADMIN", "active", true, "password", PASSWORD)), 403, "password-change-required", null);

    Response changed = admin.post("/api/v1/staff/password", passwordChange(PASSWORD, NEW_PASSWORD));
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(admin.get("/api/v1/staff/me").json().path("mustChangePassword").asBoolean()).isFalse();
    assertThat(admin.get("/api/v1/staff/accounts").status()).isEqualTo(200);
  }

  @Test
  void eachPersonListsAndEndsTheirOwnSessionsAndAnAdministratorEndsAllOfSomeones() {
    String user = newOperator("sessions");
    String laptop = login(user, PASSWORD, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0 " + "x".repeat(100));
    String phone = login(user, PASSWORD, "Mobile Safari");

    JsonNode sessions = api().bearer(phone).get("/api/v1/staff/sessions").json().path("sessions");
    assertThat(sessions).hasSize(2);
    // opened at the same instant (the clock stands still): told apart by their browsers
    JsonNode first = sessions.get(0).path("userAgent").asText().startsWith("Mozilla") ? sessions.get(0) : sessions.get(1);
    JsonNode second = first == sessions.get(0) ? sessions.get(1) : sessions.get(0);
    assertThat(first.path("current").asBoolean()).isFalse();
    assertThat(second.path("current").asBoolean()).isTrue();
    assertThat(second.path("userAgent").asText()).isEqualTo("Mobile Safari");
    assertThat(first.path("userAgent").asText()).startsWith("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0").hasSize(80);
    assertThat(first.path("client").asText()).matches("127\\.0\\.0\\.x|::1|0:0:0:0:0:0:0:1");
    assertThat(first.path("createdAt").asText()).isNotBlank();
    assertThat(first.toString()).doesNotContain(laptop);
    String firstId = first.path("id").asText();

    assertProblem(c.as(OPERATOR).post("/api/v1/staff/sessions/" + firstId + "/end", Map.of()), 404, "not-found", null);
    assertThat(api().bearer(laptop).get("/api/v1/staff/me").status()).isEqualTo(200);
    assertThat(api().bearer(phone).post("/api/v1/staff/sessions/" + firstId + "/end", Map.of()).status()).isEqualTo(204);
    assertProblem(api().bearer(laptop).get("/api/v1/staff/me"), 401, "unauthenticated", null);
    assertThat(api().bearer(phone).get("/api/v1/staff/sessions").json().path("sessions")).hasSize(1);

    assertProblem(c.as(OPERATOR).post("/api/v1/staff/accounts/" + user + "/sessions/end", Map.of()),
        403, "not-permitted", null);
    Response ended = c.as(ADMIN).post("/api/v1/staff/accounts/" + user + "/sessions/end", Map.of());
    assertThat(ended.json().path("ended").asInt()).isEqualTo(1);
    assertProblem(api().bearer(phone).get("/api/v1/staff/me"), 401, "unauthenticated", null);
  }

  @Test
  void endingTheCurrentSessionClearsTheCookie() {
    String user = newOperator("ends.own");
    Response login = api().post("/api/v1/staff/login", credentials(user, PASSWORD));
    String setCookie = login.header("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String id = api().get("/api/v1/staff/sessions", "Cookie", cookie).json().path("sessions").get(0).path("id").asText();
    Response end = api().send("POST", "/api/v1/staff/sessions/" + id + "/end", null, null, "Cookie", cookie,
        "X-Requested-With", "fetch");
    assertThat(end.status()).isEqualTo(204);
    assertThat(end.header("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertProblem(api().get("/api/v1/staff/me", "Cookie", cookie), 401, "unauthenticated", null);
  }

  @Test
  void disablingAnAccountOrSettingItANewPasswordEndsItsSessionsAndEnablingItRevivesNone() {
    String user = newOperator("disabled.later");
    String before = login(user, PASSWORD, "Firefox");
    assertThat(c.as(ADMIN).put("/api/v1/staff/accounts/" + user, Map.of("role", "OPERATOR", "active", false)).status())
        .isEqualTo(200);
    assertThat(c.as(ADMIN).put("/api/v1/staff/accounts/" + user, Map.of("role", "OPERATOR", "active", true)).status())
        .isEqualTo(200);
    assertProblem(api().bearer(before).get("/api/v1/staff/me"), 401, "unauthenticated", null);

    String next = login(user, PASSWORD, "Firefox");
    assertThat(c.as(ADMIN).put("/api/v1/staff/accounts/" + user,
        Map.of("role", "OPERATOR", "active", true, "password", NEW_PASSWORD)).status()).isEqualTo(200);
    assertProblem(api().bearer(next).get("/api/v1/staff/me"), 401, "unauthenticated", null);
  }

  @Test
  void aSessionUnusedForHalfAnHourEndsAndOneInUseLastsUntilItsLifetime() {
    String user = newOperator("idle");
    String unused = login(user, PASSWORD, "Firefox");
    String used = login(user, PASSWORD, "Firefox");
    try {
      for (int i = 0; i < 24; i++) {
        c.clock.advance(Duration.ofMinutes(29));
        assertThat(api().bearer(used).get("/api/v1/staff/me").status()).as("used after %d half hours", i + 1)
            .isEqualTo(200);
        if (i == 1) {
          assertProblem(api().bearer(unused).get("/api/v1/staff/me"), 401, "unauthenticated", null);
        }
      }
      c.clock.advance(Duration.ofMinutes(25));
      assertProblem(api().bearer(used).get("/api/v1/staff/me"), 401, "unauthenticated", null);
    } finally {
      c.resetClock();
    }
  }

  // ---------------------------------------------------------------- second factor (#14 item 13)

  /** Enrols the session's owner: their app, and the recovery codes in {@code codes}. */
  private AuthenticatorApp enrol(ApiClient session, java.util.List<String> codes) {
    Response started = session.post("/api/v1/staff/second-factor", Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    AuthenticatorApp app = new AuthenticatorApp(started.json().path("secret").asText());
    Response confirmed = session.post("/api/v1/staff/second-factor/confirm", Map.of("code", app.codeAt(c.clock.instant())));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    confirmed.json().path("recoveryCodes").forEach(code -> codes.add(code.asText()));
    return app;
  }

  private static Map<String, Object> secondStep(String username, String token, String code) {
    return Map.of("username", username, "token", token, "code", code, "bearer", true);
  }

  @Test
  void anOperatorEnrolsAnAuthenticatorAppAndThenSignsInWithACodeOrARecoveryCodeEachGoodOnce() {
    String user = newOperator("totp");
    ApiClient session = api().bearer(login(user, PASSWORD, "Firefox"));
    assertThat(session.get("/api/v1/staff/second-factor").json().path("active").asBoolean()).isFalse();

    Response started = session.post("/api/v1/staff/second-factor", Map.of());
    String secret = started.json().path("secret").asText();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(started.json().path("uri").asText()).startsWith("otpauth://totp/").contains("secret=" + secret);
    AuthenticatorApp app = new AuthenticatorApp(secret);
    assertProblem(session.post("/api/v1/staff/second-factor/confirm",
        Map.of("code", app.codeAt(c.clock.instant().plusSeconds(600)))), 400, "invalid-input", "code");
    assertThat(api().post("/api/v1/staff/login", credentials(user, PASSWORD)).status()).as("not asked for yet").isEqualTo(200);
    Response confirmed = session.post("/api/v1/staff/second-factor/confirm", Map.of("code", app.codeAt(c.clock.instant())));
    assertThat(confirmed.json().path("recoveryCodes")).hasSize(10);
    String recovery = confirmed.json().path("recoveryCodes").get(0).asText();
    JsonNode state = session.get("/api/v1/staff/second-factor").json();
    assertThat(state.path("active").asBoolean()).isTrue();
    assertThat(state.path("recoveryCodesLeft").asInt()).isEqualTo(10);

    Response password = api().post("/api/v1/staff/login", credentials(user, PASSWORD));
    JsonNode required = assertProblem(password, 401, "second-factor-required", null);
    assertThat(password.header("Set-Cookie")).as("no session yet").isEmpty();
    String token = required.path("secondStepToken").asText();
    assertThat(token).hasSize(43);
    assertProblem(api().bearer(token).get("/api/v1/staff/me"), 401, "unauthenticated", null);
    assertProblem(api().post("/api/v1/staff/login/second-step", secondStep(user, token, app.codeAt(c.clock.instant()))),
        401, "login-failed", "code");

    String next = app.codeAt(c.clock.instant().plusSeconds(30));
    Response opened = api().post("/api/v1/staff/login/second-step", secondStep(user, token, next));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(api().bearer(opened.json().path("token").asText()).get("/api/v1/staff/me").json().path("username").asText())
        .isEqualTo(user);

    String again = assertProblem(api().post("/api/v1/staff/login", credentials(user, PASSWORD)), 401,
        "second-factor-required", null).path("secondStepToken").asText();
    assertProblem(api().post("/api/v1/staff/login/second-step", secondStep(user, again, next)), 401, "login-failed", "code");
    assertThat(api().post("/api/v1/staff/login/second-step", secondStep(user, again, recovery)).status()).isEqualTo(200);
    String third = assertProblem(api().post("/api/v1/staff/login", credentials(user, PASSWORD)), 401,
        "second-factor-required", null).path("secondStepToken").asText();
    assertProblem(api().post("/api/v1/staff/login/second-step", secondStep(user, third, recovery)), 401, "login-failed", "code");
    assertThat(session.get("/api/v1/staff/second-factor").json().path("recoveryCodesLeft").asInt()).isEqualTo(9);
  }

  @Test
  void wrongCodesAreThrottledLikeFailedLogins() {
    BookingServer strict = c.startServer(Map.of("civicdiary.staff.login-per-user", "2/PT1H"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), strict.uri());
    String user = newOperator("totp.guesses");
    java.util.List<String> codes = new java.util.ArrayList<>();
    enrol(api().bearer(login(user, PASSWORD, "Firefox")), codes);
    String token = assertProblem(client.post("/api/v1/staff/login", credentials(user, PASSWORD)), 401,
        "second-factor-required", null).path("secondStepToken").asText();
    for (int i = 0; i < 2; i++) {
      assertProblem(client.post("/api/v1/staff/login/second-step", secondStep(user, token, "00000" + i)),
          401, "login-failed", "code");
    }
    assertProblem(client.post("/api/v1/staff/login/second-step", secondStep(user, token, codes.get(0))),
        429, "rate-limited", null);
  }

  @Test
  void disablingNeedsAProofAndAnAdministratorResetsSomeonesSecondFactorAudited() {
    String user = newOperator("totp.reset");
    ApiClient session = api().bearer(login(user, PASSWORD, "Firefox"));
    enrol(session, new java.util.ArrayList<>());
    assertProblem(session.post("/api/v1/staff/second-factor/disable", Map.of("proof", "not the password")),
        400, "invalid-input", "proof");
    assertProblem(c.as(OPERATOR).post("/api/v1/staff/accounts/" + user + "/second-factor/reset", Map.of()),
        403, "not-permitted", null);
    assertProblem(api().post("/api/v1/staff/login", credentials(user, PASSWORD)), 401, "second-factor-required", null);

    assertThat(c.as(ADMIN).post("/api/v1/staff/accounts/" + user + "/second-factor/reset", Map.of()).status()).isEqualTo(204);
    assertThat(api().post("/api/v1/staff/login", credentials(user, PASSWORD)).status()).isEqualTo(200);
    boolean audited = false;
    for (JsonNode e : c.as(ADMIN).get("/api/v1/staff/audit?limit=50").json().path("entries")) {
      audited |= e.path("action").asText().equals("staff.second-factor.reset") && e.path("actor").asText().equals(ADMIN)
          && e.path("subject").asText().equals(user);
    }
    assertThat(audited).isTrue();
    assertProblem(c.as(ADMIN).post("/api/v1/staff/accounts/" + user + "/second-factor/reset", Map.of()), 404, "not-found", null);

    try {
      c.clock.advance(Duration.ofMinutes(2));
      enrol(session, new java.util.ArrayList<>());
    } finally {
      c.resetClock();
    }
    assertThat(session.post("/api/v1/staff/second-factor/disable", Map.of("proof", PASSWORD)).status()).isEqualTo(204);
    assertThat(session.get("/api/v1/staff/second-factor").json().path("active").asBoolean()).isFalse();
  }

  @Test
  void whenTheOfficeRequiresItAnAdministratorWithoutASecondFactorMayOnlyEnrolOne() {
    BookingServer required = c.startServer(Map.of("civicdiary.staff.totp-required-for-admins", "true"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), required.uri());
    String admin = "totp.admin." + c.next();
    assertThat(c.as(ADMIN).put("/api/v1/staff/accounts/" + admin, Map.of("role", "ADMIN", "active", true,
        "password", PASSWORD)).status()).isEqualTo(200);
    String operator = newOperator("totp.not.required");
    Response login = client.post("/api/v1/staff/login", Map.of("username", admin, "password", PASSWORD, "bearer", true));
    ApiClient session = client.bearer(login.json().path("token").asText());

    for (String path : new String[] {"/api/v1/staff/accounts", "/api/v1/staff/sessions", "/api/v1/staff/audit?limit=5"}) {
      JsonNode p = assertProblem(session.get(path), 403, "second-factor-enrolment-required", null);
      assertThat(p.path("detail").asText()).contains("/api/v1/staff/second-factor");
    }
    assertThat(session.get("/api/v1/staff/me").status()).isEqualTo(200);
    Response operatorLogin = client.post("/api/v1/staff/login", Map.of("username", operator, "password", PASSWORD, "bearer", true));
    assertThat(client.bearer(operatorLogin.json().path("token").asText()).get("/api/v1/staff/sessions").status())
        .as("operators are not asked").isEqualTo(200);

    enrol(session, new java.util.ArrayList<>());
    assertThat(session.get("/api/v1/staff/accounts").status()).isEqualTo(200);
  }

  @Test
  void anAdministratorSignedOnByTheProxyIsNotAskedToEnrolTheirIdentityProviderHoldsTheSecondFactor() {
    BookingServer sso = c.startServer(Map.of("civicdiary.staff.totp-required-for-admins", "true",
        "civicdiary.web.trusted-proxies", "127.0.0.1/32, ::1", "civicdiary.staff.trusted-header", "X-Remote-User"));
    ApiClient viaProxy = new ApiClient(ApiClient.newHttpClient(), sso.uri());
    String admin = "sso.admin." + c.next();
    assertThat(c.as(ADMIN).put("/api/v1/staff/accounts/" + admin, Map.of("role", "ADMIN", "active", true,
        "password", PASSWORD)).status()).isEqualTo(200);

    assertThat(viaProxy.get("/api/v1/staff/accounts", "X-Remote-User", admin).status())
        .as("signed on by the proxy").isEqualTo(200);
    Response login = viaProxy.post("/api/v1/staff/login", Map.of("username", admin, "password", PASSWORD, "bearer", true));
    assertProblem(viaProxy.bearer(login.json().path("token").asText()).get("/api/v1/staff/accounts"),
        403, "second-factor-enrolment-required", null);
  }
}
