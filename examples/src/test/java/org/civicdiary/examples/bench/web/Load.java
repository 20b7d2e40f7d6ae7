/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Closed-loop (as fast as answers come) and open-loop (at a fixed rate) load over {@link RawHttp}.
 * Public for the national node and cluster benchmarks, which run the same client against nodes in JVMs of their own.
 */
public final class Load {
  private Load() {}

  /** What a run did: requests, statuses, rate and latency. */
  public record Result(String name, int connections, long requests, double seconds, Map<Integer, Long> statuses,
      long errors, long p50Micros, long p99Micros, long maxMicros) {
    public double perSecond() {
      return requests / seconds;
    }

    long notOnly(int allowed) {
      return statuses.entrySet().stream().filter(e -> e.getKey() != allowed && e.getKey() / 100 != 2)
          .mapToLong(Map.Entry::getValue).sum() + errors;
    }
  }

  /** Every connection sends the next request as soon as the last answer is in, for the duration after a warm-up. */
  public static Result closedLoop(String name, int port, int connections, Duration warmUp, Duration duration,
      Supplier<byte[]> requests) throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + duration.toNanos();
    Recorder[] recorders = new Recorder[connections];
    Thread[] threads = new Thread[connections];
    for (int i = 0; i < connections; i++) {
      Recorder recorder = new Recorder();
      recorders[i] = recorder;
      threads[i] = new Thread(() -> {
        try (RawHttp http = new RawHttp(port)) {
          for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            byte[] request = requests.get();
            long sent = System.nanoTime();
            int status = http.exchange(request);
            long done = System.nanoTime();
            if (sent >= measureFrom && done <= end) {
              recorder.record(status, done - sent);
            }
          }
        } catch (IOException e) {
          recorder.errors++;
        }
      }, name + "-" + i);
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    return Recorder.result(name, connections, duration.toNanos() / 1e9, recorders);
  }

  /**
   * Sends {@code count} requests at {@code perSecond} from a pool of connections, each timed from
   * when it was due (not when a connection was free), so a stalled server shows as latency; stops
   * sending when {@code limit} has passed.
   */
  public static Result openLoop(String name, int port, int connections, int perSecond, int count, Duration limit,
      Supplier<byte[]> requests) throws InterruptedException {
    BlockingQueue<long[]> due = new ArrayBlockingQueue<>(count + connections);
    Recorder[] recorders = new Recorder[connections];
    Thread[] threads = new Thread[connections];
    CountDownLatch ready = new CountDownLatch(connections);
    for (int i = 0; i < connections; i++) {
      Recorder recorder = new Recorder();
      recorders[i] = recorder;
      threads[i] = new Thread(() -> {
        try (RawHttp http = new RawHttp(port)) {
          ready.countDown();
          for (long[] job = due.take(); job[0] >= 0; job = due.take()) {
            int status = http.exchange(requests.get());
            recorder.record(status, System.nanoTime() - job[0]);
          }
        } catch (IOException e) {
          recorder.errors++;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, name + "-" + i);
      threads[i].start();
    }
    if (!ready.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("connections not open");
    }
    long period = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    long stopSending = start + limit.toNanos();
    int sent = 0;
    for (; sent < count; sent++) {
      long when = start + sent * period;
      if (when > stopSending) {
        break;
      }
      for (long wait = when - System.nanoTime(); wait > 0; wait = when - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      due.put(new long[] {when});
    }
    for (int i = 0; i < connections; i++) {
      due.put(new long[] {-1});
    }
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(60));
    }
    return Recorder.result(name, connections, (System.nanoTime() - start) / 1e9, recorders);
  }

  /** One connection's statuses and latencies. */
  private static final class Recorder {
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private long[] latencies = new long[1 << 14];
    private int n;
    private long errors;

    void record(int status, long nanos) {
      statuses.merge(status, 1L, Long::sum);
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
      }
      latencies[n++] = nanos;
    }

    static Result result(String name, int connections, double seconds, Recorder[] recorders) {
      Map<Integer, Long> statuses = new TreeMap<>();
      List<long[]> parts = new ArrayList<>();
      long errors = 0;
      int total = 0;
      for (Recorder r : recorders) {
        r.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
        parts.add(Arrays.copyOf(r.latencies, r.n));
        errors += r.errors;
        total += r.n;
      }
      long[] all = new long[total];
      int at = 0;
      for (long[] p : parts) {
        System.arraycopy(p, 0, all, at, p.length);
        at += p.length;
      }
      Arrays.sort(all);
      return new Result(name, connections, total, seconds, statuses, errors,
          percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1000);
    }

    private static long percentile(long[] sorted, double q) {
      return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1000;
    }
  }
}
