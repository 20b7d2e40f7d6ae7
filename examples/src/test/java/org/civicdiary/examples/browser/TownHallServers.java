/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.examples.ProofOfWorkClient;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.Passwords;
import org.civicdiary.examples.demo.SampleTownHall;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.DroppedMail;
import org.civicdiary.notify.MailDrop;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.WebModule;

/**
 * Everything a citizen and an operator meet, on this machine: the booking server (web + notify with
 * the mail-drop + a storage holding the sample town hall) and, on another origin, a portal page
 * that embeds the widget with its script tag, as a town's own web site would.
 */
final class TownHallServers implements AutoCloseable {
  static final long POW_DIFFICULTY = 1_000;
  static final String ADMIN = "admin";
  static final String OPERATOR = "operator";
  static final String PASSWORD = "correct horse battery staple";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
  private static final Pattern MANAGE_LINK = Pattern.compile("https?://[^\\s\"<>]+/manage/[A-Za-z0-9_-]+(\\?[^\\s\"<>]*)?");
  private final Injector injector;
  private final BookingServer api;
  private static final String OFFICE_PAGE = "/office/";
  private final Undertow portal;
  private final OutboxDispatcher dispatcher;
  private final String portalOrigin;
  private final AutoCloseable storage;

  private TownHallServers(Injector injector, BookingServer api, Undertow portal, OutboxDispatcher dispatcher,
      String portalOrigin, AutoCloseable storage) {
    this.injector = injector;
    this.api = api;
    this.portal = portal;
    this.dispatcher = dispatcher;
    this.portalOrigin = portalOrigin;
    this.storage = storage;
  }

  /**
   * When the browser tests happen unless they move the clock: a Tuesday morning in Prague. The
   * servers' clock stands still at it (a {@link MutableClock}), so no test depends on the day it runs.
   */
  static final Instant NOW = ZonedDateTime.of(2027, 1, 12, 9, 30, 0, 0, WidgetSteps.PRAGUE).toInstant();

  /** On the in-memory storage, at {@link #NOW}. */
  static TownHallServers inMemory(Path folder) {
    return inMemory(folder, NOW);
  }

  /** On the in-memory storage, the clock at the given instant (the sample town hall's schedules start a week before it). */
  static TownHallServers inMemory(Path folder, Instant now) {
    return start(folder, now, settings -> new AbstractModule() {
      @Override
      protected void configure() {
        bind(Storage.class).toInstance(InMemoryStorage.create());
      }
    }, injector -> () -> { });
  }

  /** On an H2 database file in the folder, through the persistence module, at {@link #NOW}. */
  static TownHallServers onH2(Path folder) {
    return onH2(folder, NOW);
  }

  /** On an H2 database file in the folder, through the persistence module, the clock at the given instant. */
  static TownHallServers onH2(Path folder, Instant now) {
    return start(folder, now, PersistenceModule::new, injector -> injector.getInstance(JdbcStorage.class));
  }

  private static TownHallServers start(Path folder, Instant now, Function<Settings, Module> storage,
      Function<Injector, AutoCloseable> closing) {
    MutableClock clock = new MutableClock(now);
    int apiPort = freePort();
    int portalPort = freePort();
    String apiBase = "http://127.0.0.1:" + apiPort;
    String portalOrigin = "http://localhost:" + portalPort;
    Map<String, String> keys = new HashMap<>();
    keys.put("civicdiary.web.host", "127.0.0.1");
    keys.put("civicdiary.web.port", Integer.toString(apiPort));
    keys.put("civicdiary.web.public-url", apiBase);
    keys.put("civicdiary.web.cors-origins", portalOrigin);
    keys.put("civicdiary.web.rate.queries-per-address", "100000/PT1M");
    keys.put("civicdiary.web.rate.booking-per-address", "1000/PT1M");
    keys.put("civicdiary.web.rate.booking-per-email", "1000/PT1M");
    // On, as in production, but easy: every widget test books with a solved challenge.
    keys.put("civicdiary.pow.max-number", Long.toString(POW_DIFFICULTY));
    keys.put("civicdiary.staff.initial-admin", ADMIN);
    keys.put("civicdiary.staff.initial-admin-password", PASSWORD);
    keys.put("civicdiary.staff.cookie-secure", "false");
    keys.put("civicdiary.mail.transport", "drop");
    keys.put("civicdiary.mail.drop.folder", folder.resolve("mail").toString());
    keys.put("civicdiary.notify.public-base-url", apiBase);
    keys.put("civicdiary.notify.poll-interval", "PT0.1S");
    keys.put("civicdiary.db.url", "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath());
    Settings settings = Settings.of(keys);
    Module fixedTime = binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding().toInstance(clock);
    Injector injector = Guice.createInjector(new WebModule(settings), new NotifyModule(settings), storage.apply(settings), fixedTime);
    Storage store = injector.getInstance(Storage.class);
    new SampleTownHall(store, injector.getInstance(CoreModule.CLOCK)).loadIfEmpty();
    store.transactions().run(() -> store.staffAccounts().save(
        new StaffAccount(OPERATOR, Passwords.hash(PASSWORD), Role.OPERATOR, null, true)));
    BookingServer api = BookingServer.start(injector);
    // The first administrator has chosen their own password already (FirstRunTest walks that step).
    StaffAccount admin = store.staffAccounts().find(ADMIN).orElseThrow();
    store.transactions().run(() -> store.staffAccounts().save(new StaffAccount(admin.username(), admin.passwordHash(),
        admin.role(), admin.official(), admin.active(), false)));
    OutboxDispatcher dispatcher = injector.getInstance(OutboxDispatcher.class);
    dispatcher.start();
    byte[] page = portalPage(apiBase, "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Undertow portal = Undertow.builder()
        .addHttpListener(portalPort, "127.0.0.1")
        .setHandler(exchange -> {
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html;charset=utf-8");
          // /office/{id}: the page of one office of several, whose widget names it
          String path = exchange.getRequestPath();
          byte[] answer = !path.startsWith(OFFICE_PAGE) ? page
              : portalPage(apiBase, " office=\"" + path.substring(OFFICE_PAGE.length()).replaceAll("[^a-z0-9-]", "") + "\"")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(answer));
        })
        .build();
    portal.start();
    return new TownHallServers(injector, api, portal, dispatcher, portalOrigin, closing.apply(injector));
  }

  /**
   * A town's page with the widget, styled the way portals are: its own fonts and colours, and rules
   * aimed at every button and paragraph that must not reach into the widget.
   */
  private static String portalPage(String apiBase, String officeAttribute) {
    return """
        <!doctype html>
        <html lang="cs">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Objednání na úřad – Městská část Praha 6</title>
          <script src="%s/static/widget/civic-diary-booking.js" defer></script>
          <style>
            body { margin: 0; font-family: Georgia, serif; color: #222; }
            header, footer { background: #20323f; color: #fff; padding: 0.75rem 1rem; }
            main { padding: 1rem; max-width: 60rem; margin: 0 auto; }
            button { background: hotpink; border-radius: 0; }
            p { font-size: 20px; }
            civic-diary-booking { --cd-font: system-ui, sans-serif; }
          </style>
        </head>
        <body>
          <header><p>Městská část Praha 6</p></header>
          <main>
            <h1>Objednání na úřad</h1>
            <civic-diary-booking lang="cs"%s></civic-diary-booking>
          </main>
          <footer><p>Úřad městské části Praha 6, Čs. armády 601/23</p></footer>
        </body>
        </html>
        """.formatted(apiBase, officeAttribute);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The portal's page for one office of several: its widget has the {@code office} attribute. */
  String portalUrl(OfficeId office) {
    return portalOrigin + OFFICE_PAGE + office.value();
  }

  String portalUrl() {
    return portalOrigin + "/";
  }

  String apiBase() {
    return api.uri().toString();
  }

  String consoleUrl() {
    return apiBase() + "/console/";
  }

  Storage storage() {
    return injector.getInstance(Storage.class);
  }

  CivicDiary diary() {
    return injector.getInstance(CivicDiary.class);
  }

  /** The clock every part of the servers reads; a test moves it (and then the browser's, {@link Browser#sameTimeAs}). */
  MutableClock clock() {
    return (MutableClock) injector.getInstance(CoreModule.CLOCK);
  }

  /** Today in the office's zone, by the servers' clock. */
  LocalDate today() {
    return LocalDate.ofInstant(clock().instant(), WidgetSteps.PRAGUE);
  }

  /** Books as another citizen's browser would, over the public API; answers the HTTP status. */
  int bookOverHttp(String official, String agenda, String start, String email) {
    return call(null, "POST", "/api/v1/reservations", Map.of("official", official, "agenda", agenda, "start", start,
        "name", "Someone Else", "email", email, "topic", "Faster", "language", "cs"), Map.of("Altcha", solvedChallenge()))
        .status();
  }

  /**
   * Waits until the public API's answer at {@code path} contains {@code words}: public answers are
   * cached for a moment (2 s), and a page opened sooner loads the answer from before a change.
   */
  void awaitPublic(String path, String words) {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
    while (!String.valueOf(call(null, "GET", path, null).json()).contains(words)) {
      if (java.time.Instant.now().isAfter(deadline)) {
        throw new AssertionError("the public answer at " + path + " never showed '" + words + "'");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
    }
  }

  /** A challenge of the API solved as a script would, as the Altcha header's value. */
  String solvedChallenge() {
    try {
      return ProofOfWorkClient.solved(HttpClient.newHttpClient(), URI.create(apiBase()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer of the API: its status and its JSON body (null when it has none). */
  record Answer(int status, JsonNode json) {}

  /** Signs in over the staff API as a script would, for a bearer token; fails the test when refused. */
  String staffToken(String username, String password) {
    Answer login = call(null, "POST", "/api/v1/staff/login", Map.of("username", username, "password", password, "bearer", true));
    if (login.status() != 200) {
      throw new AssertionError("login of " + username + " refused: " + login);
    }
    return login.json().get("token").asText();
  }

  /** Calls the API (with the staff member's bearer token, if given) with a JSON body (or none). */
  Answer call(String token, String method, String path, Object body) {
    return call(token, method, path, body, Map.of());
  }

  /** The same with more request headers. */
  Answer call(String token, String method, String path, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase() + path)).header("Accept", "application/json");
      headers.forEach(request::header);
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      }
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
      return new Answer(response.statusCode(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The ids of the messages written so far, to tell the next ones by. (Not an instant: the servers'
   * clock stands still, and the mail-drop lists files by when they were written, in real time.)
   */
  Set<String> mailSoFar() {
    return injector.getInstance(MailDrop.class).newest(Integer.MAX_VALUE).stream().map(DroppedMail::id).collect(Collectors.toSet());
  }

  /** Waits for a message to the address, not among those seen before, whose subject contains the text. */
  DroppedMail.Content awaitMail(String to, String subjectPart, Set<String> seenBefore) {
    MailDrop drop = injector.getInstance(MailDrop.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<DroppedMail> found = drop.newest(Integer.MAX_VALUE).stream()
          .filter(m -> m.to().contains(to) && m.subject().contains(subjectPart) && !seenBefore.contains(m.id()))
          .findFirst();
      if (found.isPresent()) {
        return drop.open(found.get().id()).orElseThrow();
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    throw new AssertionError("no message to " + to + " with '" + subjectPart + "' within 20 s; mailbox: "
        + drop.newest(20));
  }

  /** The manage link in a message's text. */
  static String manageLink(DroppedMail.Content mail) {
    Matcher m = MANAGE_LINK.matcher(mail.text());
    if (!m.find()) {
      throw new AssertionError("no manage link in:\n" + mail.text());
    }
    return m.group();
  }

  /** The links to proposed replacement times in a message's HTML ({@code ?official=&start=}), as a citizen clicks them. */
  static List<String> proposalLinks(DroppedMail.Content mail) {
    List<String> links = new ArrayList<>();
    Matcher m = HREF.matcher(mail.html());
    while (m.find()) {
      String link = m.group(1).replace("&#61;", "=").replace("&amp;", "&");
      if (link.contains("/manage/") && link.contains("?official=")) {
        links.add(link);
      }
    }
    return links;
  }

  @Override
  public void close() throws Exception {
    dispatcher.stop();
    portal.stop();
    api.stop();
    storage.close();
  }
}
