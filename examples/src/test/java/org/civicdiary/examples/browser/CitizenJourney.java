/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.notify.DroppedMail;
import org.civicdiary.testkit.NeedsBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
  @TempDir
  static Path folder;
  static TownHallServers servers;
  static Browser browser;

  static void startWith(TownHallServers started) {
    servers = started;
    browser = Browser.start();
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

  @Test
  void citizenBooksInThePortalThenReschedulesAndCancelsFromTheEmail() {
    String email = "jana." + UUID.randomUUID().toString().substring(0, 8) + "@example.cz";
    Instant before = servers.clock().instant();
    browser.width(1280);
    browser.open(servers.portalUrl());
    WidgetSteps widget = new WidgetSteps(browser);
    browser.find(widget.root(), "input[type=radio]");
    check("widget-1-department");
    widget.department("civil-affairs");
    check("widget-2-official");
    widget.firstAvailable();
    check("widget-3-agenda");
    widget.agenda("id-card", "Nový občanský průkaz, starý je poškozený");
    browser.find(widget.root(), "button.cd-day");
    check("widget-4-calendar");
    Map<String, Object> slot = widget.dayAndTime(0);
    widget.contact("Jana Dvořáková", email, "+420 777 123 456");
    check("widget-5-summary");
    browser.js("window.booked = []; document.addEventListener('civic-diary-booked', e => window.booked.push(e.detail));");
    widget.confirm();
    browser.find(widget.root(), ".cd-success", "Jste objednáni");
    assertThat(browser.focused().getText()).isEqualTo("Hotovo");
    check("widget-6-done");
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
    assertThat(browser.js("return window.booked")).as("the portal hears of the booking")
        .isEqualTo(List.of(Map.of("reservation", reservation.id().toString(), "department", "civil-affairs",
            "official", reservation.official().value(), "agenda", "id-card", "start", slot.get("start"), "end", slot.get("end"))));

    DroppedMail.Content confirmation = servers.awaitMail(email, "Potvrzení schůzky", before);
    String link = TownHallServers.manageLink(confirmation);
    browser.open(link);
    assertThat(browser.find(browser.driver(), "#reservation-status").getText()).isEqualTo("Schůzka je objednána");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cs");
    check("manage-1-view");

    // reschedule: another day, the first free time, confirmed
    browser.find(browser.driver(), "#choose-other").sendKeys(Keys.ENTER);
    browser.find(browser.driver(), "#picker-title");
    List<WebElement> days = browser.until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector("button.cd-day"));
      return found.size() > 1 ? found : null;
    });
    check("manage-2-picker");
    days.get(days.size() - 1).click();
    browser.find(browser.driver(), "button.cd-slot").click();
    browser.find(browser.driver(), "#panel-title", "Potvrďte prosím nový čas");
    check("manage-3-confirm-move");
    Instant movedBefore = servers.clock().instant();
    browser.find(browser.driver(), "#confirm").click();
    browser.find(browser.driver(), ".cd-status .cd-success", "schůzka je přesunuta");
    Reservation moved = servers.storage().reservations().find(reservation.id()).orElseThrow();
    assertThat(moved.status()).isEqualTo(Status.ACTIVE);
    assertThat(moved.start()).isAfter(reservation.start());
    servers.awaitMail(email, "Schůzka přesunuta", movedBefore);
    check("manage-4-moved");

    // cancel, confirmed
    browser.find(browser.driver(), "#cancel-open").click();
    browser.find(browser.driver(), "#panel-title", "Opravdu chcete rezervaci zrušit?");
    check("manage-5-confirm-cancel");
    Instant cancelledBefore = servers.clock().instant();
    browser.find(browser.driver(), "#confirm").click();
    browser.find(browser.driver(), "#reservation-status", "Rezervace je zrušena");
    assertThat(servers.storage().reservations().find(reservation.id()).orElseThrow().status()).isEqualTo(Status.CANCELLED);
    servers.awaitMail(email, "Schůzka zrušena", cancelledBefore);
    assertThat(browser.driver().findElements(By.id("cancel-open"))).as("nothing left to change").isEmpty();
    check("manage-6-cancelled");
  }

  /** Whether to take screenshots and run axe-core at each step (the pages do not change with the storage). */
  boolean checkPages() {
    return true;
  }

  /** Screenshot and axe-core at one step. */
  void check(String step) {
    if (checkPages()) {
      browser.screenshot(name() + "-1280-" + step);
      browser.assertAccessible(name() + " " + step);
    }
  }
}
