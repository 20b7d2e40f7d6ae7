/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.national;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civicdiary.booking.holidays.CzechHolidays;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.examples.bench.national.NationalData.Booking;
import org.civicdiary.examples.bench.national.NationalData.Scale;
import org.civicdiary.examples.bench.national.NodeProcess.Answer;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.testkit.NeedsPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national node benchmark's node at a tiny scale: the standalone server in a JVM of its own,
 * on its clock from {@link NationalData#NOW}, answers a department's days as the generated plan
 * leaves them, and what the benchmark reads of the process (heap through {@code jcmd}, the GC
 * log, the log's errors) can be read.
 */
@NeedsPostgres
class NationalNodeTest {
  @RegisterExtension
  static final FreshDatabase DB = FreshDatabase.postgres("national_node");
  /** Two offices of three officials in two departments: officials 0 and 2 in department 0, on Mondays and Wednesdays. */
  private static final Scale SCALE = new Scale(2, 3, 2, 60, 7);
  private static final int SLOTS_A_DAY = 32;
  private static final HolidayCalendar HOLIDAYS = CzechHolidays.create();

  @TempDir
  Path dir;

  @Test
  void answersADepartmentsDaysAsThePlanLeavesThemAndShowsItsHeap() throws Exception {
    JdbcStorage.start(PersistenceConfig.builder().url(DB.url()).user(DB.user()).password(DB.password()).poolSize(2)
        .build()).close();
    try (Connection c = DB.connect()) {
      NationalData.load(c, SCALE, System.out, 1_000_000);
    }
    LocalDate from = LocalDate.ofInstant(NationalData.NOW, Office.DEFAULT_ZONE).plusDays(1);
    LocalDate to = from.plusDays(55);

    try (NodeProcess node = NodeProcess.server(dir, DB.url(), DB.user(), DB.password(), 256)) {
      Duration ready = node.awaitOk("/health/ready", Duration.ofSeconds(60));
      Answer answer = node.get("/api/v1/offices/" + NationalData.office(1) + "/departments/"
          + NationalData.department(1, 0) + "/days?agenda=" + NationalData.agenda(1, 0, 0) + "&from=" + from + "&to=" + to);

      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.sinceStart().compareTo(ready) > 0);
      Set<LocalDate> free = new TreeSet<>();
      for (JsonNode day : new ObjectMapper().readTree(answer.body()).path("days")) {
        if (day.path("free").asInt() > 0) {
          free.add(LocalDate.parse(day.path("date").asText()));
        }
      }
      Set<LocalDate> planned = plannedFreeDays(1, List.of(0, 2), from, to);
      assertFalse(planned.isEmpty());
      assertEquals(planned, free);
      assertFalse(free.contains(LocalDate.of(2027, 3, 29)), "Easter Monday is a holiday");

      long heap = node.heapAfterGc();
      assertTrue(heap > 1024 * 1024 && heap < 256L * 1024 * 1024, "heap " + heap);
      assertTrue(node.pauses().stream().anyMatch(p -> p.kind().equals("Full") && p.asked()), "jcmd's GC in the GC log");
      assertEquals(List.of(), node.problems());
    }
  }

  /** Mondays and Wednesdays (the department's days) that are not holidays and where an official has a slot left. */
  private static Set<LocalDate> plannedFreeDays(int office, List<Integer> officials, LocalDate from, LocalDate to) {
    Map<LocalDate, Integer> fewestBooked = new HashMap<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
        fewestBooked.put(day, Integer.MAX_VALUE);
      }
    }
    for (int i : officials) {
      Map<LocalDate, Integer> booked = new HashMap<>();
      for (Booking b : NationalData.bookings(SCALE, office, i)) {
        booked.merge(LocalDate.ofInstant(b.start(), Office.DEFAULT_ZONE), b.slots(), Integer::sum);
      }
      fewestBooked.replaceAll((day, fewest) -> Math.min(fewest, booked.getOrDefault(day, 0)));
    }
    Set<LocalDate> free = new TreeSet<>();
    fewestBooked.forEach((day, fewest) -> {
      if (fewest < SLOTS_A_DAY && !HOLIDAYS.isHoliday(day)) {
        free.add(day);
      }
    });
    return free;
  }
}
