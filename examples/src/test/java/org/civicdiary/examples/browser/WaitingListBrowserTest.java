/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListStatus;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.notify.DroppedMail;
import org.civicdiary.testkit.NeedsBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waiting list in the browser, on a fixed clock, in Czech and in English: an official with no
 * free time, the widget's watch form, the confirmation page from the e-mail, and the offer page that
 * takes the freed time.
 */
@NeedsBrowser
class WaitingListBrowserTest {
  private static final StaffMember ADMIN = new StaffMember(TownHallServers.ADMIN, Role.ADMIN, null);
  private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/waiting-list/(entry|offer)/[A-Za-z0-9_-]{43}");
  @TempDir
  static java.nio.file.Path folder;
  static TownHallServers servers;
  static Browser browser;

  @BeforeAll
  static void start() {
    servers = TownHallServers.inMemory(folder);
    browser = Browser.start(servers.clock());
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (servers != null) {
      servers.close();
    }
  }

  /** Makes the official's whole horizon busy with one absence; its id, to remove it later. */
  private static AbsenceId busy(String official) {
    LocalDate today = servers.today();
    return AbsenceId.parse(servers.diary().recordingAbsence().record(ADMIN, new AbsenceRequest(OfficialId.of(official),
        today.atStartOfDay(WidgetSteps.PRAGUE).toInstant(), today.plusDays(70).atStartOfDay(WidgetSteps.PRAGUE).toInstant(),
        AbsenceKind.BLOCK, "Obsazeno")).subject());
  }

  private static String link(DroppedMail.Content mail, String kind) {
    Matcher m = LINK.matcher(mail.text());
    while (m.find()) {
      if (m.group(1).equals(kind)) {
        return m.group();
      }
    }
    throw new AssertionError("no " + kind + " link in:\n" + mail.text());
  }

  /** Through the widget to the day-and-time step of one official, where nothing is free. */
  private static WidgetSteps toNoFreeTime(String lang, String official, String next, String time) {
    return WidgetSteps.toTimeOf(browser, servers.portalUrl(), lang, "trade-licensing", "trade-change", official, next, time,
        "Změna oboru");
  }


  @Test
  void aCitizenWatchesAFullDiaryConfirmsAndTakesTheFreedTimeInCzech() {
    String email = "marta.mala@example.cz";
    AbsenceId absence = busy("pavel-nemec");
    WidgetSteps widget = toNoFreeTime("cs", "pavel-nemec", "Agenda a téma", "Den a čas");
    browser.find(widget.root(), ".cd-note", "není žádný volný čas");
    browser.find(widget.root(), "#cd-watch", "Hlídat volný termín").click();
    browser.find(widget.root(), "input[name=name]").sendKeys("Marta Malá");
    browser.find(widget.root(), "input[name=email]").sendKeys(email);
    browser.screenshot("waiting-list-cs-1-form");
    browser.assertAccessible("the widget's watch form");
    browser.find(widget.root(), "form.cd-watch button[type=submit]").click();
    browser.find(widget.root(), ".cd-watch .cd-success", "Zkontrolujte prosím e-mail");
    WaitingListEntry entry = servers.storage().waitingList().liveOfEmail(email).get(0);
    assertThat(entry.status()).isEqualTo(WaitingListStatus.UNCONFIRMED);
    assertThat(entry.official()).isEqualTo(OfficialId.of("pavel-nemec"));

    browser.open(link(servers.awaitMail(email, "Hlídání volného termínu", Set.of()), "entry"));
    browser.find(browser.driver(), "#wish-title", "Potvrďte prosím");
    browser.assertAccessible("the confirmation page");
    browser.find(browser.driver(), "#confirm").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "hlídáme pro vás volný termín");
    assertThat(servers.storage().waitingList().find(entry.id()).orElseThrow().status()).isEqualTo(WaitingListStatus.ACTIVE);

    Set<String> before = servers.mailSoFar();
    servers.diary().recordingAbsence().remove(ADMIN, absence);
    assertThat(servers.diary().offeringFreedTime().run()).isEqualTo(1);
    browser.open(link(servers.awaitMail(email, "Uvolnil se termín", before), "offer"));
    browser.find(browser.driver(), "#wish-title", "Uvolnil se termín");
    browser.screenshot("waiting-list-cs-2-offer");
    browser.assertAccessible("the offer page");
    browser.find(browser.driver(), "#take").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "schůzka je objednána");
    WaitingListEntry taken = servers.storage().waitingList().find(entry.id()).orElseThrow();
    assertThat(taken.status()).isEqualTo(WaitingListStatus.TAKEN);
    Reservation booked = servers.storage().reservations().search(new org.civicdiary.booking.model.ReservationSearch(
        email, null, null, Status.ACTIVE, null, null, 10)).get(0);
    assertThat(booked.official()).isEqualTo(OfficialId.of("pavel-nemec"));
  }

  @Test
  void theSameInEnglishAndADeclinedOffer() {
    String email = "john.smith@example.cz";
    AbsenceId absence = busy("alena-markova");
    WidgetSteps widget = toNoFreeTime("en", "alena-markova", "Matter and topic", "Day and time");
    browser.find(widget.root(), "#cd-watch", "Watch for a free time").click();
    browser.find(widget.root(), "input[name=name]").sendKeys("John Smith");
    browser.find(widget.root(), "input[name=email]").sendKeys(email);
    browser.find(widget.root(), "form.cd-watch button[type=submit]").click();
    browser.find(widget.root(), ".cd-watch .cd-success", "Please check your e-mail");

    browser.open(link(servers.awaitMail(email, "Watching for a free time", Set.of()), "entry"));
    browser.find(browser.driver(), "#confirm", "Confirm and start watching").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "we are watching");

    Set<String> before = servers.mailSoFar();
    servers.diary().recordingAbsence().remove(ADMIN, absence);
    servers.diary().offeringFreedTime().run();
    browser.open(link(servers.awaitMail(email, "A time is free for you", before), "offer"));
    browser.find(browser.driver(), "#wish-title", "A time you are watching for is free");
    browser.assertAccessible("the offer page in English");
    browser.find(browser.driver(), "#decline").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "next in line");
    WaitingListEntry declined = servers.storage().waitingList().list(
        org.civicdiary.booking.model.DepartmentId.of("trade-licensing"), null, null, true).stream()
        .filter(e -> email.equals(e.citizen().email())).findFirst().orElseThrow();
    assertThat(declined.status()).isEqualTo(WaitingListStatus.DECLINED);
  }
}
