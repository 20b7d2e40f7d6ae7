/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.notify.DroppedMail;
import org.civicdiary.testkit.NeedsBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The citizen's whole way: the widget in a portal page on another origin, the confirmation e-mail,
 * and the manage link from it (reschedule, then cancel), with axe-core at each step and screenshots
 * under target/screenshots/. Subclasses choose the storage.
 */
@NeedsBrowser
abstract class CitizenJourney {
  /**
   * The date matrix, in Prague: the Saturday evenings before the autumn and spring daylight-saving
   * changes, 28 November (a Saturday; the rest of the month had one free day), a month's last day,
   * Christmas Eve and New Year's Eve a minute before midnight, another Saturday. The servers start
   * at the first: the sample town hall's schedules begin a week before that.
   */
  static final List<LocalDateTime> MATRIX = List.of(
      LocalDateTime.parse("2026-10-24T23:59"),
      LocalDateTime.parse("2026-11-28T16:00"),
      LocalDateTime.parse("2026-11-30T10:00"),
      LocalDateTime.parse("2026-12-24T23:59"),
      LocalDateTime.parse("2026-12-31T23:59"),
      LocalDateTime.parse("2027-02-27T11:00"),
      LocalDateTime.parse("2027-03-27T23:59"),
      LocalDateTime.parse("2027-10-30T23:59"));

  @TempDir
  static Path folder;
  static TownHallServers servers;
  static Browser browser;

  static void startWith(TownHallServers started) {
    servers = started;
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

  /** A prefix for screenshot names, per storage. */
  abstract String name();

  @BeforeEach
  void atTheUsualTime() {
    at(TownHallServers.NOW);
  }

  /** Moves the servers' clock and the browser's to the instant. */
  static void at(Instant now) {
    servers.clock().set(now);
    browser.sameTimeAs(servers.clock());
  }

  @Test
  void citizenBooksInThePortalThenReschedulesAndCancelsFromTheEmail() {
    journey(true);
  }

  /**
   * The same way at each instant of the {@link #MATRIX}, without screenshots and axe-core (the
   * pages are checked above): one browser and one server for all, their clocks moved per case.
   */
  @ParameterizedTest(name = "at {0} in Prague")
  @MethodSource("matrix")
  void citizenBooksReschedulesAndCancelsOnAnyDay(LocalDateTime prague) {
    at(prague.atZone(WidgetSteps.PRAGUE).toInstant());
    journey(false);
  }

  static List<LocalDateTime> matrix() {
    return MATRIX;
  }

  /** The servers' first instant: the matrix's first case. */
  static Instant firstInstant() {
    return MATRIX.get(0).atZone(WidgetSteps.PRAGUE).toInstant();
  }

  private void journey(boolean checkSteps) {
    String email = "jana." + UUID.randomUUID().toString().substring(0, 8) + "@example.cz";
    Set<String> before = servers.mailSoFar();
    browser.width(1280);
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    browser.find(widget.root(), "input[type=radio]");
    check(checkSteps, "widget-1-department");
    widget.department("civil-affairs");
    check(checkSteps, "widget-2-official");
    widget.firstAvailable();
    check(checkSteps, "widget-3-agenda");
    widget.agenda("id-card", "Nový občanský průkaz, starý je poškozený");
    browser.find(widget.root(), "button.cd-day");
    check(checkSteps, "widget-4-calendar");
    Map<String, Object> slot = widget.dayAndTime(0);
    widget.contact("Jana Dvořáková", email, "+420 777 123 456");
    check(checkSteps, "widget-5-summary");
    browser.js("window.booked = []; document.addEventListener('civic-diary-booked', e => window.booked.push(e.detail));");
    widget.confirm();
    browser.find(widget.root(), ".cd-success", "Jste objednáni");
    assertThat(browser.focused().getText()).isEqualTo("Hotovo");
    check(checkSteps, "widget-6-done");
    WebElement manageLink = browser.find(widget.root(), "a.cd-link");
    assertThat(manageLink.getAttribute("href")).startsWith(servers.apiBase() + "/manage/");

    List<Reservation> booked = servers.storage().reservations().openOfEmail(email);
    assertThat(booked).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(Status.ACTIVE);
      assertThat(r.start()).isEqualTo(Instant.parse((String) slot.get("start")));
      assertThat(r.official().value()).isEqualTo(slot.get("official"));
      assertThat(r.topic()).isEqualTo("Nový občanský průkaz, starý je poškozený");
      assertThat(r.citizen().phone()).isEqualTo("+420 777 123 456");
    });
    Reservation reservation = booked.get(0);
    assertThat(browser.find(widget.root(), ".cd-code strong").getText()).as("the success screen shows the booking code")
        .isEqualTo(reservation.code().value());
    assertThat(browser.js("return window.booked")).as("the portal hears of the booking")
        .isEqualTo(List.of(Map.of("reservation", reservation.id().toString(), "department", "civil-affairs",
            "official", reservation.official().value(), "agenda", "id-card", "start", slot.get("start"), "end", slot.get("end"))));

    DroppedMail.Content confirmation = servers.awaitMail(email, "Potvrzení schůzky", before);
    assertThat(confirmation.text()).contains("Kód rezervace: " + reservation.code().value());
    assertThat(confirmation.html()).contains(reservation.code().value(), "application/ld+json");
    String link = TownHallServers.manageLink(confirmation);
    browser.open(link);
    assertThat(browser.find(browser.driver(), "#reservation-status").getText()).isEqualTo("Schůzka je objednána");
    assertThat(browser.find(browser.driver(), "#main", reservation.code().value()).getText()).contains("Kód rezervace");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cs");
    check(checkSteps, "manage-1-view");

    // reschedule: another day, the first free time, confirmed
    browser.find(browser.driver(), "#choose-other").sendKeys(Keys.ENTER);
    browser.find(browser.driver(), "#picker-title");
    browser.find(browser.driver(), "button.cd-day");
    check(checkSteps, "manage-2-picker");
    laterDay(LocalDate.ofInstant(reservation.start(), WidgetSteps.PRAGUE)).click();
    browser.find(browser.driver(), "button.cd-slot").click();
    browser.find(browser.driver(), "#panel-title", "Potvrďte prosím nový čas");
    check(checkSteps, "manage-3-confirm-move");
    Set<String> movedBefore = servers.mailSoFar();
    browser.find(browser.driver(), "#confirm").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "schůzka je přesunuta");
    Reservation moved = servers.storage().reservations().find(reservation.id()).orElseThrow();
    assertThat(moved.status()).isEqualTo(Status.ACTIVE);
    assertThat(moved.start()).isAfter(reservation.start());
    servers.awaitMail(email, "Schůzka přesunuta", movedBefore);
    check(checkSteps, "manage-4-moved");

    // cancel, confirmed
    browser.find(browser.driver(), "#cancel-open").click();
    browser.find(browser.driver(), "#panel-title", "Opravdu chcete rezervaci zrušit?");
    check(checkSteps, "manage-5-confirm-cancel");
    Set<String> cancelledBefore = servers.mailSoFar();
    browser.find(browser.driver(), "#confirm").click();
    browser.find(browser.driver(), "#reservation-status", "Rezervace je zrušena");
    assertThat(servers.storage().reservations().find(reservation.id()).orElseThrow().status()).isEqualTo(Status.CANCELLED);
    servers.awaitMail(email, "Schůzka zrušena", cancelledBefore);
    assertThat(browser.driver().findElements(By.id("cancel-open"))).as("nothing left to change").isEmpty();
    check(checkSteps, "manage-6-cancelled");
  }

  /**
   * A day with free time after the given one, in the month shown or the next ones: the month the
   * picker opens on may have no other (on 28 November only the 30th was left).
   */
  private static WebElement laterDay(LocalDate after) {
    for (int month = 0; month < 4; month++) {
      Optional<WebElement> later = browser.driver().findElements(By.cssSelector("button.cd-day")).stream()
          .filter(day -> LocalDate.parse(day.getAttribute("data-date")).isAfter(after))
          .findFirst();
      if (later.isPresent()) {
        return later.get();
      }
      String shown = browser.find(browser.driver(), ".cd-month-title").getText();
      browser.find(browser.driver(), "button.cd-month-nav[data-nav=next]:enabled").click();
      browser.until(d -> d.findElement(By.cssSelector(".cd-month-title")).getText().equals(shown) ? null : true);
    }
    throw new AssertionError("no free day after " + after + " in four months");
  }

  /** Whether to take screenshots and run axe-core at each step (the pages do not change with the storage). */
  boolean checkPages() {
    return true;
  }

  /** Screenshot and axe-core at one step, when asked and the storage's run checks pages. */
  void check(boolean asked, String step) {
    if (asked && checkPages()) {
      browser.screenshot(name() + "-1280-" + step);
      browser.assertAccessible(name() + " " + step);
    }
  }
}
