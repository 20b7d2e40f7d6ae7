/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.ID_CARDS;
import static org.civicdiary.notify.Town.NOVAK;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListStatus;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.WaitingListRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The waiting list's two messages, in Czech and English: confirm the address, and a time offered. */
class WaitingListMailTest {
  private static final Pattern LINK = Pattern.compile("https://diar\\.praha6\\.example/waiting-list/(entry|offer)/([A-Za-z0-9_-]{43})");
  @TempDir
  Path folder;

  @Test
  void theConfirmationLinkConfirmsAndTheOfferLinkTakesTheHeldTime() {
    Town town = new Town();
    Injector injector = Guice.createInjector(new NotifyModule(Settings.of(Map.of(
        "civicdiary.mail.drop.folder", folder.toString(),
        "civicdiary.notify.public-base-url", "https://diar.praha6.example/"))), MailDropTest.host(town));
    MailDrop drop = injector.getInstance(Key.get(new TypeLiteral<Optional<MailDrop>>() {})).orElseThrow();
    OutboxDispatcher dispatcher = injector.getInstance(OutboxDispatcher.class);
    town.bookHorse(TUESDAY_16, Language.CS);
    dispatcher.dispatchOnce();

    LocalDate tuesday = LocalDate.of(2027, 3, 2);
    WaitingListEntry entry = town.diary.keepingWaitingList().join(new WaitingListRequest(NOVAK, ID_CARDS, tuesday,
        tuesday, new Citizen("Eva <b>Malá</b>", "eva@example.cz", null), "Pas", Channel.WEB, Language.EN));
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    DroppedMail.Content confirm = drop.open(drop.newest(1).get(0).id()).orElseThrow();
    assertThat(confirm.mail().subject()).isEqualTo("Watching for a free time: please confirm your e-mail");
    assertThat(confirm.html()).contains("<html lang=\"en\">", "Identity cards", "Jan Novák");
    ManageToken entryToken = token(confirm.text(), "entry");
    assertThat(town.diary.keepingWaitingList().confirm(entryToken).status()).isEqualTo(WaitingListStatus.ACTIVE);

    // The window has free time after the horse's meeting: the matcher offers the first at once.
    town.diary.offeringFreedTime().run();
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    DroppedMail offer = drop.newest(10).stream().filter(m -> m.to().contains("eva@example.cz")
        && m.subject().startsWith("A time is free")).findFirst().orElseThrow();
    DroppedMail.Content content = drop.open(offer.id()).orElseThrow();
    assertThat(content.mail().subject()).isEqualTo("A time is free for you: Tuesday 2 March 2027 at 16:15");
    assertThat(content.text()).contains("until Monday 1 March 2027 at 9:30", "Take the time, or decline it");
    assertThat(content.html()).contains("Take the time, or decline it", "https://diar.praha6.example/waiting-list/offer/");
    assertThat(content.calendar()).isNull();

    Booked booked = town.diary.keepingWaitingList().take(token(content.text(), "offer"));
    assertThat(booked.reservation().start()).isEqualTo(TUESDAY_16.plus(Duration.ofMinutes(15)));
    town.clock.advance(Duration.ofSeconds(1));
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    assertThat(drop.newest(1).get(0).subject()).startsWith("Your appointment is confirmed");
  }

  private static ManageToken token(String text, String kind) {
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(kind)) {
        return ManageToken.parse(m.group(2));
      }
    }
    throw new AssertionError("no " + kind + " link in " + text);
  }
}
