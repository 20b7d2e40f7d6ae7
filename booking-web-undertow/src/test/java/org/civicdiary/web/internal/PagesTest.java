/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.ApiClient.Response;
import org.civicdiary.web.contract.TestOffice;
import org.civicdiary.web.contract.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages over HTTP: the widget's files for any origin with content-hash caching, the manage
 * page and the console with the pages' CSP and never cached; only GET and HEAD.
 */
class PagesTest {
  private static BookingServer server;
  private static ApiClient http;

  @BeforeAll
  static void start() {
    Storage storage = InMemoryStorage.create();
    TestOffice.seed(storage);
    server = TestServers.start(storage, new MutableClock(TestOffice.START), Map.of());
    http = new ApiClient(ApiClient.newHttpClient(), server.uri());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void anyOriginLoadsTheWidgetScriptWhichAsksForItsStylesheetByContentHash() {
    Response script = http.get("/static/widget/civic-diary-booking.js", "Origin", "https://elsewhere.example");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.contentType()).startsWith("text/javascript");
    assertThat(script.header("Access-Control-Allow-Origin")).contains("*");
    assertThat(script.header("Cross-Origin-Resource-Policy")).contains("cross-origin");
    assertThat(script.header("Cache-Control")).contains("public, max-age=86400");
    assertThat(script.body()).contains("customElements.define('civic-diary-booking'").doesNotContain("__CSS_VERSION__");

    Response css = http.get("/static/widget/civic-diary-booking.css");
    String etag = css.header("ETag").orElseThrow();
    String hash = etag.replace("\"", "");
    assertThat(script.body()).contains("'" + hash + "'");
    assertThat(css.contentType()).startsWith("text/css");
    assertThat(css.header("Cache-Control")).contains("public, max-age=86400");
    assertThat(http.get("/static/widget/civic-diary-booking.css?v=" + hash).header("Cache-Control"))
        .contains("public, max-age=31536000, immutable");
    assertThat(http.get("/static/widget/civic-diary-booking.css?v=stale").header("Cache-Control"))
        .as("an old version's URL is not pinned for a year").contains("public, max-age=86400");

    Response again = http.get("/static/widget/civic-diary-booking.js", "If-None-Match", script.header("ETag").orElseThrow());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void theManagePageOpensOnGetOnlyWithThePagesPolicyAndIsNeverCached() {
    Response page = http.get("/manage/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ?official=novak&start=2027-03-02T15:00:00Z");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.header("Cache-Control")).contains("no-store");
    assertThat(page.header("Referrer-Policy")).contains("no-referrer");
    assertThat(page.header("Content-Security-Policy").orElseThrow()).contains("script-src 'self'").contains("connect-src 'self'");
    assertThat(page.body()).contains("<html lang=\"cs\">", "../static/manage/manage.js", "<main");

    Response post = http.post("/manage/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ", Map.of());
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.header("Allow")).contains("GET, HEAD");
    assertThat(http.get("/manage/token/extra").status()).isEqualTo(404);
    assertThat(http.get("/static/manage/manage.js").status()).isEqualTo(200);
  }

  @Test
  void theConsoleIsAtItsFolder() {
    Response redirect = http.get("/console");
    assertThat(redirect.status()).isEqualTo(308);
    assertThat(redirect.header("Location")).contains("console/");
    Response console = http.get("/console/");
    assertThat(console.status()).isEqualTo(200);
    assertThat(console.header("Cache-Control")).contains("no-store");
    assertThat(console.body()).contains("../static/console/console.js");
  }
}
