/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.staff;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.Headers;
import java.util.Set;
import java.util.function.BiPredicate;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.web.StaffAuthenticator;
import org.civicdiary.web.StaffRequest;
import org.civicdiary.web.internal.http.BodyCheck;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Matched;
import org.civicdiary.web.internal.http.Route;
import org.civicdiary.web.internal.http.limits.ClientAddress;
import org.civicdiary.web.internal.problem.HttpProblem;
import org.civicdiary.web.internal.problem.Refusal;

/**
 * Staff routes need an authenticated member (401 otherwise, before anything else is looked at).
 * A member who must change their password reaches only the routes that let them (403
 * {@code password-change-required} for the rest); so does an administrator who must enrol a second
 * factor and has none ({@code second-factor-enrolment-required}).
 * A change made with a session cookie must also carry JSON or an {@code X-Requested-With} header:
 * neither can be sent cross-site without a CORS preflight, which staff routes never pass, so a
 * forged form cannot ride on the cookie (SameSite=Strict already keeps it home; this is the second
 * lock). Bearer tokens are not sent by browsers on their own and need no such check.
 */
public final class StaffGate implements HttpHandler {
  static final String COOKIE = "civicdiary-staff";
  /**
   * The only staff routes the reception reaches, whatever the core would allow: their own account
   * and sessions, today's list and the check-in. A second lock beside the core's role checks.
   */
  static final Set<String> RECEPTION_PATHS = Set.of("/me", "/password", "/logout", "/sessions", "/sessions/{id}/end",
      "/second-factor", "/second-factor/confirm", "/second-factor/disable", "/reception/today", "/reception/check-in");
  private static final String BEARER = "Bearer ";
  private final StaffAuthenticator authenticator;
  private final BiPredicate<StaffMember, StaffRequest> mustEnrol;
  private final HttpHandler next;

  public StaffGate(StaffAuthenticator authenticator, HttpHandler next) {
    this(authenticator, (member, request) -> false, next);
  }

  /** @param mustEnrol whether a member must enrol a second factor before anything else */
  public StaffGate(StaffAuthenticator authenticator, BiPredicate<StaffMember, StaffRequest> mustEnrol,
      HttpHandler next) {
    this.authenticator = authenticator;
    this.mustEnrol = mustEnrol;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Route route = exchange.getAttachment(Matched.KEY).route();
    if (route.access() == Route.Access.STAFF) {
      StaffRequest request = request(exchange);
      StaffMember member = authenticator.authenticate(request).orElseThrow(HttpProblem::unauthenticated);
      if (member.mustChangePassword() && !AuthEndpoints.BEFORE_PASSWORD_CHANGE.contains(staffPath(route.template()))) {
        throw HttpProblem.forbidden(Refusal.PASSWORD_CHANGE_REQUIRED,
            "change the password first: POST /api/v1/staff/password");
      }
      if (!AuthEndpoints.BEFORE_ENROLMENT.contains(staffPath(route.template())) && mustEnrol.test(member, request)) {
        throw HttpProblem.forbidden(Refusal.SECOND_FACTOR_ENROLMENT_REQUIRED,
            "set up a second factor first: POST /api/v1/staff/second-factor");
      }
      if (member.role() == Role.RECEPTION && !RECEPTION_PATHS.contains(staffPath(route.template()))) {
        throw new NotPermitted("use this staff endpoint from the reception");
      }
      exchange.putAttachment(Call.MEMBER, member);
    }
    if ((route.access() == Route.Access.STAFF || route.access() == Route.Access.LOGIN)
        && route.changes() && bearer(exchange) == null && !sameOriginProof(exchange)) {
      throw HttpProblem.forbidden(Refusal.CSRF, "a change needs Content-Type: application/json or an X-Requested-With header");
    }
    next.handleRequest(exchange);
  }

  /** A staff route's template after {@code /staff}; the whole template for the others. */
  private static String staffPath(String template) {
    int at = template.indexOf("/staff/");
    return at < 0 ? template : template.substring(at + "/staff".length());
  }

  /** What the request offers the authenticator. */
  static StaffRequest request(HttpServerExchange exchange) {
    String token = bearer(exchange);
    if (token == null) {
      Cookie cookie = exchange.getRequestCookie(COOKIE);
      token = cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
    return new StaffRequest(ClientAddress.of(exchange), ClientAddress.viaTrustedProxy(exchange), token,
        name -> single(exchange, name));
  }

  /**
   * A header's one value. Sent more than once, it proves nothing: a proxy that adds its sign-on
   * header instead of replacing it would let a client's own copy come first.
   */
  private static String single(HttpServerExchange exchange, String name) {
    HeaderValues values = exchange.getRequestHeaders().get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw HttpProblem.unauthenticated();
    }
    return values.getFirst();
  }

  private static String bearer(HttpServerExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String token = authorization.substring(BEARER.length()).strip();
      return token.isEmpty() ? null : token;
    }
    return null;
  }

  private static boolean sameOriginProof(HttpServerExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    return type != null && BodyCheck.isJson(type)
        || exchange.getRequestHeaders().getFirst("X-Requested-With") != null;
  }
}
