/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.BookingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The citizen's way on the in-memory storage, plus what the widget must also get right: a phone's
 * 360 px screen, a time taken by someone else meanwhile, the office's limit for one address, and
 * English.
 */
class CitizenJourneyTest extends CitizenJourney {
  @BeforeAll
  static void start() {
    startWith(TownHallServers.inMemory(folder, firstInstant()));
  }

  @Override
  String name() {
    return "memory";
  }

  @Test
  void pagesAndTheirFramesSeeTheServersTimeInPragueAndItAdvances() {
    at(Instant.parse("2026-12-31T22:59:30Z"));
    browser.open(servers.portalUrl());
    browser.js("const f = document.createElement('iframe'); f.id = 'same-origin'; f.src = location.href; document.body.append(f);");
    browser.until(d -> browser.js("const f = document.getElementById('same-origin');"
        + "return f.contentDocument && f.contentDocument.readyState === 'complete' && f.contentWindow.location.href !== 'about:blank'"));
    long server = servers.clock().millis();
    for (String window : List.of("window", "document.getElementById('same-origin').contentWindow")) {
      String w = "const w = " + window + "; ";
      long page = ((Number) browser.js(w + "return w.Date.now()")).longValue();
      assertThat(page).as(window + ": the server's instant, a few seconds on at most").isBetween(server, server + 30_000);
      assertThat(((Number) browser.js(w + "return new w.Date().getTime()")).longValue()).isBetween(server, server + 30_000);
      assertThat(browser.js(w + "return w.Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("Europe/Prague");
      assertThat(browser.js(w + "return w.Date()")).asString().contains("Dec 31 2026 23:59");
      assertThat(browser.js(w + "return new w.Date(0).toISOString()")).isEqualTo("1970-01-01T00:00:00.000Z");
      assertThat(browser.js(w + "return new w.Date() instanceof w.Date")).isEqualTo(true);
    }
    long first = ((Number) browser.js("return Date.now()")).longValue();
    browser.until(d -> ((Number) browser.js("return Date.now()")).longValue() > first ? true : null);
  }

  @Test
  void widgetFitsA360PixelPhoneScreenAtEveryStep() {
    browser.width(360);
    try {
      browser.open(servers.portalUrl());
      WidgetSteps widget = new WidgetSteps(browser);
      browser.find(widget.root(), "input[type=radio]");
      narrow("1-department");
      widget.clickRadio("transport");
      widget.clickContinue("Úředník");
      narrow("2-official");
      widget.clickRadio("*");
      widget.clickContinue("Agenda a téma");
      narrow("3-agenda");
      widget.clickRadio("driving-licence");
      widget.root().findElement(By.cssSelector("textarea")).sendKeys("Výměna řidičského průkazu");
      widget.clickContinue("Den a čas");
      widget.clickDay(null);
      narrow("4-day-and-times");
      browser.assertAccessible("widget at 360 px with free times");
      browser.find(widget.root(), "button.cd-slot").click();
      narrow("5-contact");
      widget.fillContact("Karel Novák", "karel.novak@example.cz");
      narrow("6-summary");
      browser.find(widget.root(), "button[type=submit]", "Závazně objednat").click();
      String link = browser.find(widget.root(), "a.cd-link").getAttribute("href");
      narrow("7-done");
      browser.open(link);
      browser.find(browser.driver(), "#reservation-status", "Schůzka je objednána");
      narrow("8-manage-page");
      browser.find(browser.driver(), "#choose-other").click();
      browser.find(browser.driver(), "button.cd-day").click();
      browser.find(browser.driver(), "button.cd-slot");
      narrow("9-manage-picker");
    } finally {
      browser.width(1280);
    }
  }

  private void narrow(String step) {
    browser.screenshot(name() + "-360-" + step);
    assertThat(browser.overflow()).as("sideways scrolling at 360 px, step " + step).isLessThanOrEqualTo(0);
  }

  @Test
  void citizenAcceptsAReplacementTimeFromTheLinkInTheEmail() {
    String email = "ales.horak@example.cz";
    OfficialId official = OfficialId.of("katerina-horakova");
    LocalDate day = servers.today().plusDays(5);
    FreeSlot slot = servers.diary().findingFreeSlots().ofOfficial(official, AgendaId.of("trade-change"), day, day.plusDays(6)).get(0);
    Reservation booked = servers.diary().booking().book(new BookingRequest(official, AgendaId.of("trade-change"), slot.start(),
        new Citizen("Aleš Horák", email, null), "Změna oboru živnosti", Channel.WEB, Language.CS)).reservation();
    LocalDate absent = LocalDate.ofInstant(slot.start(), WidgetSteps.PRAGUE);
    servers.diary().recordingAbsence().record(new StaffMember(TownHallServers.ADMIN, Role.ADMIN, null), new AbsenceRequest(official,
        absent.atStartOfDay(WidgetSteps.PRAGUE).toInstant(), absent.plusDays(1).atStartOfDay(WidgetSteps.PRAGUE).toInstant(),
        AbsenceKind.ILLNESS, "Nemoc"));
    List<String> links = TownHallServers.proposalLinks(servers.awaitMail(email, "Změna v programu úředníka", Set.of()));
    assertThat(links).isNotEmpty();
    // A colleague's time where there is one: the page must name the room of the official who will receive.
    String link = links.stream().filter(l -> !query(l).get("official").equals(official.value())).findFirst()
        .orElse(links.get(0));
    Map<String, String> query = query(link);
    String room = servers.diary().readingDirectory().official(OfficialId.of(query.get("official"))).room();
    assertThat(room).as("the demo keeps a room for every official").isNotBlank();

    browser.open(link);
    WebElement panel = browser.find(browser.driver(), "#panel-title", "Potvrďte prosím náhradní termín");
    assertThat(browser.find(browser.driver(), ".cd-confirm").getText()).as("the new official's room before accepting")
        .contains(room);
    assertThat(browser.focused()).isEqualTo(panel);
    assertThat(browser.driver().getCurrentUrl()).as("the choice is not repeated on reload").doesNotContain("?");
    assertThat(browser.find(browser.driver(), "#reservation-status").getText()).startsWith("Termín se musel zrušit");
    browser.screenshot(name() + "-1280-manage-accept-proposal");
    browser.assertAccessible("manage page, accepting a proposal");
    Set<String> before = servers.mailSoFar();
    browser.find(browser.driver(), "#confirm").click();

    browser.find(browser.driver(), ".cd-status .cd-success", "schůzka je přesunuta");
    Reservation moved = servers.storage().reservations().find(booked.id()).orElseThrow();
    assertThat(moved.status()).isEqualTo(Status.ACTIVE);
    assertThat(moved.official().value()).isEqualTo(query.get("official"));
    assertThat(moved.start()).isEqualTo(Instant.parse(query.get("start")));
    // A colleague at the original time changes only the official, and the subject says so (#13).
    servers.awaitMail(email, moved.start().equals(booked.start()) ? "povede jiný úředník" : "Schůzka přesunuta",
        before);

    browser.open(link);
    browser.find(browser.driver(), ".cd-status .cd-success", "Tento termín už máte potvrzený");
    assertThat(browser.driver().findElements(By.id("panel-title"))).isEmpty();
  }

  @Test
  void theWidgetBooksWithASolvedProofOfWorkAndTheServerRefusesABookingWithout() {
    assertThat(servers.call(null, "GET", "/api/v1/challenge", null).json().get("maxnumber").asLong())
        .isEqualTo(TownHallServers.POW_DIFFICULTY);
    Instant later = servers.clock().instant().plus(java.time.Duration.ofDays(1));
    servers.storage().challenges().removeExpired(later);
    String email = "pavel." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.cz";
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    widget.department("civil-affairs");
    widget.firstAvailable();
    widget.agenda("id-card", "Ztracený občanský průkaz");
    browser.find(widget.root(), "button.cd-day");
    Map<String, Object> slot = widget.dayAndTime(0);
    widget.contact("Pavel Novák", email, "");
    widget.confirm();
    browser.find(widget.root(), ".cd-success", "Jste objednáni");

    assertThat(servers.storage().reservations().openOfEmail(email)).hasSize(1);
    assertThat(servers.storage().challenges().removeExpired(later)).as("the booking spent one challenge").isEqualTo(1);
    assertThat(servers.call(null, "POST", "/api/v1/reservations", Map.of("official", "lucie-dvorakova", "agenda", "residence",
        "start", (String) slot.get("start"), "name", "Bot", "email", "bot@example.cz", "language", "cs")).json()
        .get("code").asText()).isEqualTo("challenge-missing");
  }

  @Test
  void aPortalPagePreselectsTheDepartmentAndAgenda() {
    browser.open(servers.portalUrl());
    new WidgetSteps(browser);
    browser.js("const w = document.createElement('civic-diary-booking');"
        + "w.setAttribute('department', 'transport'); w.setAttribute('agenda', 'parking-permit'); w.setAttribute('lang', 'en');"
        + "document.querySelector('civic-diary-booking').replaceWith(w);");
    WidgetSteps widget = new WidgetSteps(browser);
    browser.find(widget.root(), ".cd-progress", "Step 1 of 5: Official");
    widget.clickRadio("*");
    browser.find(widget.root(), "button[type=submit]", "Continue").click();
    browser.find(widget.root(), ".cd-step-title", "Matter and topic");
    assertThat(widget.root().findElements(By.cssSelector("input[type=radio]"))).as("the agenda is given").isEmpty();
    widget.root().findElement(By.cssSelector("textarea")).sendKeys("Residents' parking");
    browser.find(widget.root(), "button[type=submit]", "Continue").click();
    browser.find(widget.root(), "button.cd-day");
    assertThat(browser.find(widget.root(), ".cd-help").getText()).contains("1. patro, hala A");
  }

  @Test
  void refusalsAreExplainedInPlainWords() {
    browser.open(servers.portalUrl());
    new WidgetSteps(browser);
    // The pages' own kit, as the widget loads it (ES modules from the API's origin).
    String kit = servers.apiBase() + "/static/kit/";
    String explain = "const done = arguments[arguments.length - 1];"
        + "Promise.all([import('" + kit + "kit.js'), import('" + kit + "texts.js')]).then(([kit, texts]) => done("
        + "kit.explain(texts.TEXTS[arguments[0]], {status: arguments[1], retryAfter: arguments[2], "
        + "problem: JSON.parse(arguments[3])}).message), (e) => done('import failed: ' + e))";
    assertThat(browser.jsAsync(explain, "cs", 429, "7", "{}")).isEqualTo("Příliš mnoho pokusů za krátkou dobu. Zkuste to prosím znovu za 7 s.");
    assertThat(browser.jsAsync(explain, "en", 429, null, "{}")).isEqualTo("Too many attempts in a short time. Please try again in 30 s.");
    assertThat((String) browser.jsAsync(explain, "cs", 503, "5", "{\"code\":\"storage-unavailable\"}"))
        .contains("dočasně nedostupný", "mohla, ale nemusela provést").doesNotContain("nic se nezměnilo");
    assertThat((String) browser.jsAsync(explain, "en", 422, null,
        "{\"code\":\"policy-violated\",\"policy\":\"TOPIC_TOO_LONG\",\"field\":\"topic\"}"))
        .as("the catalogue's words for the code, not another field's").contains("too long");
    assertThat((String) browser.jsAsync(explain, "cs", 503, "5", "{\"code\":\"timeout\"}")).contains("neprovede dvakrát");
    assertThat((String) browser.jsAsync(explain, "cs", 422, null, "{\"code\":\"slot-not-bookable\",\"reason\":\"TOO_SOON\"}"))
        .contains("příliš blízko", "obnovili");
    assertThat((String) browser.jsAsync(explain, "en", 422, null, "{\"code\":\"email-limit\",\"field\":\"email\"}"))
        .contains("cannot book another meeting");
    assertThat((String) browser.jsAsync(explain, "cs", 0, null, "{}")).contains("připojení k internetu");
    assertThat((String) browser.jsAsync(explain, "cs", 500, null, "{}")).isEqualTo("Něco se nepovedlo. Zkuste to prosím znovu.");
  }

  private static Map<String, String> query(String link) {
    Map<String, String> query = new java.util.HashMap<>();
    for (String pair : java.net.URI.create(link).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
    }
    return query;
  }

  @Test
  void aTimeTakenMeanwhileRefreshesTheFreeTimesAndSaysSo() {
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    widget.clickToCalendar("civil-affairs", "lucie-dvorakova", "residence", "Změna trvalého pobytu");
    widget.clickDay(null);
    List<String> before = times(widget);
    if (before.size() < 2) {
      // Late in the day the first day may have one time left, and taking it would leave none to
      // show: the next day with free time has a full diary.
      String next = widget.root().findElements(By.cssSelector("button.cd-day")).get(1).getAttribute("data-date");
      widget.clickDay(next);
      before = times(widget);
    }
    assertThat(before).as("times to choose from, one to be taken meanwhile").hasSizeGreaterThan(1);
    browser.find(widget.root(), "button.cd-slot").click();
    Map<String, Object> slot = widget.chosenSlot();
    widget.fillContact("Eva Malá", "eva.mala@example.cz");

    assertThat(servers.bookOverHttp("lucie-dvorakova", "residence", (String) slot.get("start"), "someone@example.cz"))
        .as("another citizen, a little faster").isEqualTo(201);
    browser.find(widget.root(), "button[type=submit]", "Závazně objednat").click();

    WebElement alert = browser.find(widget.root(), ".cd-alert p", "mezitím objednal někdo jiný");
    assertThat(alert.getText()).contains("obnovili");
    widget.expectStep("Den a čas");
    browser.find(widget.root(), "button.cd-slot");
    List<String> after = times(widget);
    assertThat(after).hasSize(before.size() - 1).doesNotContain(before.get(0));
    browser.screenshot(name() + "-1280-widget-slot-taken");
    browser.assertAccessible("widget after a time was taken");
  }

  @Test
  void anAddressOverTheOfficesLimitIsToldWhatToDo() {
    String email = "busy.citizen@example.cz";
    for (int day = 0; day < 3; day++) {
      var free = servers.diary().findingFreeSlots().ofOfficial(OfficialId.of("jiri-vesely"), AgendaId.of("driving-licence"),
          servers.today().plusDays(7 + day * 7L), servers.today().plusDays(13 + day * 7L));
      servers.diary().booking().book(new BookingRequest(OfficialId.of("jiri-vesely"), AgendaId.of("driving-licence"),
          free.get(0).start(), new Citizen("Busy Citizen", email, null), "Řidičák", Channel.WEB, Language.CS));
    }
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    widget.clickToCalendar("transport", "*", "parking-permit", "Parkovací karta");
    widget.clickDay(null);
    browser.find(widget.root(), "button.cd-slot").click();
    widget.fillContact("Busy Citizen", email);
    browser.find(widget.root(), "button[type=submit]", "Závazně objednat").click();

    widget.expectStep("Kontaktní údaje");
    WebElement message = browser.find(widget.root(), ".cd-field-error", "Na tuto e-mailovou adresu");
    assertThat(message.getText()).contains("zavolejte");
    WebElement input = widget.root().findElement(By.cssSelector("input[name=email]"));
    assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.focused()).isEqualTo(input);
    assertThat(browser.find(widget.root(), ".cd-alert").getText()).contains("+420 220 189 111");
    assertThat(servers.storage().reservations().openOfEmail(email)).hasSize(3);
  }

  @Test
  void speaksEnglishWhenThePortalSaysSo() {
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    browser.find(widget.root(), "input[type=radio]");
    browser.js("document.querySelector('civic-diary-booking').setAttribute('lang', 'en')");
    browser.find(widget.root(), ".cd-title", "Book an appointment");
    assertThat(browser.find(widget.root(), "legend").getText()).isEqualTo("Which department do you need?");
    widget.clickRadio("civil-affairs");
    browser.find(widget.root(), "button[type=submit]", "Continue").click();
    browser.find(widget.root(), ".cd-step-title", "Official");
    assertThat(browser.find(widget.root(), ".cd-help").getText()).contains("Monday 8:00–18:00", "Call centre");
    browser.screenshot(name() + "-1280-widget-english");
  }

  private List<String> times(WidgetSteps widget) {
    return widget.root().findElements(By.cssSelector("button.cd-slot .cd-slot-time")).stream().map(WebElement::getText).toList();
  }
}
