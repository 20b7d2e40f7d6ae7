/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.pages;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.civicdiary.web.internal.pages.Assets.Asset;
import org.civicdiary.web.internal.http.Json;
import org.civicdiary.web.internal.http.Gzip;
import org.civicdiary.web.internal.http.Responder;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Refusal;

/**
 * The pages people open, in front of the API's router: the booking widget's script and stylesheet
 * (loaded by portals on other origins, so any origin may read them), the citizen's manage page at
 * {@code /manage/{token}} (the e-mails' link; it only shows, every change is a POST from the page
 * after the citizen confirms), the waiting list's page at {@code /waiting-list/entry|offer/{token}}
 * (likewise), the hall's "now serving" screen at {@code /now-serving/{office}}, the staff console at
 * {@code /console/} and every file under
 * {@code /static/}.
 *
 * <p>All of them are read once at start and answered from memory (see {@link Assets}): each file at
 * its plain URL with its content hash as ETag and a short cache ({@code no-cache}; a day for the
 * widget, whose plain URL portals link), and at its hashed URL ({@code console.3f9a1c0d2e.js})
 * cached for a year. The pages reference only hashed URLs. A client that accepts gzip gets the
 * copy compressed at start. A path this class does not know goes on to the static-files handler.
 */
public final class Pages implements HttpHandler {
  private static final String WIDGETS = "/static/widget/";
  private static final String KIT = "/static/kit/";
  private static final String KIT_TEXTS = "/static/kit/texts.js";
  private static final String MANAGE = "/manage/";
  private static final String CONSOLE = "/console/";
  private static final String MANAGE_PAGE = "/manage/index.html";
  private static final String CONSOLE_PAGE = "/console/index.html";
  private static final String WAITING_LIST = "/waiting-list/";
  /** Two folders deep, as the page is served at /waiting-list/{entry,offer}/{token}: its links resolve alike. */
  private static final String WAITING_LIST_PAGE = "/waiting-list/page/index.html";
  private static final String NOW_SERVING = "/now-serving/";
  /** One folder deep, as the page is served at /now-serving/{office}: its links resolve alike. */
  private static final String NOW_SERVING_PAGE = "/now-serving/index.html";
  // Compiled once: every API request passes here on its way to the router.
  private static final Pattern WAITING_LIST_PATH = Pattern.compile("/waiting-list/(entry|offer)/[^/]+");
  private static final Pattern NOW_SERVING_PATH = Pattern.compile("/now-serving/[^/]+");
  private static final String ROOT = "org/civicdiary/web/";
  /** Where the kit's texts get the problem catalogue's words (for the widget and the other pages). */
  private static final String PROBLEM_TEXTS = "/*__PROBLEM_TEXTS__*/{}";
  private static final String DAY = "public, max-age=86400";
  private static final String YEAR = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "no-cache";
  private static final String NO_STORE = "no-store";
  private static final HttpString VARY = HttpString.tryFromString("Vary");

  private final Assets assets;
  private final HttpHandler next;

  public Pages(HttpHandler next) {
    this.next = next;
    Map<String, byte[]> sources = new TreeMap<>();
    for (String file : Assets.list(ROOT + "static")) {
      sources.put("/static/" + file, Assets.read(ROOT + "static/" + file));
    }
    sources.put(KIT_TEXTS, new String(sources.get(KIT_TEXTS), StandardCharsets.UTF_8)
        .replace(PROBLEM_TEXTS, new String(Json.write(Refusal.pageTexts()), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8));
    sources.put(MANAGE_PAGE, Assets.read(ROOT + "pages/manage.html"));
    sources.put(CONSOLE_PAGE, Assets.read(ROOT + "pages/console.html"));
    sources.put(WAITING_LIST_PAGE, Assets.read(ROOT + "pages/waiting-list.html"));
    sources.put(NOW_SERVING_PAGE, Assets.read(ROOT + "pages/now-serving.html"));
    this.assets = Assets.of(sources);
  }

  /** Whether the path (relative to the mount) is a page or a page's file, which get the pages' CSP. */
  public static boolean isPage(String path) {
    return path.startsWith("/static/") || path.startsWith(MANAGE) || path.startsWith("/console")
        || path.startsWith(WAITING_LIST) || path.startsWith(NOW_SERVING);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRelativePath();
    if (path.startsWith("/static/")) {
      Optional<Asset> hashed = assets.hashed(path);
      Optional<Asset> plain = hashed.isPresent() ? Optional.empty() : assets.plain(path);
      Optional<Asset> asset = hashed.or(() -> plain);
      if (asset.isEmpty()) {
        next.handleRequest(exchange);
        return;
      }
      if (path.startsWith(WIDGETS) || path.startsWith(KIT)) {
        // any origin may load the widget and the kit it imports: public code, fetched without credentials
        exchange.getResponseHeaders()
            .put(HttpString.tryFromString("Access-Control-Allow-Origin"), "*")
            .put(HttpString.tryFromString("Cross-Origin-Resource-Policy"), "cross-origin");
      }
      send(exchange, asset.get(), hashed.isPresent() ? YEAR : path.startsWith(WIDGETS) ? DAY : REVALIDATE);
    } else if (path.startsWith(MANAGE) && path.length() > MANAGE.length() && path.indexOf('/', MANAGE.length()) < 0) {
      send(exchange, assets.plain(MANAGE_PAGE).orElseThrow(), NO_STORE);
    } else if (WAITING_LIST_PATH.matcher(path).matches()) {
      send(exchange, assets.plain(WAITING_LIST_PAGE).orElseThrow(), NO_STORE);
    } else if (NOW_SERVING_PATH.matcher(path).matches()) {
      // the screen's page; its data it asks for itself, a few seconds old at most
      send(exchange, assets.plain(NOW_SERVING_PAGE).orElseThrow(), REVALIDATE);
    } else if (path.equals(CONSOLE)) {
      send(exchange, assets.plain(CONSOLE_PAGE).orElseThrow(), NO_STORE);
    } else if (path.equals("/console")) {
      exchange.setStatusCode(308);
      exchange.getResponseHeaders().put(Headers.LOCATION, "console/");
      exchange.endExchange();
    } else {
      next.handleRequest(exchange);
    }
  }

  private static void send(HttpServerExchange exchange, Asset asset, String cache) {
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (!head && !exchange.getRequestMethod().equals(Methods.GET)) {
      Responder.problem(exchange, Problem.of(Refusal.METHOD_NOT_ALLOWED,
          exchange.getRequestMethod() + " is not allowed here; use GET, HEAD", null), Map.of("Allow", "GET, HEAD"));
      return;
    }
    boolean gzip = asset.gzip() != null && Gzip.accepted(exchange.getRequestHeaders().get(Headers.ACCEPT_ENCODING));
    // each encoding is its own representation, so it has its own ETag; either one revalidates
    String etag = '"' + asset.hash() + (gzip ? "-gzip" : "") + '"';
    exchange.getResponseHeaders()
        .put(Headers.CACHE_CONTROL, cache)
        .put(Headers.ETAG, etag);
    if (asset.gzip() != null) {
      exchange.getResponseHeaders().add(VARY, "Accept-Encoding");
    }
    String match = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
    if (match != null && (match.contains('"' + asset.hash() + '"') || match.contains('"' + asset.hash() + "-gzip\""))) {
      exchange.setStatusCode(304);
      exchange.endExchange();
      return;
    }
    byte[] body = gzip ? asset.gzip() : asset.body();
    exchange.getResponseHeaders()
        .put(Headers.CONTENT_TYPE, asset.type())
        .put(Headers.CONTENT_LENGTH, body.length);
    if (gzip) {
      exchange.getResponseHeaders().put(Headers.CONTENT_ENCODING, "gzip");
    }
    if (head) {
      exchange.endExchange();
    } else {
      exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
  }

}
