/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.web;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.examples.bench.web.Load.Result;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.web.BookingServer;

/**
 * The free-time endpoints under random ranges, in a small heap (run it with {@code -Xmx128m}):
 * every request asks a range nobody asked before, so the answer cache fills with answers that are
 * never read again. The cache must stay within its bytes and the heap after each collection low,
 * with no full collection. Server and load generator share the JVM (the generator keeps raw
 * connections and allocates little beside the server); PostgreSQL at 127.0.0.1 holds the office of
 * {@link BenchOffice}: 50 officials, 40 slots a day each.
 *
 * <p>Arguments (all optional): seconds of load (default 120), connections (default 32).
 */
public final class RandomRangeLoadHarness {
  private static final long MB = 1024 * 1024;
  private static final AtomicLong YOUNG = new AtomicLong();
  private static final AtomicLong FULL = new AtomicLong();
  private static final AtomicLong MAX_AFTER_GC = new AtomicLong();
  private static volatile boolean measuring;

  private RandomRangeLoadHarness() {}

  public static void main(String[] args) throws Exception {
    Duration run = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 120);
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf("max heap %d MB (run with -Xmx128m for the issue's figure); %s %s; %d cores; load average %s%n",
        maxHeap / MB, System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), HttpLoadHarness.loadAverage());
    watchCollections();
    try (FreshDatabase database = FreshDatabase.postgres("rangebench");
        JdbcStorage jdbc = JdbcStorage.start(PersistenceConfig.builder().url(database.url()).user(database.user())
            .password(database.password()).poolSize(10).connectionTimeout(Duration.ofSeconds(60)).build())) {
      Storage storage = jdbc.storage();
      BenchOffice.seed(storage);
      // the defaults of the answer cache: 2 s, a few MB
      BookingServer server = HttpLoadHarness.api(storage, Map.of("civicdiary.pow.max-number", "0"));
      try {
        LocalDate today = LocalDate.ofInstant(HttpLoadHarness.CLOCK.instant(), Office.DEFAULT_ZONE);
        Supplier<byte[]> randomRange = () -> request(today);
        Load.closedLoop("warm-up", server.port(), connections, Duration.ZERO, Duration.ofSeconds(10), randomRange);
        System.gc();
        YOUNG.set(0);
        FULL.set(0);
        MAX_AFTER_GC.set(0);
        measuring = true;
        long started = System.nanoTime();
        Result r = Load.closedLoop("random ranges", server.port(), connections, Duration.ZERO, run, randomRange);
        measuring = false;
        double seconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println();
        System.out.println("| max heap | connections | seconds | requests | per second | statuses | p50 ms | p99 ms "
            + "| young GCs | full GCs | max heap after a GC | live heap after the run |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        System.out.printf("| %d MB | %d | %.0f | %,d | %,.0f | %s%s | %.1f | %.1f | %d | %d | %.1f MB | %.1f MB |%n",
            maxHeap / MB, connections, seconds, r.requests(), r.perSecond(), r.statuses(),
            r.errors() > 0 ? " + " + r.errors() + " I/O errors" : "", r.p50Micros() / 1000.0, r.p99Micros() / 1000.0,
            YOUNG.get(), FULL.get(), MAX_AFTER_GC.get() / (double) MB, live / (double) MB);
        System.out.println();
        System.out.println("goal: heap after GC below 64 MB: " + (MAX_AFTER_GC.get() < 64 * MB ? "met" : "NOT met")
            + "; no full GC: " + (FULL.get() == 0 ? "met" : "NOT met") + "; load average now " + HttpLoadHarness.loadAverage());
      } finally {
        server.stop();
      }
    }
  }

  /**
   * A range nobody asked before, as a widget scrolling about would: an official's free slots over
   * up to eight weeks (up to about 130 KB of JSON), a department's slots over up to three days
   * (50 officials: about 30 KB a day) or its days over up to eight weeks. Half the clients accept gzip.
   */
  private static byte[] request(LocalDate today) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate from = today.plusDays(1 + random.nextInt(55));
    int left = (int) (today.plusDays(56).toEpochDay() - from.toEpochDay());
    String path = switch (random.nextInt(10)) {
      case 0, 1, 2, 3 -> "/api/v1/officials/" + BenchOffice.official(random.nextInt(BenchOffice.OFFICIALS)) + "/slots?agenda="
          + BenchOffice.AGENDA + "&from=" + from + "&to=" + from.plusDays(random.nextInt(left));
      case 4, 5, 6 -> "/api/v1/departments/" + BenchOffice.DEPARTMENT + "/slots?agenda=" + BenchOffice.AGENDA
          + "&from=" + from + "&to=" + from.plusDays(random.nextInt(Math.min(3, left)));
      default -> "/api/v1/departments/" + BenchOffice.DEPARTMENT + "/days?agenda=" + BenchOffice.AGENDA
          + "&from=" + from + "&to=" + from.plusDays(random.nextInt(left));
    };
    return RawHttp.get(path, random.nextBoolean() ? "Accept-Encoding: gzip\r\n" : "");
  }

  /** Counts collections, young and full, and the heap after each (from the JVM's own notifications). */
  private static void watchCollections() {
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    // the after-GC figures name every pool, metaspace and code cache too: count the heap's only
    Set<String> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    for (GarbageCollectorMXBean collector : collectors) {
      ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
        if (!measuring || !notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcCause().equals("System.gc()")) {
          return; // the harness's own, around the run (notifications come late, on a thread of their own)
        }
        // G1's "Old Generation", Serial's "MarkSweepCompact", Parallel's "PS MarkSweep": stop-the-world full collections
        String name = info.getGcName();
        if (name.contains("Old Generation") || name.contains("MarkSweep")) {
          FULL.incrementAndGet();
          System.out.println("full GC: " + info.getGcCause());
        } else if (!name.contains("Concurrent")) {
          YOUNG.incrementAndGet();
        }
        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream().filter(e -> heap.contains(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed()).sum();
        MAX_AFTER_GC.accumulateAndGet(after, Math::max);
      }, null, null);
    }
  }
}
