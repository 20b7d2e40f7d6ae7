/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU time goes during a run, from {@code /proc}: PostgreSQL's processes, the
 * nodes, HAProxy and this JVM (the load generator and the mail sink). On a machine where all of
 * them share the cores, a ratio to a ceiling measured alone says little without it.
 */
final class CpuSplit {
  /** Linux's USER_HZ, which {@code /proc/<pid>/stat} counts in on every common kernel. */
  private static final double TICKS_PER_SECOND = 100;
  private static final String DATABASE = "PostgreSQL";
  private static final String NODES = "nodes";
  private static final String BALANCER = "HAProxy";
  private static final String CLIENT = "load generator and mail sink";

  private CpuSplit() {}

  /** CPU seconds used so far by each group (processes that exited meanwhile are not counted). */
  static Map<String, Double> sample(Collection<Long> nodes) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (String group : new String[] {DATABASE, NODES, BALANCER, CLIENT}) {
      seconds.put(group, 0.0);
    }
    long self = ProcessHandle.current().pid();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
        long pid = Long.parseLong(p.getFileName().toString());
        String group = group(p, pid, self, nodes);
        if (group != null) {
          seconds.merge(group, ticks(p) / TICKS_PER_SECOND, Double::sum);
        }
      });
    } catch (IOException e) {
      // not Linux: nothing to split
    }
    return seconds;
  }

  /** What each group used between two samples. */
  static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> used = new LinkedHashMap<>();
    after.forEach((group, seconds) -> used.put(group, seconds - before.getOrDefault(group, 0.0)));
    return used;
  }

  private static String group(Path process, long pid, long self, Collection<Long> nodes) {
    if (pid == self) {
      return CLIENT;
    }
    if (nodes.contains(pid)) {
      return NODES;
    }
    String comm;
    try {
      comm = Files.readString(process.resolve("comm")).strip();
    } catch (IOException e) {
      return null; // gone meanwhile
    }
    return comm.startsWith("postgres") ? DATABASE : comm.equals("haproxy") ? BALANCER : null;
  }

  private static long ticks(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      // after the command's closing parenthesis: state is field 3, utime 14 and stime 15
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
