/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.civicdiary.notify.DroppedMail;
import org.civicdiary.notify.MailDrop;

/**
 * The demo's mailbox page: what the mail-drop "sent", newest first, and each message's text, HTML
 * (shown in a sandboxed frame, so a message cannot run script in this page) and calendar part.
 * Served only with {@code --demo}, and only to a browser on the same machine.
 */
final class DevMailbox implements HttpHandler {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Prague"));
  private static final HttpString NOSNIFF = HttpString.tryFromString("X-Content-Type-Options");
  private static final HttpString REFERRER = HttpString.tryFromString("Referrer-Policy");
  private final MailDrop drop;

  /**
   * Whether the request came from a browser on this machine: a loopback peer that no proxy
   * forwarded (a proxy on the same host also connects from loopback, but says whom it forwards).
   */
  static boolean fromThisMachine(HttpServerExchange exchange) {
    return exchange.getSourceAddress().getAddress().isLoopbackAddress()
        && !exchange.getRequestHeaders().contains("X-Forwarded-For")
        && !exchange.getRequestHeaders().contains("Forwarded");
  }

  DevMailbox(MailDrop drop) {
    this.drop = drop;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (!fromThisMachine(exchange)) {
      // every manage link of the demo is in here: not for anyone else on the network
      exchange.setStatusCode(StatusCodes.NOT_FOUND);
      exchange.endExchange();
      return;
    }
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    HeaderMap headers = exchange.getResponseHeaders();
    headers.put(NOSNIFF, "nosniff");
    headers.put(REFERRER, "no-referrer");
    headers.put(Headers.CACHE_CONTROL, "no-store");
    if (!exchange.getRequestMethod().equals(Methods.GET)) {
      exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
      return;
    }
    String rest = exchange.getRelativePath().replaceFirst("^/", "");
    if (rest.isEmpty()) {
      page(exchange, StatusCodes.OK, "Dev mailbox", list(drop.newest(200)));
      return;
    }
    String id = rest.endsWith("/html") ? rest.substring(0, rest.length() - 5) : rest;
    Optional<DroppedMail.Content> content = drop.open(id);
    if (content.isEmpty()) {
      page(exchange, StatusCodes.NOT_FOUND, "No such message", "<p><a href=\"./\">Back to the mailbox</a></p>");
    } else if (rest.endsWith("/html")) {
      // The message's own HTML, isolated: no script, no same-origin access.
      exchange.getResponseHeaders().put(Headers.CONTENT_SECURITY_POLICY,
          "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
      exchange.getResponseSender().send(content.get().html() == null ? "" : content.get().html(), StandardCharsets.UTF_8);
    } else {
      page(exchange, StatusCodes.OK, content.get().mail().subject(), message(content.get()));
    }
  }

  private static String list(List<DroppedMail> mails) {
    if (mails.isEmpty()) {
      return "<p>No messages yet. Book a meeting through the demo portal and the confirmation appears here.</p>";
    }
    StringBuilder rows = new StringBuilder("<table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">To</th>"
        + "<th scope=\"col\">Subject</th></tr></thead><tbody>");
    for (DroppedMail m : mails) {
      rows.append("<tr><td>").append(WHEN.format(m.at())).append("</td><td>").append(Html.escape(m.to()))
          .append("</td><td><a href=\"").append(Html.escape(m.id())).append("\">").append(Html.escape(m.subject()))
          .append("</a></td></tr>");
    }
    return rows.append("</tbody></table>").toString();
  }

  private static String message(DroppedMail.Content c) {
    StringBuilder out = new StringBuilder();
    out.append("<p><a href=\"./\">Back to the mailbox</a></p><dl>")
        .append("<dt>To</dt><dd>").append(Html.escape(c.mail().to())).append("</dd>")
        .append("<dt>Message-ID</dt><dd>").append(Html.escape(c.mail().messageId())).append("</dd></dl>")
        .append("<h2>HTML part</h2><iframe title=\"HTML part\" sandbox src=\"").append(Html.escape(c.mail().id()))
        .append("/html\"></iframe>")
        .append("<h2>Text part</h2><pre>").append(Html.escape(c.text())).append("</pre>");
    if (c.calendar() != null) {
      out.append("<h2>Calendar part</h2><pre>").append(Html.escape(c.calendar())).append("</pre>");
    }
    return out.toString();
  }

  private static void page(HttpServerExchange exchange, int status, String title, String body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
    exchange.getResponseHeaders().put(Headers.CONTENT_SECURITY_POLICY,
        "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'");
    exchange.getResponseSender().send("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title)
        + "</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}"
        + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.4rem .8rem;text-align:left}"
        + "iframe{width:100%;height:32rem;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}"
        + "a{color:#0b4f9c}</style></head><body><main><h1>" + Html.escape(title) + "</h1>" + body
        + "</main></body></html>", StandardCharsets.UTF_8);
  }
}
