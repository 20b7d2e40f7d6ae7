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
}
