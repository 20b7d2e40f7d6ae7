/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.testkit.contract.Fixtures;
import org.junit.jupiter.api.Test;

class MailboxCapSettingTest {
  private static final String KEY = "civicdiary.booking.messages-per-mailbox-per-day";

  @Test
  void theDailyMessagesOfAMailboxAreTheDeploymentsSetting() {
    Storage storage = InMemoryStorage.create();
    new Fixtures(storage).load();
    CivicDiary diary = Guice.createInjector(new CoreModule(Settings.of(Map.of(KEY, "2"))),
        binder -> binder.bind(Storage.class).toInstance(storage),
        binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding()
            .toInstance(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC))).getInstance(CivicDiary.class);

    for (int i = 0; i < 2; i++) {
      diary.booking().book(request(i, "eva+" + i + "@gmail.com"));
    }

    assertThatThrownBy(() -> diary.booking().book(request(2, "e.va@gmail.com")))
        .isInstanceOfSatisfying(PolicyViolated.class,
            e -> assertThat(e.policy()).isEqualTo(PolicyViolated.Policy.TOO_MANY_MESSAGES));
  }

  @Test
  void aCapOutsideOneToAThousandIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> new CoreModule(Settings.of(Map.of(KEY, "0"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining(KEY);
  }

  private static BookingRequest request(int n, String email) {
    // A day each: one address holds one meeting a day with one official.
    return new BookingRequest(Fixtures.NOVAK, Fixtures.ID_CARD, Fixtures.TUESDAY_10.plus(java.time.Duration.ofDays(n)),
        new Citizen("Eva Malá", email, null), "Občanka", Channel.WEB, Language.CS);
  }
}
