/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A booking horizon of 365 days, on the servers' fixed clock (12 January 2027): the widget books in
 * the horizon's last month (January 2028) in Czech, the manage page moves an English booking into
 * it, and the operator's picker in the console shows it; the calendars say the next free date, and
 * the widget's language switch changes its language but not the page's, and the place's
 * description follows it. Axe at each page.
 */
class HorizonBrowserTest extends StaffConsole {
  private static final StaffMember ADMIN = new StaffMember(TownHallServers.ADMIN, Role.ADMIN, null);
  private static final int HORIZON = 365;

  @BeforeAll
  static void yearsHorizon() {
    Office office = servers.diary().readingDirectory().offices().get(0);
    BookingPolicy p = office.policy();
    servers.diary().administering().saveOffice(ADMIN, new Office(office.id(), office.name(), office.zone(),
        office.slotLength(), office.place(), office.phones(), new BookingPolicy(HORIZON, p.minimumNotice(),
            p.maxOpenPerEmail(), p.topicMaxLength(), p.retentionDays(), p.reminderLead(), p.feedShowsCitizenNames(),
            p.phoneShareRelease())));
  }

  private static YearMonth lastMonth() {
    return YearMonth.from(servers.today().plusDays(HORIZON));
  }

  /** Pages the calendar forward to its last month (the next-month button disabled there). */
  private static void toLastMonth(SearchContext root) {
    for (int i = 0; i < 14; i++) {
      WebElement next = browser.find(root, "button.cd-month-nav[data-nav=next]");
      if (!next.isEnabled()) {
        return;
      }
      String shown = browser.find(root, ".cd-month-title").getText();
      next.click();
      browser.until(d -> root.findElement(By.cssSelector(".cd-month-title")).getText().equals(shown) ? null : true);
    }
    throw new AssertionError("the calendar does not end");
  }

  /** The last day with free time shown (in the last month, once there). */
  private static WebElement lastDay(SearchContext root) {
    List<WebElement> days = root.findElements(By.cssSelector("button.cd-day"));
    assertThat(days).isNotEmpty();
    WebElement last = days.get(days.size() - 1);
    assertThat(YearMonth.from(LocalDate.parse(last.getAttribute("data-date")))).isEqualTo(lastMonth());
    return last;
  }

  @Test
  void theWidgetBooksInTheLastMonthInCzech() {
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    widget.clickToCalendar("civil-affairs", "*", "id-card", "Nový občanský průkaz");
    browser.find(widget.root(), ".cd-next-free", "Nejbližší volný termín:");
    toLastMonth(widget.root());
    browser.screenshot("horizon-cs-1-widget-last-month");
    browser.assertAccessible("the widget's calendar in the horizon's last month");
    String date = lastDay(widget.root()).getAttribute("data-date");
    widget.clickDay(date);
    browser.find(widget.root(), "button.cd-slot").click();
    String email = "horizon." + UUID.randomUUID().toString().substring(0, 8) + "@example.cz";
    widget.fillContact("Petra Malá", email);
    widget.confirm();
    browser.find(widget.root(), ".cd-success", "Jste objednáni");

    Reservation booked = servers.storage().reservations().openOfEmail(email).get(0);
    assertThat(LocalDate.ofInstant(booked.start(), WidgetSteps.PRAGUE)).hasToString(date);
  }

  @Test
  void theManagePageMovesABookingIntoTheLastMonthInEnglish() {
    String email = "horizon." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    LocalDate today = servers.today();
    JsonNode days = servers.call(null, "GET", "/api/v1/departments/civil-affairs/days?agenda=id-card&from=" + today
        + "&to=" + today.plusDays(HORIZON), null).json();
    assertThat(days.path("days")).isNotEmpty();
    String first = days.path("days").get(0).path("date").asText();
    JsonNode slot = servers.call(null, "GET", "/api/v1/departments/civil-affairs/slots?agenda=id-card&from=" + first,
        null).json().path("slots").get(0);
    TownHallServers.Answer booked = servers.call(null, "POST", "/api/v1/reservations", Map.of(
        "official", slot.path("official").asText(), "agenda", "id-card", "start", slot.path("start").asText(),
        "name", "John Smith", "email", email, "topic", "A new ID card", "language", "en"),
        Map.of("Altcha", servers.solvedChallenge()));
    assertThat(booked.status()).as(String.valueOf(booked.json())).isEqualTo(201);

    browser.open(URI.create(servers.apiBase() + "/").resolve(booked.json().path("manage").path("link").asText()).toString());
    browser.find(browser.driver(), "#reservation-status");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    browser.find(browser.driver(), "#choose-other").click();
    browser.find(browser.driver(), "button.cd-day");
    browser.find(browser.driver(), ".cd-next-free", "Next free date:");
    toLastMonth(browser.driver());
    String date = lastDay(browser.driver()).getAttribute("data-date");
    lastDay(browser.driver()).click();
    browser.find(browser.driver(), "button.cd-slot").click();
    browser.find(browser.driver(), "#panel-title");
    browser.screenshot("horizon-en-2-manage-last-month");
    browser.assertAccessible("the manage page's move into the horizon's last month");
    browser.find(browser.driver(), "#confirm").click();
    browser.find(browser.driver(), ".cd-status .cd-success");

    Reservation moved = servers.storage().reservations().openOfEmail(email).get(0);
    assertThat(moved.status()).isEqualTo(Status.ACTIVE);
    assertThat(LocalDate.ofInstant(moved.start(), WidgetSteps.PRAGUE)).hasToString(date);
  }

  @Test
  void theOperatorsPickerShowsTheLastMonth() {
    console.logIn(TownHallServers.OPERATOR, TownHallServers.PASSWORD);
    browser.open(servers.consoleUrl() + "#book");
    browser.find(browser.driver(), "h1", "Objednat volajícího");
    new Select(browser.find(browser.driver(), "select[name=department]")).selectByValue("civil-affairs");
    new Select(browser.find(browser.driver(), "select[name=agenda]")).selectByValue("id-card");
    browser.find(browser.driver(), "button.cd-day");
    browser.find(browser.driver(), ".cd-next-free", "Nejbližší volný termín:");
    toLastMonth(browser.driver());
    lastDay(browser.driver()).click();
    browser.find(browser.driver(), "button.cd-slot");
    browser.screenshot("horizon-cs-3-console-last-month");
    browser.assertAccessible("the console's picker in the horizon's last month");
  }

  @Test
  void theCalendarOpensOnTheNextFreeDateAndSaysIt() {
    // every official of the department away until the first of the month after next
    LocalDate today = servers.today();
    LocalDate back = today.withDayOfMonth(1).plusMonths(2);
    Instant start = today.atStartOfDay(WidgetSteps.PRAGUE).toInstant();
    for (Official official : servers.diary().readingDirectory().officials(DepartmentId.of("trade-licensing"))) {
      servers.diary().recordingAbsence().record(ADMIN, new AbsenceRequest(official.id(), start,
          back.atStartOfDay(WidgetSteps.PRAGUE).toInstant(), AbsenceKind.BLOCK, "Školení"));
    }
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    widget.clickToCalendar("trade-licensing", "*", "trade-change", "Změna sídla");
    WebElement first = browser.find(widget.root(), "button.cd-day");
    LocalDate firstFree = LocalDate.parse(first.getAttribute("data-date"));
    assertThat(firstFree).isAfterOrEqualTo(back);
    assertThat(YearMonth.from(firstFree)).as("opens on the first month with free days").isEqualTo(YearMonth.from(back));
    String line = browser.find(widget.root(), ".cd-next-free", "Nejbližší volný termín:").getText();
    assertThat(line).contains(String.valueOf(firstFree.getDayOfMonth())).contains(String.valueOf(firstFree.getYear()));
    assertThat(browser.find(widget.root(), "button.cd-month-nav[data-nav=previous]").isEnabled()).isFalse();
    browser.assertAccessible("the widget's calendar opened on the next free date");
  }

  @Test
  void thePlaceIsDescribedInTheWidgetsLanguage() {
    Department civil = servers.diary().readingDirectory().departments().stream()
        .filter(d -> d.id().value().equals("civil-affairs")).findFirst().orElseThrow();
    Place place = civil.place();
    servers.diary().administering().saveDepartment(ADMIN, new Department(civil.id(), civil.office(), civil.name(),
        new Place(place.name(), place.address(), LocalizedText.of("Vchod z nádvoří", "Entrance from the courtyard"))));
    try {
      servers.awaitPublic("/api/v1/departments", "nádvoří");
      browser.open(servers.portalUrl());
      WidgetSteps widget = new WidgetSteps(browser);
      widget.clickRadio("civil-affairs");
      widget.clickContinue("Úředník");
      browser.find(widget.root(), ".cd-help", "(Vchod z nádvoří)");
      browser.find(widget.root(), ".cd-language[data-lang=en]").click();
      browser.find(widget.root(), ".cd-help", "(Entrance from the courtyard)");
      assertThat(browser.find(widget.root(), ".cd-help").getText()).doesNotContain("nádvoří");
      browser.assertAccessible("the widget's help with the place described in English");
    } finally {
      servers.diary().administering().saveDepartment(ADMIN, civil);
    }
  }

  @Test
  void theLanguageSwitchChangesTheWidgetButNotThePage() {
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    browser.find(widget.root(), ".cd-title", "Objednání na úřad");
    WebElement english = browser.find(widget.root(), ".cd-language[data-lang=en]", "English");
    assertThat(english.getAttribute("lang")).isEqualTo("en");
    assertThat(english.getAttribute("aria-pressed")).isEqualTo("false");
    assertThat(browser.find(widget.root(), ".cd-language[data-lang=cs]").getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(browser.find(widget.root(), ".cd-languages").getAttribute("role")).isEqualTo("group");
    english.click();

    browser.find(widget.root(), ".cd-title", "Book an appointment");
    browser.find(widget.root(), ".cd-step-title", "Department");
    assertThat(browser.find(widget.root(), ".cd-language[data-lang=en]").getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(browser.focused().getAttribute("data-lang")).as("focus stays on the switch").isEqualTo("en");
    assertThat(browser.js("return document.querySelector('civic-diary-booking').getAttribute('lang')"))
        .as("the lang attribute stays the default").isIn("cs", null);
    assertThat(browser.js("return document.documentElement.lang")).isEqualTo("cs");
    widget.clickRadio("civil-affairs");
    browser.find(widget.root(), "button[type=submit]").click();
    widget.expectStep("Official");
    browser.screenshot("horizon-en-4-language-switched");
    browser.assertAccessible("the widget switched to English");

    browser.find(widget.root(), ".cd-language[data-lang=cs]").click();
    widget.expectStep("Úředník");
  }
}
