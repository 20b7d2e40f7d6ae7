/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.Passwords;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * From the reception to the official's day plan: an administrator makes the reception's account in
 * the console, the receptionist checks a citizen in by the code
 * from their e-mail, the official sees them waiting, calls them in (the hall screen shows the code
 * and the room, never the name) and ends the meeting, in Czech and in English, with axe on the
 * reception page, the day plan and the hall screen.
 */
class ReceptionConsoleTest extends StaffConsole {
  private static final String RECEPTION = "rita.recepce";
  private static final String OFFICIAL = "jana.prijem";
  private static final String PASSPHRASE = "Rita's long passphrase";
  private static final OfficialId JANA = OfficialId.of("jana-novakova");

  @Test
  void theReceptionChecksInByCodeAndTheOfficialCallsInAndEndsTheMeeting() {
    servers.storage().transactions().run(() -> servers.storage().staffAccounts().save(
        new StaffAccount(OFFICIAL, Passwords.hash(TownHallServers.PASSWORD), Role.OFFICIAL, JANA, true)));
    console.logIn(TownHallServers.ADMIN, TownHallServers.PASSWORD);
    browser.open(servers.consoleUrl() + "#accounts");
    browser.find(browser.driver(), "h1", "Účty pracovníků");
    browser.find(browser.driver(), "#app button", "Nový účet").click();
    browser.find(browser.driver(), "input[name=username]").sendKeys(RECEPTION);
    new Select(browser.find(browser.driver(), "select[name=role]")).selectByValue("RECEPTION");
    assertThat(browser.driver().findElement(By.cssSelector("select[name=official]")).isDisplayed()).as("only for officials").isFalse();
    browser.find(browser.driver(), "input[name=password]").sendKeys(PASSPHRASE);
    browser.find(browser.driver(), "input[name=passwordAgain]").sendKeys(PASSPHRASE, Keys.ENTER);
    browser.find(browser.driver(), ".cd-status .cd-success", "Účet " + RECEPTION + " je uložen.");
    assertThat(servers.storage().staffAccounts().find(RECEPTION).orElseThrow().role()).isEqualTo(Role.RECEPTION);
    LocalDate tomorrow = servers.today().plusDays(1);
    List<FreeSlot> free = servers.diary().findingFreeSlots().ofOfficial(JANA, AgendaId.of("id-card"), tomorrow,
        tomorrow.plusDays(7));
    Reservation booked = servers.diary().booking().book(new BookingRequest(JANA, AgendaId.of("id-card"),
        free.get(0).start(), new Citizen("Božena Němcová", "bozena.nemcova@example.cz", null), "Občanský průkaz",
        Channel.WEB, Language.CS)).reservation();
    // the day of the meeting, a quarter of an hour before it
    servers.clock().set(booked.start().minus(Duration.ofMinutes(15)));
    browser.sameTimeAs(servers.clock());
    LocalDate day = servers.today();
    String code = booked.code().value();

    console.logIn(RECEPTION, PASSPHRASE);
    browser.find(browser.driver(), "h1", "Recepce");
    WebElement row = browser.find(browser.driver(), "tr", code);
    assertThat(row.getText()).contains("Božena Němcová", "ještě nepřišel").doesNotContain("bozena.nemcova@example.cz");
    browser.assertAccessible("console reception, Czech");
    browser.find(browser.driver(), "input[name=code]").sendKeys(code.substring(0, 3).toLowerCase() + " " + code.substring(3));
    browser.find(browser.driver(), "form[data-form=check-in] button[type=submit]").click();
    browser.find(browser.driver(), ".cd-success", "Příchod zapsán: Božena Němcová (" + code + ")");
    browser.find(browser.driver(), "tr", "čeká od");
    assertThat(servers.storage().checkIns().find(booked.id())).isPresent();
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h1", "Reception");
    browser.find(browser.driver(), "tr", "waiting since");
    browser.assertAccessible("console reception, English");
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "h1", "Recepce");
    assertThat(browser.driver().findElements(By.cssSelector("a[href='#reception']"))).as("the reception's menu").isNotEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("a[href='#day-plan'], a[href='#search']")))
        .as("nothing else of the office in the reception's menu").isEmpty();

    console.logIn(OFFICIAL, TownHallServers.PASSWORD);
    browser.open(servers.consoleUrl() + "#day-plan?official=" + JANA.value() + "&date=" + day);
    WebElement planned = browser.find(browser.driver(), "tr[data-reservation]", code);
    assertThat(planned.getText()).contains("čeká od");
    browser.assertAccessible("console day plan with a citizen waiting");
    browser.find(browser.driver(), "button", "Zahájit schůzku").click();
    browser.find(browser.driver(), ".cd-success", "Schůzka zahájena: Božena Němcová");

    String screen = servers.apiBase() + "/now-serving/" + servers.storage().directory().offices().get(0).id().value();
    browser.open(screen);
    browser.find(browser.driver(), "h1", "Na řadě jsou");
    WebElement called = browser.find(browser.driver(), "#called tr[data-code]", code);
    assertThat(called.getText()).contains("B 012");
    assertThat(browser.driver().getPageSource()).doesNotContain("Němcová").doesNotContain("Občanský průkaz");
    browser.assertAccessible("now serving, Czech");
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "caption", "Please come in");
    browser.assertAccessible("now serving, English");

    browser.open(servers.consoleUrl() + "#day-plan?official=" + JANA.value() + "&date=" + day);
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "tr[data-reservation]", "with the official since");
    browser.assertAccessible("console day plan in a meeting, English");
    browser.find(browser.driver(), "button", "End the meeting").click();
    browser.find(browser.driver(), ".cd-success", "Meeting ended: Božena Němcová");
    browser.find(browser.driver(), "tr[data-reservation]", "done at");
    browser.find(browser.driver(), "#switch-language").click();
    browser.find(browser.driver(), "tr[data-reservation]", "vyřízeno v");
    assertThat(servers.storage().reservations().find(booked.id())).map(Reservation::status).contains(Status.COMPLETED);
  }
}
