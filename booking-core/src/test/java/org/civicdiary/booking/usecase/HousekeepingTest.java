/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.civicdiary.booking.usecase.TownHall.local;
import static org.civicdiary.booking.usecase.TownHall.weekly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.StaffSession;
import org.civicdiary.booking.model.StoredResponse;
import org.civicdiary.booking.port.Chore;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HousekeepingTest {
  @Test
  void oneRunDoesEveryTaskAfterItsPeriodAndAFailingChoreHoldsBackNothing() {
    TownHall hall = TownHall.at("2027-03-01T06:00:00Z");
    OfficialId novak = hall.official("novak", weekly(DayOfWeek.TUESDAY, "08:00", "12:00"));
    Reservation met = hall.book(novak, hall.agenda("id-card", 1, novak), local("2027-03-02T09:00"),
        new Citizen("Eva Nováková", "eva@example.cz", null)).reservation();
    OutboxMessage confirmation = hall.takeMessages().get(0);
    Instant now = hall.clock.instant();
    hall.storage.transactions().run(() -> {
      hall.storage.outbox().markSent(confirmation.id(), now);
      hall.storage.auditLog().record(new AuditEntry(now, "admin", "office.save", "prague-6", null, "x"));
      hall.storage.staffAccounts().add(new StaffSession("s1", "hash-1", "admin", now, now, now.plus(Duration.ofHours(8)),
          now.plus(Duration.ofHours(8)), null, null));
      hall.storage.idempotencyKeys().save(new StoredResponse("key-1", "h", 201, "{}", now.plus(Duration.ofDays(1))), now);
      hall.storage.challenges().spend("c".repeat(64), now.plus(Duration.ofMinutes(10)));
    });
    Chore drop = new Chore() {
      @Override
      public String name() {
        return "mail-drop-files";
      }

      @Override
      public int run(Instant at) {
        throw new IllegalStateException("disk full at " + at);
      }
    };
    Housekeeping housekeeping = hall.diary.housekeeping(HousekeepingPeriods.DEFAULT, List.of(drop));

    HousekeepingRun early = housekeeping.run();
    assertThat(early.changedAnything()).isFalse();
    assertThat(early.done()).containsOnlyKeys(HousekeepingRun.ANONYMISED_RESERVATIONS,
        HousekeepingRun.EXPIRED_SESSIONS, HousekeepingRun.EXPIRED_IDEMPOTENCY_ANSWERS, HousekeepingRun.SPENT_CHALLENGES,
        HousekeepingRun.SENT_MESSAGES, HousekeepingRun.AUDIT_ENTRIES);
    assertThat(early.failed()).containsOnlyKeys("mail-drop-files");

    hall.clock.set(now.plus(Duration.ofDays(730)).plusSeconds(1));
    HousekeepingRun late = housekeeping.run();

    assertThat(late.at()).isEqualTo(hall.clock.instant());
    assertThat(late.done()).containsExactly(entry(HousekeepingRun.ANONYMISED_RESERVATIONS, 1),
        entry(HousekeepingRun.EXPIRED_SESSIONS, 1), entry(HousekeepingRun.EXPIRED_IDEMPOTENCY_ANSWERS, 1),
        entry(HousekeepingRun.SPENT_CHALLENGES, 1), entry(HousekeepingRun.SENT_MESSAGES, 1), entry(HousekeepingRun.AUDIT_ENTRIES, 1));
    assertThat(late.failed().get("mail-drop-files")).hasMessageContaining(late.at().toString());
    assertThat(hall.reservation(met).citizen()).isEqualTo(Citizen.anonymised());
    assertThat(hall.storage.outbox().find(confirmation.id())).isEmpty();
    assertThat(hall.storage.auditLog().latest(10)).noneMatch(e -> e.action().equals("office.save"));
    assertThat(housekeeping.run().changedAnything()).as("a second run finds nothing").isFalse();
  }

  @Test
  void thePeriodsHaveSaneDefaults() {
    assertThat(HousekeepingPeriods.from(Settings.of(Map.of()))).isEqualTo(HousekeepingPeriods.DEFAULT);
    assertThat(HousekeepingPeriods.from(Settings.of(Map.of(HousekeepingPeriods.INTERVAL, "PT10M",
        HousekeepingPeriods.SENT_MESSAGES, "P7D", HousekeepingPeriods.AUDIT_ENTRIES, "P365D"))))
        .isEqualTo(new HousekeepingPeriods(Duration.ofMinutes(10), Duration.ofDays(7), Duration.ofDays(365)));
  }

  @ParameterizedTest
  @CsvSource({
      "civicdiary.housekeeping.interval, soon",
      "civicdiary.housekeeping.interval, PT0S",
      "civicdiary.housekeeping.interval, P2D",
      "civicdiary.housekeeping.sent-messages-after, -P1D",
      "civicdiary.housekeeping.sent-messages-after, PT1M",
      "civicdiary.housekeeping.audit-entries-after, PT1H",
      "civicdiary.housekeeping.audit-entries-after, P4000D"})
  void aBadPeriodIsRefusedNamingItsKey(String key, String value) {
    Settings settings = Settings.of(Map.of(key, value));
    assertThatThrownBy(() -> HousekeepingPeriods.from(settings))
        .isInstanceOf(InvalidSetting.class)
        .hasMessageContaining(key)
        .hasMessageContaining(Settings.variable(key));
  }
}
