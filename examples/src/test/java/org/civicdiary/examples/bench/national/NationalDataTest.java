/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.national;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.error.BookingException;
import org.civicdiary.booking.holidays.CzechHolidays;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.examples.bench.national.NationalData.Booking;
import org.civicdiary.examples.bench.national.NationalData.Scale;
import org.civicdiary.examples.bench.national.NationalData.Summary;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.testkit.NeedsPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The national data set's generator at a tiny scale: the rows it writes are what it planned, and
 * the adapter reads them back as the free time the planned windows minus the planned bookings
 * leave, so the benchmark cannot measure a data set that the library reads as something else.
 */
@NeedsPostgres
class NationalDataTest {
  @RegisterExtension
  static final FreshDatabase DB = FreshDatabase.postgres("national_data");
  /** Two offices of three officials in two departments (one of them with a single official). */
  private static final Scale SCALE = new Scale(2, 3, 2, 60, 7);

  @Test
  void writesThePlanAndTheAdapterReadsItsFreeTime() throws Exception {
    PersistenceConfig config = PersistenceConfig.builder().url(DB.url()).user(DB.user()).password(DB.password())
        .poolSize(2).build();
    JdbcStorage.start(config).close();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Summary summary;
    try (Connection c = DB.connect()) {
      summary = NationalData.load(c, SCALE, new PrintStream(progress, true, StandardCharsets.UTF_8), 100);
    }

    long planned = 0;
    long plannedSlots = 0;
    long windowSlots = 0;
    for (int o = 0; o < SCALE.offices(); o++) {
      for (int i = 0; i < SCALE.officials(); i++) {
        for (Booking b : NationalData.bookings(SCALE, o, i)) {
          planned++;
          plannedSlots += b.slots();
        }
        windowSlots += windowStarts(NationalData.windows(i), NationalData.FIRST_DAY,
            NationalData.FIRST_DAY.plusDays(SCALE.days() - 1)).size();
      }
    }
    assertEquals(planned, summary.reservations());
    assertEquals(plannedSlots, summary.heldSlots());
    assertTrue(plannedSlots > 0.4 * windowSlots && plannedSlots < 0.6 * windowSlots,
        plannedSlots + " of " + windowSlots + " slots booked: not about half");
    assertTrue(progress.toString(StandardCharsets.UTF_8).contains("2 of 2 offices"), progress::toString);
    try (Connection c = DB.connect()) {
      assertEquals(2, count(c, "select count(*) from office where directory_version <> 0"));
      assertEquals(4, count(c, "select count(*) from department"));
      assertEquals(6, count(c, "select count(*) from official where busy_version <> 0"));
      assertEquals(12, count(c, "select count(*) from agenda"));
      assertEquals(18, count(c, "select count(*) from agenda_official"));
      assertEquals(24, count(c, "select count(*) from diary_window"));
      assertEquals(planned, count(c, "select count(*) from reservation where status = 'ACTIVE' and open_code = booking_code"));
      assertEquals(plannedSlots, count(c, "select count(*) from held_slot"));
      // Every reservation holds exactly its slots.
      assertEquals(0, count(c, """
          select count(*) from reservation r
          where (select count(*) from held_slot h where h.reservation_id = r.id and h.official_id = r.official_id
                 and h.slot_start >= r.start_at and h.slot_start < r.end_at) * 15 * 60
                <> extract(epoch from r.end_at - r.start_at)
          """));
    }

    try (JdbcStorage node = JdbcStorage.start(config)) {
      CivicDiary diary = CivicDiary.builder().storage(node.storage()).clock(Clock.fixed(NationalData.NOW, ZoneOffset.UTC))
          .build();
      LocalDate from = NationalData.FIRST_DAY.plusDays(1);
      LocalDate to = NationalData.FIRST_DAY.plusDays(SCALE.days() - 2);
      for (int o = 0; o < SCALE.offices(); o++) {
        for (int i = 0; i < SCALE.officials(); i++) {
          Set<Instant> booked = new HashSet<>();
          for (Booking b : NationalData.bookings(SCALE, o, i)) {
            for (int s = 0; s < b.slots(); s++) {
              booked.add(b.start().plus(Duration.ofMinutes(15L * s)));
            }
          }
          List<Instant> expected = new ArrayList<>(windowStarts(NationalData.windows(i), from, to));
          expected.removeAll(booked);
          OfficialId official = OfficialId.of(NationalData.official(o, i));
          AgendaId oneSlot = AgendaId.of(NationalData.agenda(o, i % SCALE.departmentsWithOfficials(), 0));
          List<Instant> free = diary.findingFreeSlots().ofOfficial(official, oneSlot, from, to).stream()
              .map(FreeSlot::start).toList();
          assertEquals(expected, free, official.value());
        }
      }

      // The data set takes bookings: a free slot can be booked, a booked one cannot.
      OfficialId official = OfficialId.of(NationalData.official(1, 2));
      AgendaId agenda = AgendaId.of(NationalData.agenda(1, 0, 0));
      FreeSlot slot = diary.findingFreeSlots().ofOfficial(official, agenda, from, to).get(0);
      diary.booking().book(request(official, agenda, slot.start()));
      Instant taken = NationalData.bookings(SCALE, 1, 2).stream().map(Booking::start)
          .filter(s -> !s.isBefore(from.atStartOfDay(Office.DEFAULT_ZONE).toInstant())).findFirst().orElseThrow();
      assertThrows(BookingException.class, () -> diary.booking().book(request(official, agenda, taken)));
      assertFalse(diary.findingFreeSlots().daysOfDepartment(DepartmentId.of(NationalData.department(0, 1)),
          AgendaId.of(NationalData.agenda(0, 1, 1)), from, from.plusWeeks(8)).isEmpty());
    }
  }

  private static BookingRequest request(OfficialId official, AgendaId agenda, Instant start) {
    return new BookingRequest(official, agenda, start, new Citizen("Jana Nová", "jana.nova@example.cz", null),
        "Občanský průkaz", Channel.WEB, Language.CS);
  }

  /** The slot starts that the windows open on [from, to], working days that are not Czech holidays, in time order. */
  private static List<Instant> windowStarts(List<Window> windows, LocalDate from, LocalDate to) {
    List<Instant> starts = new ArrayList<>();
    CzechHolidays holidays = CzechHolidays.create();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (holidays.isHoliday(day)) {
        continue;
      }
      for (Window w : windows) {
        if (w.day() == day.getDayOfWeek()) {
          for (var t = w.start(); t.isBefore(w.end()); t = t.plusMinutes(15)) {
            starts.add(day.atTime(t).atZone(Office.DEFAULT_ZONE).toInstant());
          }
        }
      }
    }
    starts.sort(null);
    return starts;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
