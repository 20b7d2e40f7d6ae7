/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.Passwords;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An official switches on their calendar for Outlook/Google on their day plan, copies the address
 * shown once, a calendar program reads it, and the official switches it off again; the day plan
 * shows each meeting's booking code.
 */
class OfficialCalendarFeedTest extends StaffConsole {
  private static final String OFFICIAL = "jana.novakova";
  private static final OfficialId JANA = OfficialId.of("jana-novakova");

  @Test
  void theOfficialSwitchesTheirCalendarOnAProgramReadsItAndTheOfficialSwitchesItOff() throws Exception {
    servers.storage().transactions().run(() -> servers.storage().staffAccounts().save(
        new StaffAccount(OFFICIAL, Passwords.hash(TownHallServers.PASSWORD), Role.OFFICIAL, JANA, true)));
    LocalDate tomorrow = servers.today().plusDays(1);
    List<FreeSlot> free = servers.diary().findingFreeSlots().ofOfficial(JANA, AgendaId.of("id-card"), tomorrow, tomorrow.plusDays(7));
    Reservation booked = servers.diary().booking().book(new BookingRequest(JANA, AgendaId.of("id-card"), free.get(0).start(),
        new Citizen("Božena Němcová", "bozena.nemcova@example.cz", null), "Nový občanský průkaz", Channel.WEB, Language.CS))
        .reservation();
    LocalDate day = LocalDate.ofInstant(free.get(0).start(), WidgetSteps.PRAGUE);

    console.logIn(OFFICIAL, TownHallServers.PASSWORD);
    browser.open(servers.consoleUrl() + "#day-plan?official=jana-novakova&date=" + day);
    assertThat(browser.find(browser.driver(), ".cd-plan table", "Božena Němcová").getText()).contains(booked.code().value());
    browser.find(browser.driver(), "h3", "Kalendář pro Outlook/Google");
    browser.find(browser.driver(), ".cd-card", "Kalendář zatím není zapnutý.");
    browser.find(browser.driver(), "button", "Zapnout kalendář").click();
    WebElement address = browser.find(browser.driver(), "input[name=feedUrl]");
    String url = address.getAttribute("value");
    assertThat(url).startsWith(servers.apiBase() + "/feeds/officials/").endsWith(".ics");
    browser.screenshot("console-1280-calendar-feed");
    browser.assertAccessible("console day plan with the calendar feed");

    HttpResponse<String> read = get(url);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/calendar"));
    assertThat(read.body()).contains("BEGIN:VCALENDAR", "UID:reservation-" + booked.id(), "SUMMARY:Občanský průkaz")
        .doesNotContain("Božena Němcová");

    browser.find(browser.driver(), "button", "Zrušit kalendář").click();
    browser.find(browser.driver(), ".cd-card", "Kalendář zatím není zapnutý.");
    assertThat(browser.driver().findElements(By.cssSelector("input[name=feedUrl]"))).isEmpty();
    assertThat(get(url).statusCode()).as("a switched-off address no longer works").isEqualTo(404);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
