/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Deputies;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.testkit.NeedsBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full diary in the widget, in Czech and in English: Pavel Němec has no free time within the
 * horizon, so the widget offers his first deputy's first free time, in the administrators' order,
 * and the button switches to that deputy and day.
 */
@NeedsBrowser
class DeputyOfferBrowserTest {
  private static final StaffMember ADMIN = new StaffMember(TownHallServers.ADMIN, Role.ADMIN, null);
  private static final OfficialId NEMEC = OfficialId.of("pavel-nemec");
  private static final OfficialId MARKOVA = OfficialId.of("alena-markova");
  private static final OfficialId HORAKOVA = OfficialId.of("katerina-horakova");
  private static final AgendaId TRADE_CHANGE = AgendaId.of("trade-change");
  private static TownHallServers servers;
  private static Browser browser;

  /** Pavel Němec away for the whole horizon, and a browser on the servers' clock. */
  @BeforeAll
  static void start(@TempDir java.nio.file.Path folder) {
    servers = TownHallServers.inMemory(folder);
    LocalDate today = servers.today();
    servers.diary().recordingAbsence().record(ADMIN, new AbsenceRequest(NEMEC,
        today.atStartOfDay(WidgetSteps.PRAGUE).toInstant(), today.plusDays(70).atStartOfDay(WidgetSteps.PRAGUE).toInstant(),
        AbsenceKind.BLOCK, "Dovolená"));
    browser = Browser.start(servers.clock());
  }

  @AfterAll
  static void stop() throws Exception {
    // Servers start first, so a browser that is there has servers to close after it.
    if (browser != null) {
      browser.close();
    }
    servers.close();
  }

  /** The deputies in this order; the offer the server makes, which the widget must show. */
  private static FreeSlot deputies(OfficialId... order) {
    servers.diary().administering().replaceDeputies(ADMIN, new Deputies(NEMEC, TRADE_CHANGE, List.of(order)));
    FreeSlot offer = servers.diary().findingFreeSlots().deputyOffer(NEMEC, TRADE_CHANGE).orElseThrow();
    assertThat(offer.official()).isEqualTo(order[0]);
    servers.awaitPublic("/api/v1/officials/" + NEMEC.value() + "/deputy-offer?agenda=" + TRADE_CHANGE.value(),
        order[0].value());
    return offer;
  }

  /** Through the widget, in the language, to Pavel Němec's day-and-time step, where nothing is free. */
  private static WidgetSteps toNemecsFullDiary(String lang, String next, String time) {
    return WidgetSteps.toTimeOf(browser, servers.portalUrl(), lang, "trade-licensing", TRADE_CHANGE.value(), NEMEC.value(),
        next, time, "Změna sídla");
  }


  @SuppressWarnings("unchecked")
  private static Map<String, Object> state() {
    return (Map<String, Object>) browser.js("const s = document.querySelector('civic-diary-booking').state;"
        + "return { official: s.official, day: s.day };");
  }

  @Test
  void theFirstDeputysFirstTimeIsOfferedAndBookedInCzech() {
    FreeSlot offer = deputies(MARKOVA, HORAKOVA);
    String email = "jana.kralova@example.cz";
    WidgetSteps widget = toNemecsFullDiary("cs", "Agenda a téma", "Den a čas");
    browser.find(widget.root(), ".cd-note", "není žádný volný čas");
    browser.find(widget.root(), "#cd-deputy", "Nejbližší termín u zástupce: Alena Marková");
    browser.find(widget.root(), "#cd-watch", "Hlídat volný termín");
    browser.screenshot("deputy-offer-cs-1-full-diary");
    browser.assertAccessible("the widget's deputy offer");

    browser.find(widget.root(), "#cd-deputy").click();
    browser.find(widget.root(), "button.cd-slot").click();
    widget.fillContact("Jana Králová", email);
    widget.confirm();
    browser.find(widget.root(), "a.cd-link");

    Reservation booked = servers.storage().reservations().search(new ReservationSearch(
        email, null, null, Status.ACTIVE, null, null, 10)).get(0);
    assertThat(booked.official()).isEqualTo(MARKOVA);
    assertThat(booked.start()).isEqualTo(offer.start());
  }

  @Test
  void theOrderDecidesWhoIsOfferedInEnglish() {
    FreeSlot offer = deputies(HORAKOVA, MARKOVA);
    WidgetSteps widget = toNemecsFullDiary("en", "Matter and topic", "Day and time");
    browser.find(widget.root(), "#cd-deputy", "The next time with the deputy: Mgr. Kateřina Horáková").click();
    browser.find(widget.root(), "button.cd-slot");
    browser.screenshot("deputy-offer-en-1-switched");
    browser.assertAccessible("the deputy's day in English");

    assertThat(state()).containsEntry("official", HORAKOVA.value())
        .containsEntry("day", LocalDate.ofInstant(offer.start(), WidgetSteps.PRAGUE).toString());
  }
}
