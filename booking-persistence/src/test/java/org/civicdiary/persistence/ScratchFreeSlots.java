package org.civicdiary.persistence;

import java.lang.reflect.Method;
import java.time.*;
import java.util.*;
import org.civicdiary.booking.contract.Fixtures;
import org.civicdiary.booking.model.*;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;

public final class ScratchFreeSlots {
  public static void main(String[] a) throws Exception {
    try (TestDatabase db = TestDatabase.postgres("scratch", 8).start()) {
      Storage storage = db.storage();
      new Fixtures(storage).load();
      Method load = PersistenceBenchmark.class.getDeclaredMethod("loadDepartment", Storage.class);
      load.setAccessible(true);
      load.invoke(null, storage);
      CivicDiary diary = CivicDiary.builder().storage(storage).clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)).build();
      Method book = PersistenceBenchmark.class.getDeclaredMethod("bookEveryOtherSlot", Storage.class, CivicDiary.class, LocalDate.class, LocalDate.class);
      book.setAccessible(true);
      LocalDate first = LocalDate.of(2027, 3, 2), last = first.plusWeeks(8).minusDays(1);
      book.invoke(null, storage, diary, first, last);
      db.execute("vacuum analyze");
      List<OfficialId> officials = storage.directory().officials(DepartmentId.of("bench")).stream().map(Official::id).toList();
      Instant from = first.atStartOfDay(Office.DEFAULT_ZONE).toInstant(), to = last.plusDays(1).atStartOfDay(Office.DEFAULT_ZONE).toInstant();
      Map<String, Runnable> ops = new LinkedHashMap<>();
      String sql = "select official_id, start_at, end_at from reservation where official_id = any(?) and status = 'ACTIVE' and start_at > ? and start_at < ? and end_at > ?";
      String sqlEpoch = "select official_id, extract(epoch from start_at)::bigint s, extract(epoch from end_at)::bigint e from reservation where official_id = any(?) and status = 'ACTIVE' and start_at > ? and start_at < ? and end_at > ?";
      java.sql.Connection keep = db.connect();
      for (String q : List.of(sql, sqlEpoch)) for (int mode = 0; mode < 2; mode++) { final int m = mode; final String qq = q;
      ops.put((q == sql ? "tstz" : "epoch") + (mode == 0 ? " skip" : " read"), () -> { try (var ps = keep.prepareStatement(qq)) {
        Sql.bind(ps, Sql.texts(keep, officials.stream().map(OfficialId::value).toList()), from.minusSeconds(57600), to, from);
        var rs = ps.executeQuery(); long n = 0; while (rs.next()) { if (m == 1) { if (qq == sql) { n += rs.getObject(2, OffsetDateTime.class).getSecond() + rs.getObject(3, OffsetDateTime.class).getSecond(); rs.getString(1);} else { n += rs.getLong(2) + rs.getLong(3); rs.getString(1);} } }
      } catch (Exception ex) { throw new RuntimeException(ex); } }); }
      ops.put("busy 8w", () -> storage.reservations().busy(officials, from, to));
      ops.put("busy 1d", () -> storage.reservations().busy(officials, from, from.plusSeconds(86400)));
      ops.put("windows", () -> storage.diaries().windows(officials));
      ops.put("absences", () -> storage.diaries().absences(officials, from, to));
      ops.put("officials", () -> storage.directory().officials(DepartmentId.of("bench")));
      ops.put("agenda", () -> storage.directory().agenda(AgendaId.of("bench-agenda")));
      ops.put("office", () -> storage.directory().office(Fixtures.OFFICE));
      ops.put("department", () -> storage.directory().department(DepartmentId.of("bench")));
      ops.put("ofDepartment 1d", () -> diary.findingFreeSlots().ofDepartment(DepartmentId.of("bench"), AgendaId.of("bench-agenda"), LocalDate.of(2027,3,10), LocalDate.of(2027,3,10)));
      ops.put("ofDepartment 8w", () -> diary.findingFreeSlots().ofDepartment(DepartmentId.of("bench"), AgendaId.of("bench-agenda"), first, last));
      for (int round = 0; round < 3; round++)
      for (var e : ops.entrySet()) {
        for (int i = 0; i < 20; i++) e.getValue().run();
        long[] t = new long[40];
        for (int i = 0; i < t.length; i++) { long t0 = System.nanoTime(); e.getValue().run(); t[i] = System.nanoTime() - t0; }
        Arrays.sort(t);
        System.out.printf("%-18s median %7.2f ms%n", e.getKey(), t[t.length / 2] / 1e6);
      }
      System.out.println(db.query("explain (analyze, buffers) select official_id, start_at, end_at from reservation where official_id = any(?) and status = 'ACTIVE' and start_at > ? and start_at < ? and end_at > ?", rs -> rs.getString(1),
        null, from.minusSeconds(57600), to, from).size());
      try (var c = db.connect(); var ps = c.prepareStatement("explain (analyze, buffers) select official_id, start_at, end_at from reservation where official_id = any(?) and status = 'ACTIVE' and start_at > ? and start_at < ? and end_at > ?")) {
        Sql.bind(ps, Sql.texts(c, officials.stream().map(OfficialId::value).toList()), from.minusSeconds(57600), to, from);
        var rs = ps.executeQuery(); while (rs.next()) System.out.println(rs.getString(1));
      }
    }
  }
}
