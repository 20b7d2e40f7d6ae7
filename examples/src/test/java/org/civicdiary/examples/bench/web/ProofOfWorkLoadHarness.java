/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.ProvingWork;
import org.civicdiary.booking.usecase.Solution;
import org.civicdiary.examples.bench.web.Load.Result;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.testkit.contract.ProofOfWorkContract;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.ProofOfWorkSettings;

/**
 * Booking over HTTP on PostgreSQL with the proof of work checked, against the same with it off, in
 * the same run: runs of each in turn (off, on, off, on…) on two servers over one database, so that
 * the machine's drift hits both alike. The client's solutions are made before the timed runs (a
 * pool of challenges signed with the server's configured key, solved up front), so only the
 * server's check is measured: the hash, the HMAC and the spent challenge's row. Prints a Markdown
 * table and the ratio of the booking rates (goal ≥ 0.9).
 *
 * <p>Arguments (optional): seconds per run (default 5), pairs of runs (default 3), connections
 * (default 16).
 */
public final class ProofOfWorkLoadHarness {
  private static final String KEY = "benchmark-hmac-key-of-at-least-32-characters";
  /** Any difficulty costs the server the same; a small one keeps the pool quick to solve. */
  private static final long DIFFICULTY = 1_000;

  private ProofOfWorkLoadHarness() {}

  public static void main(String[] args) throws Exception {
    Duration run = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    Duration warmUp = Duration.ofSeconds(1);
    String before = HttpLoadHarness.loadAverage();
    try (FreshDatabase database = FreshDatabase.postgres("powbench");
        JdbcStorage jdbc = JdbcStorage.start(PersistenceConfig.builder().url(database.url()).user(database.user())
            .password(database.password()).poolSize(20).connectionTimeout(Duration.ofSeconds(60)).build())) {
      Storage storage = jdbc.storage();
      BenchOffice.seed(storage);
      BookingServer off = HttpLoadHarness.api(storage, Map.of("civicdiary.web.free-time-cache", "PT2S",
          ProofOfWorkSettings.MAX_NUMBER, "0"));
      BookingServer on = HttpLoadHarness.api(storage, Map.of("civicdiary.web.free-time-cache", "PT2S",
          ProofOfWorkSettings.MAX_NUMBER, Long.toString(DIFFICULTY), ProofOfWorkSettings.HMAC_KEY, KEY));
      try {
        List<String[]> slots = BenchOffice.slots(HttpLoadHarness.CLOCK);
        AtomicInteger next = new AtomicInteger();
        // More than the runs use on this machine; were it ever exhausted, reused ones would show as 403s.
        List<String> proofs = pool(20_000);
        AtomicInteger proof = new AtomicInteger();
        Supplier<byte[]> plain = () -> booking(slots, next.getAndIncrement(), null);
        Supplier<byte[]> proven = () -> booking(slots, next.getAndIncrement(), proofs.get(proof.getAndIncrement() % proofs.size()));
        System.out.println("| run | connections | bookings (201) | per second | statuses | p50 ms | p99 ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        double offRate = 0;
        double onRate = 0;
        Load.closedLoop("warm-up", off.port(), connections, Duration.ofSeconds(3), Duration.ofSeconds(1), plain);
        Load.closedLoop("warm-up", on.port(), connections, Duration.ofSeconds(3), Duration.ofSeconds(1), proven);
        for (int i = 0; i < pairs; i++) {
          offRate += row("proof of work off", Load.closedLoop("off", off.port(), connections, warmUp, run, plain));
          onRate += row("proof of work on", Load.closedLoop("on", on.port(), connections, warmUp, run, proven));
        }
        System.out.println();
        System.out.printf("booking rate with the proof of work on / off: %.0f / %.0f per second = %.2f (goal ≥ 0.9)%n",
            onRate / pairs, offRate / pairs, onRate / offRate);
      } finally {
        off.stop();
        on.stop();
      }
    }
    System.out.println("load average before: " + before + "; after: " + HttpLoadHarness.loadAverage() + "; cores: "
        + Runtime.getRuntime().availableProcessors());
  }

  /** Challenges of the server's kind (its key, its clock), solved now: the Altcha header values. */
  private static List<String> pool(int size) {
    ProvingWork work = CivicDiary.builder().storage(org.civicdiary.booking.memory.InMemoryStorage.create())
        .clock(HttpLoadHarness.CLOCK).build().provingWork(KEY, Duration.ofMinutes(10));
    List<String> pool = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Solution s = ProofOfWorkContract.solve(work.challenge(DIFFICULTY));
      String json = "{\"algorithm\":\"" + s.algorithm() + "\",\"challenge\":\"" + s.challenge() + "\",\"number\":" + s.number()
          + ",\"salt\":\"" + s.salt() + "\",\"signature\":\"" + s.signature() + "\"}";
      pool.add(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }
    return pool;
  }

  private static byte[] booking(List<String[]> slots, int i, String proof) {
    String[] slot = slots.get(i % slots.size());
    String json = "{\"official\":\"" + slot[0] + "\",\"agenda\":\"" + BenchOffice.AGENDA + "\",\"start\":\"" + slot[1]
        + "\",\"name\":\"Bench Citizen\",\"email\":\"pow-" + i + "@example.cz\",\"topic\":\"load\",\"language\":\"en\"}";
    return RawHttp.postJson("/api/v1/reservations", json, proof == null ? Map.of() : Map.of("Altcha", proof));
  }

  private static double row(String name, Result r) {
    double booked = r.statuses().getOrDefault(201, 0L) / r.seconds();
    System.out.printf("| %s | %d | %,d | %,.0f | %s | %.1f | %.1f |%n", name, r.connections(),
        r.statuses().getOrDefault(201, 0L), booked, r.statuses(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0);
    return booked;
  }
}
