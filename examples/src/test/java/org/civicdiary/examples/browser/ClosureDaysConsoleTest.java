/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.BookingRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrators' closure-day page in headless Chromium, in Czech and in English: closing the
 * civil department on a day with a booked meeting displaces it onto the worklist and lists the day;
 * reopening it removes the day from the list. axe-core checks the page in both languages.
 */
class ClosureDaysConsoleTest extends StaffConsole {
  private static final DepartmentId CIVIL = DepartmentId.of("civil-affairs");

  @Test
  void anAdministratorClosesADepartmentForADayAndReopensItInCzechAndEnglish() {
    LocalDate day = servers.today().plusDays(2);
    List<FreeSlot> free = servers.diary().findingFreeSlots().ofDepartment(CIVIL, AgendaId.of("id-card"), day,
        day.plusDays(7));
    FreeSlot slot = free.get(0);
    LocalDate closed = LocalDate.ofInstant(slot.start(), WidgetSteps.PRAGUE);
    Reservation booked = servers.diary().booking().book(new BookingRequest(slot.official(), AgendaId.of("id-card"),
        slot.start(), new Citizen("Volička Zavřená", "volicka@example.cz", null), "Občanský průkaz", Channel.WEB,
        Language.CS)).reservation();

    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    assertThat(console.menu()).contains("Zavřeno");
    browser.open(servers.consoleUrl() + "#closure-days");
    browser.find(browser.driver(), "h1", "Zavřeno");
    browser.find(browser.driver(), "#app p.cd-note", "Žádný den v příštím roce není zavřený.");
    browser.assertAccessible("console closure days, none yet");

    WebElement date = browser.find(browser.driver(), "input[name=date]");
    browser.js("arguments[0].value = arguments[1]", date, closed.toString());
    new Select(browser.find(browser.driver(), "select[name=department]")).selectByValue(CIVIL.value());
    browser.find(browser.driver(), "input[name=reason]").sendKeys("Volby");
    browser.find(browser.driver(), "#app button[type=submit]", "Zavřít v tento den").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "je zavřeno. Přesunuté schůzky: 1.");
    assertThat(servers.storage().reservations().find(booked.id()).orElseThrow().status()).isEqualTo(Status.DISPLACED);
    WebElement row = browser.find(browser.driver(), "tr[data-closure-day]");
    assertThat(row.getText()).contains("Volby", "Odbor občanskosprávní");
    browser.assertAccessible("console closure days with a closed day");

    // The official's day plan says why nobody can book the day.
    String plan = servers.consoleUrl() + "#day-plan?official=" + slot.official().value() + "&date=" + closed;
    browser.open(plan);
    browser.find(browser.driver(), "#app p.cd-note[data-closure]",
        "Tento den je zavřeno: Odbor občanskosprávní. Nikdo se nemůže objednat. Důvod: Volby");
    browser.assertAccessible("console day plan on a closed day");
    String weekLater = closed.plusDays(7).toString();
    browser.open(plan.replace(closed.toString(), weekLater));
    // The page is drawn anew for that date, and its plan once answered.
    browser.until(d -> weekLater.equals(browser.find(d, "input[name=date]").getAttribute("value"))
        && !d.findElements(org.openqa.selenium.By.cssSelector("h2.cd-plan-title")).isEmpty() ? true : null);
    assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("[data-closure]")))
        .as("an open day says nothing").isEmpty();
    browser.open(servers.consoleUrl() + "#closure-days");

    browser.find(browser.driver(), "#switch-language").click();
    try {
      browser.find(browser.driver(), "h1", "Closure days");
      browser.open(plan);
      browser.find(browser.driver(), "#app p.cd-note[data-closure]", "Closed this day: Civil Affairs. Nobody can book. Reason: Volby");
      browser.open(servers.consoleUrl() + "#closure-days");
      browser.find(browser.driver(), "h1", "Closure days");
      assertThat(browser.find(browser.driver(), "tr[data-closure-day]").getText()).contains("Volby", "Civil Affairs");
      browser.find(browser.driver(), "#app button[type=submit]", "Close on this day");
      browser.assertAccessible("console closure days in English");
      browser.find(browser.driver(), "tr[data-closure-day] button", "Reopen").click();
      browser.find(browser.driver(), ".cd-status .cd-success", "is open again.");
      browser.find(browser.driver(), "#app p.cd-note", "No day in the coming year is closed.");
    } finally {
      browser.find(browser.driver(), "#switch-language").click();
      browser.find(browser.driver(), "h1", "Zavřeno");
    }
    assertThat(servers.storage().diaries().closureDays(org.civicdiary.booking.model.OfficeId.of("praha-6"), closed,
        closed)).isEmpty();
  }

  @Test
  void theDiaryPageLimitsTheSaturdayServiceToItsAgendasAndOpensItOnANamedHoliday() {
    org.civicdiary.booking.model.OfficialId svoboda = org.civicdiary.booking.model.OfficialId.of("petr-svoboda");
    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    browser.open(servers.consoleUrl() + "#diaries?official=" + svoboda.value());
    browser.find(browser.driver(), "h1", "Diáře");
    int saturday = servers.storage().diaries().windows(svoboda).stream().map(w -> w.day())
        .toList().indexOf(java.time.DayOfWeek.SATURDAY);
    WebElement idCard = browser.find(browser.driver(), "input[name=agenda-id-card-" + saturday + "]");
    assertThat(idCard.isSelected()).isTrue();
    assertThat(browser.find(browser.driver(), "input[name=agenda-passport-" + saturday + "]").isSelected()).isTrue();
    assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("input[name^=agenda-][name$='-0']")))
        .as("a weekday window serves every agenda").noneMatch(WebElement::isSelected);
    browser.assertAccessible("console diary with a Saturday window for two agendas");

    browser.find(browser.driver(), "input[name=holidayOpenings" + saturday + "]").sendKeys("2027-05-08");
    browser.find(browser.driver(), "button[type=submit]", "Uložit diář").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "");
    browser.until(d -> servers.storage().diaries().windows(svoboda).get(saturday).holidayOpenings().isEmpty() ? null : true);
    assertThat(servers.storage().diaries().windows(svoboda).get(saturday).holidayOpenings())
        .containsExactly(LocalDate.of(2027, 5, 8));
    assertThat(servers.storage().diaries().windows(svoboda).get(saturday).agendas())
        .containsExactlyInAnyOrder(AgendaId.of("id-card"), AgendaId.of("passport"));
  }
}
