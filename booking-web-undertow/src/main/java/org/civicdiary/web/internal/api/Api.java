/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpHandler;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.port.Transactions;
import org.civicdiary.booking.settings.PublicUrl;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.StaffAuthenticator;
import org.civicdiary.web.WebSettings;
import org.civicdiary.web.internal.http.Route.Access;
import org.civicdiary.web.internal.http.Route.Limit;
import org.civicdiary.web.internal.http.BodyCheck;
import org.civicdiary.web.internal.http.Cors;
import org.civicdiary.web.internal.http.Endpoint;
import org.civicdiary.web.internal.http.Idempotency;
import org.civicdiary.web.internal.http.KnownMethods;
import org.civicdiary.web.internal.http.OffIoThread;
import org.civicdiary.web.internal.http.RefusedOrigins;
import org.civicdiary.web.internal.http.ResponseCache;
import org.civicdiary.web.internal.http.Route;
import org.civicdiary.web.internal.http.Router;
import org.civicdiary.web.internal.http.SecurityHeaders;
import org.civicdiary.web.internal.http.limits.AddressRange;
import org.civicdiary.web.internal.http.limits.ClientAddress;
import org.civicdiary.web.internal.http.limits.ConnectionsPerAddress;
import org.civicdiary.web.internal.http.limits.RateLimiter;
import org.civicdiary.web.internal.http.limits.SharedThrottles;
import org.civicdiary.web.internal.http.limits.Throttle;
import org.civicdiary.web.internal.http.limits.TokenBuckets;
import org.civicdiary.web.internal.ops.Metrics;
import org.civicdiary.web.internal.ops.MetricsHandler;
import org.civicdiary.web.internal.ops.Operations;
import org.civicdiary.web.internal.pages.Pages;
import org.civicdiary.web.internal.problem.ErrorMapper;
import org.civicdiary.web.internal.problem.Problems;
import org.civicdiary.web.internal.staff.AuthEndpoints;
import org.civicdiary.web.internal.staff.BuiltInAuthenticator;
import org.civicdiary.web.internal.staff.StaffGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the handler tree and holds the routes table. The tree, outermost first: metrics, security
 * headers, client address, routing (404/405/OPTIONS), CORS, rate limits (still on the I/O thread),
 * then on a worker thread with a deadline: error mapping, staff authentication, body limits, the
 * endpoint. Shared rate limits ask the database, so they come after the move to the worker thread.
 */
public final class Api {
  private static final Logger LOG = LoggerFactory.getLogger(Api.class);
  private final WebSettings settings;
  private final Metrics metrics;
  private final StaffAuthenticator authenticator;
  private final SharedThrottles shared;
  private final TokenBuckets queries;
  private final TokenBuckets bookingsPerAddress;
  private final TokenBuckets staffPerAddress;
  private final List<AddressRange> proxies;
  private final PublicEndpoints publicEndpoints;
  private final BookingEndpoints bookings;
  private final ManageEndpoints manage;
  private final Operations operations;
  private final AuthEndpoints auth;
  private final StaffEndpoints staff;
  private final AdminEndpoints admin;
  private final DirectoryEndpoints directory;
  private final StatisticsEndpoints statistics;
  private final ProofOfWork proofOfWork;
  private final ApiKeyEndpoints apiKeys;
  private final WebhookEndpoints webhooks;
  private final FeedEndpoints feeds;
  private final BusyFeedEndpoints busyFeeds;
  private final ClosureDayEndpoints closureDays;
  private final WaitingListEndpoints waitingList;
  private final ReceptionEndpoints reception;
  private final OfficeScope scope;
  private final Transactions transactions;

  private Api(WebSettings settings, CivicDiary diary, Storage storage, Clock clock, StaffAuthenticator authenticator,
      MeterRegistry registry, Optional<ProxyManager<Long>> sharedBuckets) {
    this.settings = settings;
    this.authenticator = authenticator;
    this.metrics = new Metrics(registry, storage.outbox());
    this.shared = sharedThrottles(settings, sharedBuckets);
    this.queries = throttle("queries", settings.queriesPerAddress());
    this.bookingsPerAddress = throttle("bookings", settings.bookingPerAddress());
    this.staffPerAddress = throttle("staff", settings.staffPerAddress());
    this.proxies = AddressRange.parseAll("civicdiary.web.trusted-proxies", settings.trustedProxies());
    ResponseCache cache = new ResponseCache(settings.freeTimeCache(), settings.freeTimeCacheBytes());
    this.scope = new OfficeScope(storage);
    this.transactions = storage.transactions();
    Idempotency idempotency = new Idempotency(storage.idempotencyKeys(), clock, settings.idempotencyTtl());
    this.publicEndpoints = new PublicEndpoints(diary, cache);
    this.proofOfWork = new ProofOfWork(diary, settings.proofOfWork());
    this.bookings = new BookingEndpoints(diary, cache, idempotency, new Throttle(settings.bookingPerEmail()), metrics,
        settings, proofOfWork);
    this.manage = new ManageEndpoints(diary, cache);
    this.auth = new AuthEndpoints(authenticator, diary, settings.staff());
    this.staff = new StaffEndpoints(diary, cache, scope);
    this.feeds = new FeedEndpoints(diary, settings);
    this.admin = new AdminEndpoints(diary, cache, feeds::forgetAll, scope);
    this.directory = new DirectoryEndpoints(diary, cache, feeds::forgetAll);
    this.statistics = new StatisticsEndpoints(diary, scope);
    this.apiKeys = new ApiKeyEndpoints(diary);
    this.webhooks = new WebhookEndpoints(diary);
    this.busyFeeds = new BusyFeedEndpoints(diary, cache::invalidate);
    this.closureDays = new ClosureDayEndpoints(diary, cache::invalidate);
    this.waitingList = new WaitingListEndpoints(diary, settings);
    this.reception = new ReceptionEndpoints(diary);
    this.operations = new Operations(storage, registry,
        AddressRange.parseAll("civicdiary.web.metrics-from", settings.metricsFrom()), settings.metricsTokenHash(),
        shared == null ? () -> "PER_NODE" : shared::state);
  }

  private static SharedThrottles sharedThrottles(WebSettings settings, Optional<ProxyManager<Long>> store) {
    if (!settings.rateShared()) {
      return null;
    }
    return new SharedThrottles(store.orElseThrow(() -> new InvalidSetting(WebSettings.RATE_SHARED
        + " is on, but the nodes can share token buckets only in PostgreSQL (civicdiary.db.url=jdbc:postgresql://...):"
        + " H2 and the in-memory storage serve one node, whose limits hold already; turn it off")));
  }

  private TokenBuckets throttle(String name, org.civicdiary.web.RateLimit limit) {
    return shared == null ? new Throttle(limit) : shared.throttle(name, limit);
  }

  /**
   * The booking API's handler, to mount under any path of the host's server.
   *
   * @param staticFiles serves {@code /static/**} (the pages); answers 404 for anything it lacks
   * @param sharedBuckets where the per-address limits are kept when {@link WebSettings#rateShared()} is on
   * @throws InvalidSetting when sharing is on and there are no shared buckets (H2, memory)
   */
  public static HttpHandler handler(WebSettings settings, CivicDiary diary, Storage storage, Clock clock,
      StaffAuthenticator authenticator, MeterRegistry registry, HttpHandler staticFiles,
      Optional<ProxyManager<Long>> sharedBuckets) {
    // built first, so that a refused setting changes nothing
    Api api = new Api(settings, diary, storage, clock, authenticator, registry, sharedBuckets);
    if (diary.keepingStaffAccounts().ensureInitialAdmin(settings.staff().initialAdmin(),
        settings.staff().initialAdminPassword())) {
      LOG.info("created the initial administrator account '{}'", settings.staff().initialAdmin());
    }
    return api.tree(staticFiles);
  }

  /** The default {@link StaffAuthenticator}, the core's sign-in over its staff accounts. */
  public static StaffAuthenticator builtInAuthenticator(CivicDiary diary, WebSettings settings) {
    return new BuiltInAuthenticator(diary, settings.staff().sessionTtl(), settings.staff().sessionIdle(),
        settings.staff().trustedHeader());
  }

  /** The routes table (for the OpenAPI check). */
  static List<Route> routesOf(WebSettings settings, CivicDiary diary, Storage storage, Clock clock,
      StaffAuthenticator authenticator, MeterRegistry registry) {
    return new Api(settings, diary, storage, clock, authenticator, registry, Optional.empty()).routes();
  }

  private HttpHandler tree(HttpHandler staticFiles) {
    HttpHandler endpoint = new ErrorMapper(new StaffGate(authenticator, auth::mustEnrol,
        new BodyCheck(settings.maxBodyBytes(), new Endpoint())));
    // A shared limit waits for the database, which the I/O thread must never do.
    HttpHandler limited = shared == null
        ? new RateLimiter(queries, bookingsPerAddress, staffPerAddress, offIoThread(endpoint))
        : offIoThread(new RateLimiter(queries, bookingsPerAddress, staffPerAddress, endpoint));
    Cors cors = new Cors(settings.corsOrigins(), PublicUrl.origin(URI.create(settings.publicUrl())), new RefusedOrigins(),
        limited);
    return new ConnectionsPerAddress(settings.connectionsPerAddress(), proxies,
        new MetricsHandler(metrics, new KnownMethods(new SecurityHeaders(settings.frameAncestors(),
            new ClientAddress(proxies, new Pages(new Router(routes(), staticFiles, cors)))))));
  }

  /**
   * A public read, which the storage may answer from its standby (a moment behind the primary):
   * the directory and free time a citizen sees. A slot shown free that was just taken answers 409
   * at booking, which reads the primary.
   */
  private Route.Action publicRead(Route.Action action) {
    return call -> transactions.publicRead(() -> action.handle(call));
  }

  private HttpHandler offIoThread(HttpHandler next) {
    return new OffIoThread(settings.requestTimeout(), settings.bodyTimeout(), settings.maxBodyBytes(), next);
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    String v1 = "/api/v1";
    r.add(get(v1 + "/departments", Access.PUBLIC, Limit.QUERY, publicRead(publicEndpoints::directory)));
    r.add(get(v1 + "/departments/{id}", Access.PUBLIC, Limit.QUERY, publicRead(publicEndpoints::department)));
    r.add(get(v1 + "/departments/{id}/days", Access.PUBLIC, Limit.QUERY, publicRead(publicEndpoints::departmentDays)));
    r.add(get(v1 + "/departments/{id}/slots", Access.PUBLIC, Limit.QUERY, publicRead(publicEndpoints::departmentSlots)));
    r.add(get(v1 + "/officials/{id}/days", Access.PUBLIC, Limit.QUERY, publicRead(publicEndpoints::officialDays)));
    r.add(get(v1 + "/officials/{id}/slots", Access.PUBLIC, Limit.QUERY, publicRead(publicEndpoints::officialSlots)));
    r.add(get(v1 + "/officials/{id}/deputy-offer", Access.PUBLIC, Limit.QUERY, publicRead(publicEndpoints::deputyOffer)));
    // One office's directory and free time, for a portal of one office in a deployment of several.
    String office = v1 + "/offices/{office}";
    r.add(get(office + "/departments", Access.PUBLIC, Limit.QUERY, publicRead(publicEndpoints::officeDirectory)));
    r.add(get(office + "/departments/{id}", Access.PUBLIC, Limit.QUERY,
        publicRead(publicEndpoints.inOffice(publicEndpoints::department, false))));
    r.add(get(office + "/departments/{id}/days", Access.PUBLIC, Limit.QUERY,
        publicRead(publicEndpoints.inOffice(publicEndpoints::departmentDays, false))));
    r.add(get(office + "/departments/{id}/slots", Access.PUBLIC, Limit.QUERY,
        publicRead(publicEndpoints.inOffice(publicEndpoints::departmentSlots, false))));
    r.add(get(office + "/officials/{id}/days", Access.PUBLIC, Limit.QUERY,
        publicRead(publicEndpoints.inOffice(publicEndpoints::officialDays, true))));
    r.add(get(office + "/officials/{id}/slots", Access.PUBLIC, Limit.QUERY,
        publicRead(publicEndpoints.inOffice(publicEndpoints::officialSlots, true))));
    r.add(get(v1 + "/challenge", Access.PUBLIC, Limit.QUERY, proofOfWork::challenge));
    r.add(new Route("POST", v1 + "/reservations", Access.PUBLIC, Limit.BOOKING,
        Problems.Disclosure.CONCEAL_EMAIL, bookings::book));
    r.add(get(v1 + "/manage/{token}", Access.PUBLIC, Limit.QUERY, manage::view));
    r.add(get(v1 + "/manage/{token}/proposals", Access.PUBLIC, Limit.QUERY, manage::proposals));
    r.add(post(v1 + "/manage/{token}/cancel", Access.PUBLIC, Limit.BOOKING, manage::cancel));
    r.add(post(v1 + "/manage/{token}/reschedule", Access.PUBLIC, Limit.BOOKING, manage::reschedule));
    r.add(post(v1 + "/manage/{token}/accept", Access.PUBLIC, Limit.BOOKING, manage::accept));
    r.add(post(v1 + "/manage/{token}/call-me", Access.PUBLIC, Limit.BOOKING, manage::callMe));
    r.add(new Route("POST", v1 + "/waiting-list", Access.PUBLIC, Limit.BOOKING, Problems.Disclosure.CONCEAL_EMAIL,
        proofOfWork.required(waitingList::join)));
    r.add(get(v1 + "/waiting-list/entries/{token}", Access.PUBLIC, Limit.QUERY, waitingList::entry));
    r.add(post(v1 + "/waiting-list/entries/{token}/confirm", Access.PUBLIC, Limit.BOOKING, waitingList::confirm));
    r.add(get(v1 + "/waiting-list/offers/{token}", Access.PUBLIC, Limit.QUERY, waitingList::offer));
    r.add(post(v1 + "/waiting-list/offers/{token}/take", Access.PUBLIC, Limit.BOOKING, waitingList::take));
    r.add(post(v1 + "/waiting-list/offers/{token}/decline", Access.PUBLIC, Limit.BOOKING, waitingList::decline));
    String staffApi = v1 + "/staff";
    r.add(post(staffApi + "/login", Access.LOGIN, Limit.NONE, auth::login));
    r.add(post(staffApi + "/logout", Access.STAFF, Limit.NONE, auth::logout));
    r.add(get(staffApi + "/me", Access.STAFF, Limit.NONE, auth::me));
    r.add(post(staffApi + "/password", Access.STAFF, Limit.NONE, auth::changePassword));
    r.add(post(staffApi + "/login/second-step", Access.LOGIN, Limit.NONE, auth::secondStep));
    r.add(get(staffApi + "/second-factor", Access.STAFF, Limit.NONE, auth::secondFactor));
    r.add(post(staffApi + "/second-factor", Access.STAFF, Limit.NONE, auth::startSecondFactor));
    r.add(post(staffApi + "/second-factor/confirm", Access.STAFF, Limit.NONE, auth::confirmSecondFactor));
    r.add(post(staffApi + "/second-factor/disable", Access.STAFF, Limit.NONE, auth::disableSecondFactor));
    r.add(post(staffApi + "/accounts/{username}/second-factor/reset", Access.STAFF, Limit.NONE,
        auth::resetSecondFactor));
    r.add(get(staffApi + "/sessions", Access.STAFF, Limit.NONE, auth::sessions));
    r.add(post(staffApi + "/sessions/{id}/end", Access.STAFF, Limit.NONE, auth::endSession));
    r.add(post(staffApi + "/accounts/{username}/sessions/end", Access.STAFF, Limit.NONE, auth::endSessionsOf));
    r.add(get(staffApi + "/worklist", Access.STAFF, Limit.NONE, staff::worklist));
    r.add(post(staffApi + "/messages/{id}/retry", Access.STAFF, Limit.NONE, staff::retryMessage));
    r.add(get(staffApi + "/reservations", Access.STAFF, Limit.NONE, staff::search));
    r.add(post(staffApi + "/reservations", Access.STAFF, Limit.NONE, bookings::bookForCaller));
    r.add(get(staffApi + "/reservations/{id}", Access.STAFF, Limit.NONE, staff::reservation));
    r.add(post(staffApi + "/reservations/{id}/move", Access.STAFF, Limit.NONE, staff::move));
    r.add(post(staffApi + "/reservations/{id}/cancel", Access.STAFF, Limit.NONE, staff::cancel));
    r.add(post(staffApi + "/reservations/{id}/outcome", Access.STAFF, Limit.NONE, staff::outcome));
    r.add(get(staffApi + "/reservations/{id}/work-notes", Access.STAFF, Limit.NONE, staff::workNotes));
    r.add(post(staffApi + "/reservations/{id}/work-notes", Access.STAFF, Limit.NONE, staff::addWorkNote));
    r.add(get(staffApi + "/officials/{id}/day-plan", Access.STAFF, Limit.NONE, staff::dayPlan));
    r.add(get(staffApi + "/officials/{id}/absences", Access.STAFF, Limit.NONE, staff::absences));
    r.add(post(staffApi + "/officials/{id}/absences", Access.STAFF, Limit.NONE, staff::recordAbsence));
    r.add(new Route("DELETE", staffApi + "/absences/{id}", Access.STAFF, Limit.NONE, Problems.Disclosure.FULL,
        staff::removeAbsence));
    r.add(get(staffApi + "/absences/{id}/displaced", Access.STAFF, Limit.NONE, staff::absenceDisplaced));
    r.add(get(staffApi + "/officials/{id}/windows", Access.STAFF, Limit.NONE, staff::windows));
    r.add(get(staffApi + "/officials/{id}/slots", Access.STAFF, Limit.NONE, staff::officialSlots));
    r.add(get(staffApi + "/departments/{id}/slots", Access.STAFF, Limit.NONE, staff::departmentSlots));
    r.add(get(staffApi + "/officials/{id}/days", Access.STAFF, Limit.NONE, staff::officialDays));
    r.add(get(staffApi + "/departments/{id}/days", Access.STAFF, Limit.NONE, staff::departmentDays));
    r.add(put(staffApi + "/officials/{id}/windows", staff::replaceWindows));
    r.add(put(staffApi + "/departments/{id}/walk-in-hours", staff::replaceWalkInHours));
    r.add(get(staffApi + "/offices", Access.STAFF, Limit.NONE, admin::offices));
    r.add(put(staffApi + "/offices/{id}", admin::saveOffice));
    r.add(get(staffApi + "/holiday-calendars", Access.STAFF, Limit.NONE, admin::holidayCalendars));
    r.add(get(staffApi + "/departments", Access.STAFF, Limit.NONE, admin::departments));
    r.add(put(staffApi + "/departments/{id}", admin::saveDepartment));
    r.add(put(staffApi + "/officials/{id}", admin::saveOfficial));
    r.add(put(staffApi + "/agendas/{id}", admin::saveAgenda));
    r.add(get(staffApi + "/officials/{id}/deputies", Access.STAFF, Limit.NONE, admin::deputies));
    r.add(put(staffApi + "/officials/{id}/deputies/{agenda}", admin::replaceDeputies));
    r.add(get(staffApi + "/accounts", Access.STAFF, Limit.NONE, admin::accounts));
    r.add(put(staffApi + "/accounts/{username}", admin::saveAccount));
    r.add(get(staffApi + "/api-keys", Access.STAFF, Limit.NONE, apiKeys::list));
    r.add(post(staffApi + "/api-keys", Access.STAFF, Limit.NONE, apiKeys::create));
    r.add(post(staffApi + "/api-keys/{id}/revoke", Access.STAFF, Limit.NONE, apiKeys::revoke));
    r.add(get(staffApi + "/audit", Access.STAFF, Limit.NONE, admin::audit));
    r.add(get(staffApi + "/statistics", Access.STAFF, Limit.NONE, statistics::weekly));
    r.addAll(webhooks.routes(staffApi));
    r.addAll(busyFeeds.routes(staffApi));
    r.addAll(closureDays.routes(staffApi));
    r.add(get(staffApi + "/waiting-list", Access.STAFF, Limit.NONE, waitingList::list));
    r.add(post(staffApi + "/waiting-list", Access.STAFF, Limit.NONE, waitingList::add));
    r.add(post(staffApi + "/waiting-list/{id}/take", Access.STAFF, Limit.NONE, waitingList::takeForCaller));
    r.add(post(staffApi + "/waiting-list/{id}/decline", Access.STAFF, Limit.NONE, waitingList::declineForCaller));
    r.add(post(staffApi + "/waiting-list/{id}/withdraw", Access.STAFF, Limit.NONE, waitingList::withdraw));
    r.addAll(reception.routes(v1));
    // The directory document under both paths: /staff for the console (its session cookie is scoped
    // to /api/v1/staff), /admin as API clients with a bearer token know it.
    for (String path : List.of(staffApi + "/directory", v1 + "/admin/directory")) {
      r.add(get(path, Access.STAFF, Limit.NONE, directory::export));
      r.add(new Route("PUT", path, Access.STAFF, Limit.NONE, Problems.Disclosure.FULL, directory::importDocument,
          DirectoryEndpoints.MAX_DOCUMENT_BYTES));
    }
    r.add(get(staffApi + "/officials/{id}/feed", Access.STAFF, Limit.NONE, feeds::show));
    r.add(post(staffApi + "/officials/{id}/feed", Access.STAFF, Limit.NONE, feeds::create));
    r.add(new Route("DELETE", staffApi + "/officials/{id}/feed", Access.STAFF, Limit.NONE, Problems.Disclosure.FULL,
        feeds::revoke));
    // Calendar programs poll it with the secret in the path: counted per feed and per address.
    r.add(get("/feeds/officials/{token}.ics", Access.PUBLIC, Limit.QUERY, feeds::read));
    r.add(get(v1 + "/openapi.json", Access.PUBLIC, Limit.NONE, operations::openApi));
    r.add(get("/health/live", Access.OPERATIONS, Limit.NONE, operations::live));
    r.add(get("/health/ready", Access.OPERATIONS, Limit.NONE, operations::ready));
    r.add(get("/metrics", Access.OPERATIONS, Limit.NONE, operations::metrics));
    r.replaceAll(scope::guard);
    return r;
  }

  private static Route get(String template, Access access, Limit limit, Route.Action action) {
    return new Route("GET", template, access, limit, Problems.Disclosure.FULL, action);
  }

  private static Route put(String template, Route.Action action) {
    return new Route("PUT", template, Access.STAFF, Limit.NONE, Problems.Disclosure.FULL, action);
  }

  private static Route post(String template, Access access, Limit limit, Route.Action action) {
    return new Route("POST", template, access, limit, Problems.Disclosure.FULL, action);
  }
}
