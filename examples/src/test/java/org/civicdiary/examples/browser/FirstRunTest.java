/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.notify.DroppedMail;
import org.civicdiary.notify.MailDrop;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.WebModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The first run in headless Chromium: a fresh H2 database with nothing but the initial
 * administrator. The administrator first replaces the password from the settings (nothing else is
 * open until then), then follows the console's checklist (office, department, official,
 * agenda, window), every page saying what to create first until it exists; then a citizen books
 * through the widget and the confirmation is dropped. The server runs on a fixed clock, and the
 * browser's clock shows the same time. axe-core checks each new page.
 */
@org.civicdiary.testkit.NeedsBrowser
class FirstRunTest {
  /** Monday 1 March 2027, 09:00 in Prague: never the day the test runs. */
  private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
  private static final String ADMIN = "admin";
  private static final String PASSWORD = "correct horse battery staple";
  private static final String OWN_PASSWORD = "violet tractor hums quietly at dawn";
  @TempDir Path folder;
  private Injector injector;
  private BookingServer api;
  private Undertow portal;
  private OutboxDispatcher dispatcher;
  private String portalUrl;
  private Browser browser;

  @BeforeEach
  void emptyDatabaseWithTheInitialAdmin() {
    int apiPort = freePort();
    int portalPort = freePort();
    String apiBase = "http://127.0.0.1:" + apiPort;
    portalUrl = "http://localhost:" + portalPort + "/";
    Map<String, String> keys = new HashMap<>();
    keys.put("civicdiary.web.host", "127.0.0.1");
    keys.put("civicdiary.web.port", Integer.toString(apiPort));
    keys.put("civicdiary.web.public-url", apiBase);
    keys.put("civicdiary.web.cors-origins", "http://localhost:" + portalPort);
    keys.put("civicdiary.staff.initial-admin", ADMIN);
    keys.put("civicdiary.staff.initial-admin-password", PASSWORD);
    keys.put("civicdiary.staff.cookie-secure", "false");
    keys.put("civicdiary.mail.transport", "drop");
    keys.put("civicdiary.mail.drop.folder", folder.resolve("mail").toString());
    keys.put("civicdiary.notify.public-base-url", apiBase);
    keys.put("civicdiary.notify.poll-interval", "PT0.1S");
    keys.put("civicdiary.db.url", "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    Settings settings = Settings.of(keys);
    injector = Guice.createInjector(new WebModule(settings), new NotifyModule(settings), new PersistenceModule(settings),
        binder -> OptionalBinder.newOptionalBinder(binder, org.civicdiary.guice.CoreModule.CLOCK).setBinding()
            .toInstance(Clock.fixed(NOW, ZoneOffset.UTC)));
    api = BookingServer.start(injector);
    dispatcher = injector.getInstance(OutboxDispatcher.class);
    dispatcher.start();
    byte[] page = """
        <!doctype html>
        <html lang="cs">
        <head><meta charset="utf-8"><title>Objednání na úřad</title>
        <script src="%s/static/widget/civic-diary-booking.js" defer></script></head>
        <body><main><h1>Objednání na úřad</h1><civic-diary-booking lang="cs"></civic-diary-booking></main></body>
        </html>
        """.formatted(apiBase).getBytes(StandardCharsets.UTF_8);
    portal = Undertow.builder().addHttpListener(portalPort, "127.0.0.1")
        .setHandler(exchange -> {
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html;charset=utf-8");
          exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(page));
        }).build();
    portal.start();
    // The browser's clock shows the server's time (it runs on from there), in every page it opens.
    browser = Browser.start(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    dispatcher.stop();
    portal.stop();
    api.stop();
    injector.getInstance(JdbcStorage.class).close();
  }

  @Test
  void theAdministratorSetsUpTheTownHallInTheConsoleAndACitizenBooks() {
    String consoleUrl = api.uri() + "/console/";
    ConsoleSteps console = new ConsoleSteps(browser, consoleUrl);
    console.logIn(ADMIN, PASSWORD);
    changeTheSettingsPassword(console, true);

    // The administrator's home: the checklist, nothing done yet.
    console.open("start", "Začínáme");
    assertThat(steps()).containsExactly("office", "departments", "officials", "agendas", "windows", "slot");
    assertThat(done()).isEmpty();
    check("first-run-1-checklist");

    // Before the office exists, the departments page says so instead of failing.
    console.open("departments", "Odbory");
    WebElement link = browser.find(browser.driver(), ".cd-need a", "Založit úřad");
    assertThat(browser.driver().findElement(By.cssSelector(".cd-need")).getText()).contains("Nejdříve založte úřad.");
    assertThat(scriptErrors()).isEmpty();
    check("first-run-2-needs-office");
    link.click();

    // The office page creates the office.
    browser.find(browser.driver(), "h1", "Nastavení úřadu");
    browser.find(browser.driver(), "section h2", "Nový úřad");
    assertThat(value("zone")).isEqualTo("Europe/Prague");
    check("first-run-3-new-office");
    type("id", "praha-9");
    type("name.cs", "Úřad městské části Praha 9");
    type("name.en", "Prague 9 Town Hall");
    type("place.name", "Radnice Prahy 9");
    type("place.address", "Sokolovská 14/324, Praha 9");
    browser.find(browser.driver(), "button", "Přidat číslo").click();
    type("phones[0].purpose.cs", "Informace");
    type("phones[0].purpose.en", "Information");
    type("phones[0].number", "+420 283 091 111");
    saveAndExpect("Uloženo.");
    assertThat(storage().directory().office(OfficeId.of("praha-9"))).hasValueSatisfying(o -> {
      assertThat(o.name().en()).isEqualTo("Prague 9 Town Hall");
      assertThat(o.slotMinutes()).isEqualTo(15);
      assertThat(o.phones()).hasSize(1);
    });

    // A department (its saving failed with a script error when there was no office).
    console.open("officials", "Úředníci");
    browser.find(browser.driver(), ".cd-need a", "Přidat odbor").click();
    browser.find(browser.driver(), "section h2", "Nový odbor");
    type("id", "doklady");
    type("nameCs", "Odbor dokladů");
    type("nameEn", "Documents");
    type("placeName", "Radnice Prahy 9");
    type("placeAddress", "Sokolovská 14/324, přízemí");
    saveAndExpect("Uloženo.");

    // An official.
    console.open("officials", "Úředníci");
    browser.find(browser.driver(), "details summary", "Nový úředník").click();
    type("id", "alena-kovarova");
    type("name", "Alena Kovářová");
    type("room", "dveře 12");
    type("email", "alena.kovarova@praha9.example");
    saveAndExpect("Uloženo.");

    // An agenda that she handles.
    console.open("agendas", "Agendy");
    browser.find(browser.driver(), "details summary", "Nová agenda").click();
    type("id", "obcanky");
    type("nameCs", "Občanský průkaz");
    type("nameEn", "ID card");
    browser.find(browser.driver(), "label", "Alena Kovářová").click();
    saveAndExpect("Uloženo.");

    // A window in her diary: Mondays 08:00 to 18:00 from today.
    console.open("diaries", "Diáře");
    browser.find(browser.driver(), "button", "Přidat okno").click();
    browser.js("arguments[0].value = '18:00'", browser.find(browser.driver(), "input[name=end0]"));
    assertThat(value("validFrom0")).isEqualTo("2027-03-01");
    browser.find(browser.driver(), "button[type=submit]", "Uložit diář").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Uloženo.");

    // Every step is ticked, with the first free time (11:00: two hours' notice from 09:00).
    console.open("start", "Začínáme");
    browser.find(browser.driver(), ".cd-card .cd-success", "Vše je nastaveno");
    assertThat(done()).containsExactly("office", "departments", "officials", "agendas", "windows", "slot");
    assertThat(browser.driver().findElement(By.cssSelector(".cd-card .cd-note")).getText()).contains("11:00");
    check("first-run-4-checklist-done");
    console.open("directory", "Import a export");
    assertThat(browser.find(browser.driver(), "a[download]").getAttribute("href")).endsWith("/api/v1/staff/directory");
    check("first-run-5-directory");

    // A citizen books through the widget in the portal; the confirmation is dropped.
    String email = "petr.maly@example.cz";
    browser.open(portalUrl);
    WidgetSteps widget = new WidgetSteps(browser);
    widget.clickToCalendar("doklady", "*", "obcanky", "Nový občanský průkaz");
    widget.clickDay("2027-03-01");
    browser.find(widget.root(), "button.cd-slot").click();
    widget.fillContact("Petr Malý", email);
    widget.confirm();
    browser.find(widget.root(), ".cd-success", "Jste objednáni");
    List<Reservation> booked = storage().reservations().openOfEmail(email);
    assertThat(booked).singleElement().satisfies(r -> {
      assertThat(r.official().value()).isEqualTo("alena-kovarova");
      assertThat(r.start()).isEqualTo(Instant.parse("2027-03-01T10:00:00Z"));
    });
    DroppedMail.Content confirmation = awaitMail(email);
    assertThat(confirmation.text()).contains("Alena Kovářová");
    assertThat(scriptErrors()).isEmpty();
  }

  @Test
  void theDirectoryPageUploadsAFileShowingItsErrorsByPathThenImportsAGoodOne() throws Exception {
    Path bad = java.nio.file.Files.writeString(folder.resolve("bad.json"), """
        {"departments": [{"id": "doklady", "office": "nowhere", "name": {"cs": "Doklady", "en": "Documents"},
          "place": {"name": "Radnice", "address": "Sokolovská 14"},
          "officials": [{"id": "alena-kovarova", "name": "Alena Kovářová", "email": "not an address"}]}]}
        """);
    Path good = java.nio.file.Files.writeString(folder.resolve("good.json"), """
        {"format": 1,
         "offices": [{"id": "praha-9", "name": {"cs": "Praha 9", "en": "Prague 9"}, "zone": "Europe/Prague",
           "slotMinutes": 15, "place": {"name": "Radnice", "address": "Sokolovská 14"}}],
         "departments": [{"id": "doklady", "office": "praha-9", "name": {"cs": "Doklady", "en": "Documents"},
           "place": {"name": "Radnice", "address": "Sokolovská 14"},
           "officials": [{"id": "alena-kovarova", "name": "Alena Kovářová",
             "windows": [{"day": "MONDAY", "start": "08:00", "end": "18:00", "validFrom": "2027-01-01"}]}],
           "agendas": [{"id": "obcanky", "name": {"cs": "Občanský průkaz", "en": "ID card"},
             "officials": ["alena-kovarova"]}]}]}
        """);
    ConsoleSteps console = new ConsoleSteps(browser, api.uri() + "/console/");
    console.logIn(ADMIN, PASSWORD);
    changeTheSettingsPassword(console, false);

    console.open("directory", "Import a export");
    browser.find(browser.driver(), "input[type=file]").sendKeys(bad.toAbsolutePath().toString());
    browser.find(browser.driver(), "button[type=submit]", "Nahrát").click();
    browser.find(browser.driver(), ".cd-alert", "nic se nezměnilo");
    assertThat(browser.driver().findElements(By.cssSelector(".cd-import-report tbody th")).stream()
        .map(WebElement::getText).toList())
        .containsExactly("$.departments[0].office", "$.departments[0].officials[0].email");
    check("first-run-6-import-errors");
    assertThat(storage().directory().departments()).isEmpty();

    browser.find(browser.driver(), "input[type=file]").sendKeys(good.toAbsolutePath().toString());
    browser.find(browser.driver(), "button[type=submit]", "Nahrát").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Adresář nahrán");
    assertThat(storage().directory().official(org.civicdiary.booking.model.OfficialId.of("alena-kovarova"))).isPresent();
    Object downloaded = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.querySelector('a[download]').href).then(r => r.text()).then(done, e => done(String(e)));");
    assertThat((String) downloaded).contains("\"alena-kovarova\"", "\"praha-9\"");

    console.open("start", "Začínáme");
    browser.find(browser.driver(), ".cd-card .cd-success", "Vše je nastaveno");
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h1", "Getting started");
    browser.find(browser.driver(), ".cd-card .cd-success", "Everything is set up");
    check("first-run-7-checklist-in-english");
  }

  private Storage storage() {
    return injector.getInstance(Storage.class);
  }

  private List<String> steps() {
    return browser.driver().findElements(By.cssSelector(".cd-checklist li")).stream()
        .map(e -> e.getAttribute("data-step")).toList();
  }

  private List<String> done() {
    return browser.driver().findElements(By.cssSelector(".cd-checklist li.cd-done")).stream()
        .map(e -> e.getAttribute("data-step")).toList();
  }

  private void type(String name, String text) {
    WebElement control = browser.find(browser.driver(), "[name='" + name + "']");
    control.clear();
    control.sendKeys(text);
  }

  private String value(String name) {
    return browser.find(browser.driver(), "[name='" + name + "']").getAttribute("value");
  }

  /** Submits the form of the control that has the focus, and waits for the message. */
  private void saveAndExpect(String message) {
    WebElement form = browser.focused().findElement(By.xpath("ancestor::form"));
    form.findElement(By.cssSelector("button[type=submit]")).click();
    browser.find(browser.driver(), ".cd-status .cd-success", message);
  }

  /** Errors a script threw in the page (a failed request's log line is not one). */
  private List<String> scriptErrors() {
    return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
        .filter(m -> m.contains("Uncaught") || m.contains("TypeError")).toList();
  }

  /**
   * The first sign-in with the password from the settings opens only the form that changes it: no
   * menu, and the API refuses everything else meanwhile. A guessable password is refused on its field.
   */
  private void changeTheSettingsPassword(ConsoleSteps console, boolean checkPage) {
    browser.find(browser.driver(), "h1", "Můj účet");
    browser.find(browser.driver(), "#app .cd-intro", "heslem z nastavení serveru");
    assertThat(browser.driver().findElements(By.cssSelector("#menu a"))).as("no menu until then").isEmpty();
    if (checkPage) {
      check("first-run-0-change-password");
    }
    WebElement current = browser.find(browser.driver(), "input[name=currentPassword]");
    WebElement wanted = browser.find(browser.driver(), "input[name=newPassword]");
    WebElement again = browser.find(browser.driver(), "input[name=newPasswordAgain]");
    current.sendKeys(PASSWORD);
    wanted.sendKeys("password1234");
    again.sendKeys("password1234", org.openqa.selenium.Keys.ENTER);
    browser.until(d -> "true".equals(wanted.getAttribute("aria-invalid")) ? true : null);
    assertThat(browser.find(browser.driver(), ".cd-alert").getText()).contains("snadno uhodnout");
    current.sendKeys(PASSWORD);
    wanted.clear();
    wanted.sendKeys(OWN_PASSWORD);
    again.clear();
    again.sendKeys(OWN_PASSWORD, org.openqa.selenium.Keys.ENTER);
    browser.find(browser.driver(), ".cd-status", "Heslo je změněné");
    assertThat(console.menu()).contains("Začínáme", "Můj účet");
  }

  private void check(String name) {
    browser.screenshot(name);
    browser.assertAccessible(name);
  }

  private DroppedMail.Content awaitMail(String to) {
    MailDrop drop = injector.getInstance(MailDrop.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<DroppedMail> found = drop.newest(20).stream().filter(m -> m.to().contains(to)).findFirst();
      if (found.isPresent()) {
        return drop.open(found.get().id()).orElseThrow();
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    throw new AssertionError("no message to " + to + " within 20 s; mailbox: " + drop.newest(20));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
