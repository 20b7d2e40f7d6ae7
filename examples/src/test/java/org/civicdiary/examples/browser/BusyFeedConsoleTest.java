/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.Passwords;
import org.civicdiary.booking.usecase.PolledFeed;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An official connects their own calendar on their day plan (a refused address is marked at the
 * field), its failure shows there in Czech and English, and an operator keeps a meeting that a new
 * event in that calendar came to cover, from the worklist. Polls are applied through the core
 * (the poller is tested against a local HTTP server in booking-notify).
 */
class BusyFeedConsoleTest extends StaffConsole {
  private static final String OFFICIAL = "petr.busy";
  private static final OfficialId JANA = OfficialId.of("jana-novakova");
  private static final String URL = "https://calendar.example/jana.ics";

  @Test
  void theOfficialConnectsTheirCalendarSeesItFailAndAnOperatorKeepsAClashingMeeting() {
    servers.storage().transactions().run(() -> servers.storage().staffAccounts().save(
        new StaffAccount(OFFICIAL, Passwords.hash(TownHallServers.PASSWORD), Role.OFFICIAL, JANA, true)));
    LocalDate tomorrow = servers.today().plusDays(1);
    List<FreeSlot> free = servers.diary().findingFreeSlots().ofOfficial(JANA, AgendaId.of("id-card"), tomorrow,
        tomorrow.plusDays(7));
    Reservation booked = servers.diary().booking().book(new BookingRequest(JANA, AgendaId.of("id-card"),
        free.get(0).start(), new Citizen("Karel Havlíček", "karel.havlicek@example.cz", null), "Občanský průkaz",
        Channel.WEB, Language.CS)).reservation();
    LocalDate day = LocalDate.ofInstant(free.get(0).start(), WidgetSteps.PRAGUE);

    console.logIn(OFFICIAL, TownHallServers.PASSWORD);
    browser.open(servers.consoleUrl() + "#day-plan?official=jana-novakova&date=" + day);
    browser.find(browser.driver(), "h3", "Obsazený čas z vlastního kalendáře");
    browser.find(browser.driver(), ".cd-card", "Žádný kalendář není připojený.");
    WebElement address = browser.find(browser.driver(), "input[name=busyUrl]");
    address.sendKeys("http://calendar.example/jana.ics");
    browser.find(browser.driver(), "button", "Uložit adresu kalendáře").click();
    browser.until(d -> "true".equals(d.findElement(By.cssSelector("input[name=busyUrl]")).getAttribute("aria-invalid"))
        ? true : null);
    assertThat(servers.storage().busyFeeds().ofOfficial(JANA)).as("a plain-http address is refused").isEmpty();

    address = browser.find(browser.driver(), "input[name=busyUrl]");
    address.clear();
    address.sendKeys(URL);
    browser.find(browser.driver(), "button", "Uložit adresu kalendáře").click();
    browser.find(browser.driver(), ".cd-card", "Připojený kalendář: calendar.example.");
    assertThat(browser.driver().getPageSource()).as("the URL is never shown back").doesNotContain("jana.ics");

    // A poll finds a new event over the booked meeting, then the calendar stops answering.
    servers.diary().keepingBusyFeeds().apply(JANA, URI.create(URL), new PolledFeed.Fetched("\"1\"", null,
        List.of(new BusyTime(JANA, booked.start(), booked.end().plus(Duration.ofMinutes(30))))), Duration.ofDays(1));
    servers.diary().keepingBusyFeeds().apply(JANA, URI.create(URL),
        new PolledFeed.Failed(BusyFeed.Failure.UNREACHABLE, "ConnectException"), Duration.ofDays(1));
    browser.find(browser.driver(), "button", "Zobrazit").click();
    browser.find(browser.driver(), ".cd-card", "Kalendář se nepodařilo načíst: server neodpovídá.");
    browser.screenshot("console-1280-busy-feed");
    browser.assertAccessible("console day plan with a failing busy feed");
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), ".cd-card", "The calendar could not be read: its server does not answer.");
    browser.find(browser.driver(), "h3", "Busy time from your own calendar");
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h3", "Obsazený čas z vlastního kalendáře");

    console.logIn(TownHallServers.OPERATOR, TownHallServers.PASSWORD);
    browser.open(servers.consoleUrl() + "#worklist");
    browser.find(browser.driver(), "h2", "Střety s vlastním kalendářem úředníka");
    WebElement clash = browser.find(browser.driver(), "li", booked.code().value());
    browser.assertAccessible("console worklist with a clash");
    clash.findElement(By.xpath(".//button[contains(., 'Schůzka platí, ponechat')]")).click();
    browser.find(browser.driver(), ".cd-success", "zůstává");
    assertThat(servers.diary().keepingBusyFeeds().conflicts(
        new org.civicdiary.booking.model.StaffMember("operator", Role.OPERATOR, null))).isEmpty();
    assertThat(servers.storage().reservations().find(booked.id())).map(Reservation::status).contains(Status.ACTIVE);
  }
}
