/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.testkit.contract.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.testkit.contract.Fixtures.ID_CARD;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.slot;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.civicdiary.testkit.contract.Fixtures;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retention job through the use case, checked in SQL: what is gone and what statistics keep. */
@NeedsPostgres
class RetentionTest {
  private static final StaffMember OPERATOR = new StaffMember("operator", Role.OPERATOR, null);
  private static final String STATISTICS = """
      select official_id, agenda_id, department_id, start_at, end_at, channel, language, status, created_at
      from reservation
      order by start_at
      """;
  private static final String PERSONAL_DATA_LEFT = """
      select count(*)
      from reservation
      where citizen_name <> 'anonymised' or citizen_email is not null or email_key is not null
         or citizen_phone is not null or topic <> '' or note is not null or search_text <> ?
      """;

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void personalDataGoesTheConfiguredDaysAfterTheMeetingAndStatisticsStay(String engine) {
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    try (TestDatabase db = create.apply("retention").start()) {
      new Fixtures(db.storage()).load();
      MutableClock clock = new MutableClock(NOW);
      CivicDiary diary = CivicDiary.builder().storage(db.storage()).clock(clock).build();
      ReservationId met = book(diary, 0, new Citizen("Marie Procházková", "marie@example.cz", "+420 601 234 567"));
      ReservationId cancelled = book(diary, 4, new Citizen("Jiří Černý", "jiri@example.cz", null));
      diary.handlingReservations().cancel(OPERATOR, cancelled, "Paní Černá volala, že manžel je nemocný");
      clock.set(slot(1));
      diary.handlingReservations().recordOutcome(OPERATOR, met, Status.COMPLETED);
      List<List<Object>> statistics = statistics(db);

      Duration retention = Duration.ofDays(Fixtures.office().policy().retentionDays());
      clock.set(slot(1).plus(retention).minusSeconds(1));
      assertThat(diary.anonymising().run()).as("not yet: a second before the period ends").isZero();
      assertThat(db.count(PERSONAL_DATA_LEFT, "anonymised\n\n")).isEqualTo(2);

      clock.set(slot(1).plus(retention).plusSeconds(1));
      assertThat(diary.anonymising().run()).as("the met one only: the cancelled one was later").isEqualTo(1);
      clock.set(slot(5).plus(retention).plusSeconds(1));
      assertThat(diary.anonymising().run()).isEqualTo(1);
      assertThat(diary.anonymising().run()).as("each once").isZero();

      assertThat(db.count(PERSONAL_DATA_LEFT, "anonymised\n\n")).as("rows with personal data").isZero();
      assertThat(db.count("select count(*) from outbox_message where note is not null")).as("staff notes in messages").isZero();
      assertThat(db.storage().reservations().search(new ReservationSearch("marie", null, null, null, null, null, 10))).isEmpty();
      assertThat(statistics(db)).as("what statistics need").isEqualTo(statistics);
    }
  }

  private static ReservationId book(CivicDiary diary, int slot, Citizen citizen) {
    return diary.booking().book(new BookingRequest(NOVAK, ID_CARD, slot(slot), citizen,
        "Ztráta občanského průkazu, rodné číslo 805512/1234", Channel.WEB, Language.CS)).reservation().id();
  }

  private static List<List<Object>> statistics(TestDatabase db) {
    return db.query(STATISTICS, rs -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3),
        Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"), rs.getString(6), rs.getString(7), rs.getString(8),
        Sql.instant(rs, "created_at")));
  }
}
