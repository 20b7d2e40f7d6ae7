/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.civicdiary.booking.model.WorkNote;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.BookingRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff console in headless Chromium: an operator works the worklist (a reservation displaced
 * by an illness is moved with one click and the citizen's message goes out), books for a caller,
 * and every console page passes axe-core (screenshots under target/screenshots/).
 */
class OperatorConsoleTest extends StaffConsole {
  private static final StaffMember ADMIN = new StaffMember(TownHallServers.ADMIN, Role.ADMIN, null);

  @Test
  void operatorMovesADisplacedReservationWithOneClickAndTheCitizenIsTold() {
    String email = "marie.kralova.citizen@example.cz";
    OfficialId official = OfficialId.of("martin-prochazka");
    LocalDate day = servers.today().plusDays(8);
    FreeSlot slot = servers.diary().findingFreeSlots().ofOfficial(official, AgendaId.of("driving-licence"), day, day.plusDays(6)).get(0);
    Reservation booked = servers.diary().booking().book(new BookingRequest(official, AgendaId.of("driving-licence"), slot.start(),
        new Citizen("Marie Svobodová", email, "+420 601 222 333"), "Výměna řidičského průkazu", Channel.WEB, Language.CS))
        .reservation();
    // A second citizen of that day asks to be called instead of choosing a time (issue 13).
    FreeSlot later = servers.diary().findingFreeSlots().ofOfficial(official, AgendaId.of("driving-licence"), day, day.plusDays(6))
        .stream().filter(s -> s.start().isAfter(slot.start())
            && s.start().truncatedTo(ChronoUnit.DAYS).equals(slot.start().truncatedTo(ChronoUnit.DAYS)))
        .findFirst().orElseThrow();
    var caller = servers.diary().booking().book(new BookingRequest(official, AgendaId.of("driving-licence"), later.start(),
        new Citizen("Karel Volaný", "karel.volany@example.cz", "+420 602 444 555"), "Prodloužení", Channel.WEB,
        Language.CS));
    servers.diary().recordingAbsence().record(ADMIN, new AbsenceRequest(official, slot.start().truncatedTo(ChronoUnit.DAYS),
        slot.start().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS), AbsenceKind.ILLNESS, "Nemoc"));
    assertThat(servers.storage().reservations().find(booked.id()).orElseThrow().status()).isEqualTo(Status.DISPLACED);
    servers.awaitMail(email, "Změna v programu úředníka", Set.of());
    servers.diary().managingOwnReservation().pleaseCall(caller.token());

    logIn(TownHallServers.OPERATOR);
    browser.find(browser.driver(), "h1", "Pracovní seznam");
    WebElement item = browser.find(browser.driver(), "article.cd-worklist-item", "Marie Svobodová");
    assertThat(item.getText()).contains("+420 601 222 333", email, "Martin Procházka", "Výměna řidičského průkazu");
    WebElement callTask = browser.find(browser.driver(), "article.cd-worklist-item", "Karel Volaný");
    assertThat(callTask.findElement(By.cssSelector(".cd-callback")).getText())
        .startsWith("Občan požádal o zavolání").contains("zavolejte mu");
    assertThat(item.findElements(By.cssSelector(".cd-callback"))).as("only the citizen who asked").isEmpty();
    browser.screenshot("console-1280-worklist");
    browser.assertAccessible("console worklist");

    // Issue 13: an operator's contact attempt, kept apart from the citizen's note and shown as text.
    item.findElement(By.cssSelector("textarea[name=workNote]")).sendKeys("Voláno, <b>nezvedá</b> to.");
    browser.find(item, "button", "Zaznamenat pokus o kontakt").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "Záznam u rezervace");
    item = browser.find(browser.driver(), "article.cd-worklist-item", "Marie Svobodová");
    assertThat(item.findElement(By.cssSelector(".cd-work-notes")).getText())
        .contains("Interní poznámky a pokusy o kontakt", "Pokus o kontakt", TownHallServers.OPERATOR,
            "Voláno, <b>nezvedá</b> to.");
    assertThat(item.findElements(By.cssSelector(".cd-work-notes b"))).isEmpty();
    assertThat(servers.storage().reservations().workNotes(booked.id())).singleElement()
        .satisfies(n -> assertThat(n.kind()).isEqualTo(WorkNote.Kind.CONTACT_ATTEMPT));
    browser.assertAccessible("console worklist with a work note");

    List<WebElement> proposals = item.findElements(By.cssSelector(".cd-proposals button"));
    assertThat(proposals).isNotEmpty();
    item.findElement(By.cssSelector("textarea[name=note]")).sendKeys("Omlouváme se, pan Procházka je nemocný.");
    Set<String> before = servers.mailSoFar();
    proposals.get(0).click();

    WebElement done = browser.find(browser.driver(), ".cd-status .cd-success", "je přesunuta");
    assertThat(browser.focused()).isEqualTo(done);
    Reservation moved = servers.storage().reservations().find(booked.id()).orElseThrow();
    assertThat(moved.status()).isEqualTo(Status.ACTIVE);
    assertThat(moved.note()).contains("nemocný");
    assertThat(browser.driver().findElements(By.cssSelector("article.cd-worklist-item")).stream()
        .map(WebElement::getText)).noneMatch(text -> text.contains("Marie Svobodová"));
    // Moved to another official at the same time, the subject says so instead of a new time.
    var message = servers.awaitMail(email, moved.start().equals(booked.start()) ? "povede jiný úředník"
        : "Schůzka přesunuta", before);
    assertThat(moved.note()).doesNotContain("nezvedá");
    assertThat(message.text()).contains("nemocný");
    browser.screenshot("console-1280-worklist-moved");
  }

  @Test
  void operatorBooksForACallerByPhone() {
    logIn(TownHallServers.OPERATOR);
    browser.open(servers.consoleUrl() + "#book");
    browser.find(browser.driver(), "h1", "Objednat volajícího");
    new Select(browser.find(browser.driver(), "select[name=department]")).selectByValue("environment");
    new Select(browser.find(browser.driver(), "select[name=agenda]")).selectByValue("waste");
    browser.find(browser.driver(), "textarea[name=topic]").sendKeys("Poplatek za odpad");
    browser.find(browser.driver(), "button.cd-day").click();
    browser.find(browser.driver(), "button.cd-slot").click();
    browser.find(browser.driver(), ".cd-chosen", "Vybraný čas");
    assertThat(browser.focused().getAttribute("name")).isEqualTo("name");
    browser.keys("Josef Starý");
    // Issue 13: without a phone or an e-mail the booking is refused, and the console says why.
    browser.find(browser.driver(), "button[type=submit]", "Objednat").click();
    browser.find(browser.driver(), ".cd-alert", "Vyplňte telefon nebo e-mail volajícího");
    assertThat(servers.storage().reservations().search(new org.civicdiary.booking.model.ReservationSearch(
        "Josef Starý", null, null, null, null, null, 10))).isEmpty();
    WebElement noContact = browser.find(browser.driver(), "input[name=withoutContact]");
    assertThat(browser.driver().findElement(By.id(noContact.getAttribute("aria-describedby"))).getText())
        .contains("nikdo ho nebude moci zastihnout");
    browser.find(browser.driver(), "input[name=phone]").sendKeys("+420 602 111 222");
    browser.screenshot("console-1280-book");
    browser.assertAccessible("console booking for a caller");
    browser.find(browser.driver(), "button[type=submit]", "Objednat").click();

    browser.find(browser.driver(), ".cd-status .cd-success", "Objednáno");
    List<Reservation> found = servers.storage().reservations().search(new org.civicdiary.booking.model.ReservationSearch(
        "Josef Starý", null, null, null, null, null, 10));
    assertThat(found).singleElement().satisfies(r -> {
      assertThat(r.channel()).isEqualTo(Channel.PHONE);
      assertThat(r.citizen().phone()).isEqualTo("+420 602 111 222");
      assertThat(r.citizen().email()).isNull();
      assertThat(r.topic()).isEqualTo("Poplatek za odpad");
    });
  }

  @Test
  void everyConsolePageIsAccessibleAndTheDayPlanPrints() {
    console.signOut();
    browser.screenshot("console-1280-login");
    browser.assertAccessible("console login");

    logIn(TownHallServers.ADMIN);
    Map<String, String> pages = Map.of(
        "search", "Hledat rezervace",
        "day-plan", "Denní plán",
        "absences", "Nepřítomnosti",
        "departments", "Odbory",
        "officials", "Úředníci",
        "agendas", "Agendy",
        "diaries", "Diáře");
    for (Map.Entry<String, String> page : new java.util.TreeMap<>(pages).entrySet()) {
      console.open(page.getKey(), page.getValue());
      browser.screenshot("console-1280-" + page.getKey());
      browser.assertAccessible("console " + page.getKey());
    }

    LocalDate tomorrow = servers.today().plusDays(1);
    OfficialId jana = OfficialId.of("jana-novakova");
    List<FreeSlot> free = servers.diary().findingFreeSlots().ofOfficial(jana, AgendaId.of("id-card"), tomorrow, tomorrow.plusDays(7));
    LocalDate planned = LocalDate.ofInstant(free.get(0).start(), WidgetSteps.PRAGUE);
    String code = servers.diary().booking().book(new BookingRequest(jana, AgendaId.of("id-card"), free.get(0).start(),
        new Citizen("Alois Jirásek", "alois.jirasek@example.cz", "+420 603 444 555"), "Nový občanský průkaz", Channel.WEB, Language.CS))
        .reservation().code().value();
    browser.open(servers.consoleUrl() + "#day-plan?official=jana-novakova&date=" + planned);
    browser.find(browser.driver(), ".cd-plan-title", "Mgr. Jana Nováková");
    assertThat(browser.find(browser.driver(), ".cd-plan table").getText()).contains("Alois Jirásek", "+420 603 444 555", "Nový občanský průkaz");
    ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertThat(browser.driver().findElement(By.cssSelector(".cd-page-header")).isDisplayed()).as("no menu on paper").isFalse();
      assertThat(browser.driver().findElement(By.cssSelector(".cd-plan-title")).isDisplayed()).isTrue();
      browser.screenshot("console-print-day-plan");
    } finally {
      ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    browser.open(servers.consoleUrl() + "#search");
    WebElement text = browser.find(browser.driver(), "input[name=text]");
    text.sendKeys("Alois", Keys.ENTER);
    browser.find(browser.driver(), ".cd-results", "Nalezeno: 1");
    assertThat(browser.find(browser.driver(), ".cd-results table").getText()).contains("Alois Jirásek", "Mgr. Jana Nováková");
    // staff find a reservation by the code the caller reads out, however they type it
    text = browser.find(browser.driver(), "input[name=text]");
    text.clear();
    text.sendKeys(code.substring(0, 3).toLowerCase(java.util.Locale.ROOT) + "-" + code.substring(3).toLowerCase(java.util.Locale.ROOT), Keys.ENTER);
    browser.find(browser.driver(), ".cd-results table", code);
    assertThat(browser.find(browser.driver(), ".cd-results", "Nalezeno: 1").getText()).contains("Alois Jirásek");

    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h1", "Search bookings");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.focused().getAttribute("id")).isEqualTo("switch-language");
    browser.screenshot("console-1280-search-english");
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h1", "Hledat rezervace");
  }

  private void logIn(String username) {
    console.logIn(username, TownHallServers.PASSWORD);
  }
}
