/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
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
 * The pages over HTTP: the widget's files for any origin, every file at a hashed URL cached for a
 * year and at its plain URL revalidated, gzip when accepted, the manage page and the console with
 * the pages' CSP and never cached; only GET and HEAD.
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
  void anyOriginLoadsTheWidgetScriptAtItsPlainUrlWhichAsksForItsStylesheetByContentHash() {
    Response script = http.get("/static/widget/civic-diary-booking.js", "Origin", "https://elsewhere.example");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.contentType()).startsWith("text/javascript");
    assertThat(script.header("Access-Control-Allow-Origin")).contains("*");
    assertThat(script.header("Cross-Origin-Resource-Policy")).contains("cross-origin");
    assertThat(script.header("Cache-Control")).contains("public, max-age=86400");
    Matcher module = Pattern.compile("'\\./(booking\\.[0-9a-f]{10}\\.js)'").matcher(script.body());
    assertThat(module.find()).as("the loader imports the widget's module by its hashed name").isTrue();
    Response booking = http.get("/static/widget/" + module.group(1), "Origin", "https://elsewhere.example");
    assertThat(booking.body()).contains("customElements.define('civic-diary-booking'").contains("'../kit/kit.");
    assertThat(booking.header("Access-Control-Allow-Origin")).contains("*");

    Response css = http.get("/static/widget/civic-diary-booking.css");
    String hash = css.header("ETag").orElseThrow().replace("\"", "");
    assertThat(hash).matches("[0-9a-f]{10}");
    assertThat(booking.body()).contains("'./civic-diary-booking." + hash + ".css'");
    assertThat(css.contentType()).startsWith("text/css");
    assertThat(css.header("Cache-Control")).contains("public, max-age=86400");
    Response hashed = http.get("/static/widget/civic-diary-booking." + hash + ".css", "Origin", "https://elsewhere.example");
    assertThat(hashed.status()).isEqualTo(200);
    assertThat(hashed.body()).isEqualTo(css.body());
    assertThat(hashed.header("Cache-Control")).contains("public, max-age=31536000, immutable");
    assertThat(hashed.header("Access-Control-Allow-Origin")).contains("*");
    assertThat(http.get("/static/widget/civic-diary-booking.0000000000.css").status())
        .as("an old version's URL is not answered with today's content").isEqualTo(404);

    Response kit = http.get("/static/kit/kit.js", "Origin", "https://elsewhere.example");
    assertThat(kit.header("Access-Control-Allow-Origin")).as("the widget's module imports the kit cross-origin").contains("*");

    Response again = http.get("/static/widget/civic-diary-booking.js", "If-None-Match", script.header("ETag").orElseThrow());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void thePagesReferenceHashedFilesWhichAreCachedForAYearWhilePlainOnesAreRevalidated() {
    Response console = http.get("/console/");
    Matcher script = Pattern.compile("src=\"\\.\\./static/console/(console\\.[0-9a-f]{10}\\.js)\"").matcher(console.body());
    assertThat(script.find()).as(console.body()).isTrue();
    assertThat(console.body()).doesNotContain("console.js\"", "civic-diary-booking.js\"", "page.css\"");

    Response hashed = http.get("/static/console/" + script.group(1));
    assertThat(hashed.status()).isEqualTo(200);
    assertThat(hashed.header("Cache-Control")).contains("public, max-age=31536000, immutable");
    assertThat(hashed.header("Access-Control-Allow-Origin")).as("only the widget is for any origin").isEmpty();
    Response plain = http.get("/static/console/console.js");
    assertThat(plain.body()).isEqualTo(hashed.body());
    assertThat(plain.header("Cache-Control")).contains("no-cache");
    assertThat(plain.header("ETag")).isPresent();
    assertThat(http.get("/static/console/console.js", "If-None-Match", plain.header("ETag").orElseThrow()).status())
        .isEqualTo(304);
  }

  @Test
  void aClientThatAcceptsGzipGetsTheCompressedCopyAndOthersThePlainOne() throws Exception {
    HttpClient client = ApiClient.newHttpClient();
    HttpResponse<byte[]> zipped = client.send(HttpRequest.newBuilder(server.uri().resolve(server.uri().getPath() + "/static/console/console.js"))
        .header("Accept-Encoding", "br, gzip;q=0.8").build(), BodyHandlers.ofByteArray());
    HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(server.uri().resolve(server.uri().getPath() + "/static/console/console.js"))
        .build(), BodyHandlers.ofByteArray());
    HttpResponse<byte[]> refused = client.send(HttpRequest.newBuilder(server.uri().resolve(server.uri().getPath() + "/static/console/console.js"))
        .header("Accept-Encoding", "gzip;q=0, identity").build(), BodyHandlers.ofByteArray());

    assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(zipped.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
    assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
    assertThat(zipped.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(refused.body()).isEqualTo(plain.body());
  }

  @Test
  void theManagePageOpensOnGetOnlyWithThePagesPolicyAndIsNeverCached() {
    Response page = http.get("/manage/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ?official=novak&start=2027-03-02T15:00:00Z");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.header("Cache-Control")).contains("no-store");
    assertThat(page.header("Referrer-Policy")).contains("no-referrer");
    assertThat(page.header("Content-Security-Policy").orElseThrow()).contains("script-src 'self'").contains("connect-src 'self'");
    assertThat(page.body()).contains("<html lang=\"cs\">", "../static/manage/manage.", "<main");

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
    assertThat(console.body()).contains("../static/console/console.");
  }

  @Test
  void everyPageNamesTheIconThatIsServedAsSvg() {
    for (String page : List.of("/console/", "/manage/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ",
        "/waiting-list/entry/abc", "/now-serving/p6")) {
      Response r = http.get(page);
      assertThat(r.status()).as(page).isEqualTo(200);
      assertThat(r.body()).as(page).containsPattern("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"(\\.\\./)+static/page/favicon\\.svg\">");
    }
    Response icon = http.get("/static/page/favicon.svg");
    assertThat(icon.status()).isEqualTo(200);
    assertThat(icon.header("Content-Type")).contains("image/svg+xml");
    assertThat(icon.body()).contains("<svg").doesNotContain("<script");
  }

  @Test
  void theWidgetAsAPortalDownloadsItStaysBelow30KilobytesGzipped() throws Exception {
    HttpClient client = ApiClient.newHttpClient();
    // Modules loaded on demand (import('./x.js'), the waiting list's form) are not downloaded up front.
    Pattern reference = Pattern.compile("(?<!import\\()['\"](\\.{1,2}/[^'\"]+\\.(?:js|css))['\"]");
    Deque<URI> todo = new ArrayDeque<>(List.of(URI.create(server.uri() + "/static/widget/civic-diary-booking.js")));
    Set<URI> fetched = new HashSet<>();
    long gzipped = 0;
    while (!todo.isEmpty()) {
      URI file = todo.pop();
      if (!fetched.add(file)) {
        continue;
      }
      HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(file).header("Accept-Encoding", "gzip").build(),
          BodyHandlers.ofByteArray());
      assertThat(answer.statusCode()).as(file.toString()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Encoding")).as(file.toString()).contains("gzip");
      gzipped += answer.body().length;
      try (var in = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
        Matcher m = reference.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        while (m.find()) {
          todo.add(file.resolve(m.group(1)));
        }
      }
    }
    assertThat(fetched).as("the loader, the widget's module, the kit, its texts, the proof-of-work solver and the stylesheet")
        .hasSize(6);
    assertThat(gzipped).isLessThan(30_000);
  }
}
