/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Place;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A place's description in the e-mail's language, after the place where the message names it (the
 * text, the HTML and the invitation's location); a place without one reads as before.
 */
class PlaceDescriptionMailTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private Town town;
  private OutboxWorkers dispatcher;

  @BeforeEach
  void setUp() {
    town = new Town();
    dispatcher = town.smtpDispatcher(SMTP.getSmtp().getPort());
  }

  @AfterEach
  void tearDown() {
    dispatcher.stop();
  }

  private void describe(LocalizedText description) {
    DepartmentId civil = DepartmentId.of("civil");
    town.storage.transactions().run(() -> {
      Department d = town.storage.directory().department(civil).orElseThrow();
      town.storage.directory().save(new Department(d.id(), d.office(), d.name(),
          new Place(d.place().name(), d.place().address(), description)));
    });
  }

  private Received confirmation() throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
    while (dispatcher.dispatchOnce() > 0) {
      // until nothing is due
    }
    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    return new Received(SMTP.getReceivedMessages()[0]);
  }

  @Test
  void theDescriptionIsInTheCitizensLanguage() throws Exception {
    describe(LocalizedText.of("Vchod z nádvoří", "Entrance from the courtyard"));

    town.bookHorse(TUESDAY_16, Language.EN);
    Received english = confirmation();
    assertThat(english.text).contains("(Entrance from the courtyard)").doesNotContain("nádvoří");
    assertThat(english.calendarText.replace("\r\n ", "")).contains("Entrance from the courtyard");

    town.book(TUESDAY_16.plusSeconds(900), "Eva Malá", "eva@example.cz", "Pas", Language.CS);
    assertThat(confirmation().text).contains("(Vchod z nádvoří)").doesNotContain("courtyard");
  }

  @Test
  void aPlaceWithoutADescriptionReadsAsBefore() throws Exception {
    town.bookHorse(TUESDAY_16, Language.EN);
    assertThat(confirmation().text).contains("Radnice Prahy 6, Čs. armády 601/23, Praha 6, kancelář 212, 2. patro")
        .doesNotContain("(Entrance").doesNotContain("(Vchod");
  }
}
