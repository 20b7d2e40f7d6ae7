/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The pages people open, in front of the API's router: the booking widget's script and stylesheet
 * (loaded by portals on other origins, so any origin may read them, and cached long), the citizen's
 * manage page at {@code /manage/{token}} (the e-mails' link; it only shows, every change is a POST
 * from the page after the citizen confirms) and the staff console at {@code /console/}. The other
 * files of the pages ({@code /static/manage/*}, {@code /static/console/*}) are ordinary static files.
 *
 * <p>The widget's files are read once and answered from memory with a content hash as ETag. The
 * script asks for its stylesheet with that hash in the query ({@code ?v=}), which may therefore be
 * cached for a year; the script itself is cached for a day (portals link it without a version)
 * and revalidated by its ETag.
 */
final class Pages implements HttpHandler {
  static final String WIDGET = "/static/widget/civic-diary-booking.js";
  static final String WIDGET_CSS = "/static/widget/civic-diary-booking.css";
  private static final String MANAGE = "/manage/";
  private static final String CONSOLE = "/console/";
  private static final String ROOT = "org/civicdiary/web/";
  private static final String CSS_VERSION = "__CSS_VERSION__";
  /** Where the widget's script gets the problem catalogue's words (the kit shares them with the other pages). */
  private static final String PROBLEM_TEXTS = "/*__PROBLEM_TEXTS__*/{}";
  private static final String JS = "text/javascript;charset=utf-8";
  private static final String CSS = "text/css;charset=utf-8";
  private static final String HTML = "text/html;charset=utf-8";
  private static final String DAY = "public, max-age=86400";
  private static final String YEAR = "public, max-age=31536000, immutable";
  private static final String NO_STORE = "no-store";

  private final Asset css;
  private final Asset script;
  private final Asset manage;
  private final Asset console;
  private final HttpHandler next;

  Pages(HttpHandler next) {
    this.next = next;
    this.css = Asset.of(CSS, read("static/widget/civic-diary-booking.css"));
    this.script = Asset.of(JS, new String(read("static/widget/civic-diary-booking.js"), StandardCharsets.UTF_8)
        .replace(CSS_VERSION, css.etag())
        .replace(PROBLEM_TEXTS, new String(Json.write(Refusal.pageTexts()), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8));
    this.manage = Asset.of(HTML, read("pages/manage.html"));
    this.console = Asset.of(HTML, read("pages/console.html"));
  }

  /** Whether the path (relative to the mount) is a page or a page's file, which get the pages' CSP. */
  static boolean isPage(String path) {
    return path.startsWith("/static/") || path.startsWith(MANAGE) || path.startsWith("/console");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRelativePath();
    if (path.equals(WIDGET)) {
      widget(exchange, script, DAY);
    } else if (path.equals(WIDGET_CSS)) {
      widget(exchange, css, css.etag().equals(version(exchange)) ? YEAR : DAY);
    } else if (path.startsWith(MANAGE) && path.length() > MANAGE.length() && path.indexOf('/', MANAGE.length()) < 0) {
      page(exchange, manage);
    } else if (path.equals(CONSOLE)) {
      page(exchange, console);
    } else if (path.equals("/console")) {
      exchange.setStatusCode(308);
      exchange.getResponseHeaders().put(Headers.LOCATION, "console/");
      exchange.endExchange();
    } else {
      next.handleRequest(exchange);
    }
  }

  /** Any origin may load the widget: it is public code, fetched without credentials. */
  private static void widget(HttpServerExchange exchange, Asset asset, String cache) {
    exchange.getResponseHeaders()
        .put(HttpString.tryFromString("Access-Control-Allow-Origin"), "*")
        .put(HttpString.tryFromString("Cross-Origin-Resource-Policy"), "cross-origin");
    send(exchange, asset, cache);
  }

  private static void page(HttpServerExchange exchange, Asset asset) {
    send(exchange, asset, NO_STORE);
  }

  private static void send(HttpServerExchange exchange, Asset asset, String cache) {
    boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
    if (!head && !exchange.getRequestMethod().equals(Methods.GET)) {
      Responder.problem(exchange, Problem.of(Refusal.METHOD_NOT_ALLOWED,
          exchange.getRequestMethod() + " is not allowed here; use GET, HEAD", null), Map.of("Allow", "GET, HEAD"));
      return;
    }
    exchange.getResponseHeaders()
        .put(Headers.CACHE_CONTROL, cache)
        .put(Headers.ETAG, '"' + asset.etag() + '"');
    String match = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
    if (match != null && match.contains('"' + asset.etag() + '"')) {
      exchange.setStatusCode(304);
      exchange.endExchange();
      return;
    }
    exchange.getResponseHeaders()
        .put(Headers.CONTENT_TYPE, asset.type)
        .put(Headers.CONTENT_LENGTH, asset.body().length);
    if (head) {
      exchange.endExchange();
    } else {
      exchange.getResponseSender().send(ByteBuffer.wrap(asset.body()));
    }
  }

  private static String version(HttpServerExchange exchange) {
    var values = exchange.getQueryParameters().get("v");
    return values == null || values.isEmpty() ? "" : values.getFirst();
  }

  private static byte[] read(String name) {
    try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ROOT + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file answered from memory, with its ETag (the start of its SHA-256). */
  private record Asset(String type, byte[] body, String etag) {
    static Asset of(String type, byte[] body) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
        return new Asset(type, body, HexFormat.of().formatHex(digest, 0, 8));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
  }
}
