/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.BookingRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * An absence entered by mistake: removing it in the console offers to put back the meetings it
 * displaced, and does so where their time is still free.
 */
class AbsenceUndoConsoleTest extends StaffConsole {
  private static final OfficialId KATERINA = OfficialId.of("katerina-horakova");

  @Test
  void removingAnAbsenceOffersToRestoreTheMeetingsItDisplacedAndRestoresThem() {
    LocalDate day = servers.today().plusDays(5);
    FreeSlot slot = servers.diary().findingFreeSlots().ofOfficial(KATERINA, AgendaId.of("trade-change"), day,
        day.plusDays(6)).get(0);
    Reservation booked = servers.diary().booking().book(new BookingRequest(KATERINA, AgendaId.of("trade-change"),
        slot.start(), new Citizen("Alena Omylová", "alena.omylova@example.cz", null), "Změna oboru živnosti",
        Channel.WEB, Language.CS)).reservation();
    LocalDate absent = LocalDate.ofInstant(slot.start(), WidgetSteps.PRAGUE);
    servers.diary().recordingAbsence().record(new StaffMember(TownHallServers.ADMIN, Role.ADMIN, null),
        new AbsenceRequest(KATERINA, absent.atStartOfDay(WidgetSteps.PRAGUE).toInstant(),
            absent.plusDays(1).atStartOfDay(WidgetSteps.PRAGUE).toInstant(), AbsenceKind.ILLNESS, "omyl"));
    assertThat(servers.storage().reservations().find(booked.id()).orElseThrow().status()).isEqualTo(Status.DISPLACED);

    console.logIn(TownHallServers.OPERATOR, TownHallServers.PASSWORD);
    console.open("absences", "Nepřítomnosti");
    new Select(browser.find(browser.driver(), "select[name=official]")).selectByValue(KATERINA.value());
    browser.find(browser.driver(), ".cd-plain-list button", "Odstranit").click();
    browser.find(browser.driver(), "#absence-remove-text", "stále čekají: 1");
    browser.assertAccessible("console, the offer to restore an absence's meetings");
    browser.find(browser.driver(), "#absence-remove-offer button", "Odstranit a vrátit schůzky").click();

    browser.find(browser.driver(), ".cd-status .cd-success", "Vrácené schůzky: 1");
    Reservation restored = servers.storage().reservations().find(booked.id()).orElseThrow();
    assertThat(restored.status()).isEqualTo(Status.ACTIVE);
    assertThat(restored.start()).isEqualTo(booked.start());
    servers.awaitMail("alena.omylova@example.cz", "Vaše schůzka platí, jak byla objednána", java.util.Set.of());
  }
}
