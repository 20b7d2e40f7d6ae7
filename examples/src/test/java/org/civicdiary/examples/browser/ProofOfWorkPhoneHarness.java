/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.browser;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.ProofOfWorkSettings;
import org.civicdiary.web.WebModule;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * How long the widget's proof-of-work solver takes on a low-end phone: Chromium with its CPU slowed
 * fourfold (CDP {@code Emulation.setCPUThrottlingRate}), each of N challenges of the server at the
 * default difficulty fetched and then solved by the widget's own {@code pow.js} in the page (the
 * code the widget runs in its Worker), timed in the page around the solving only. Prints the median
 * and the spread for throttling 1 and 4; the goal is a median of at most 1 s at ×4.
 *
 * <p>Arguments (optional): number of challenges (default 30).
 */
public final class ProofOfWorkPhoneHarness {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-12T08:30:00Z"), ZoneOffset.UTC);

  private ProofOfWorkPhoneHarness() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Injector injector = Guice.createInjector(new WebModule(Settings.of(Map.of(
            "civicdiary.web.port", "0",
            "civicdiary.web.rate.queries-per-address", "100000/PT1M",
            // Only the default difficulty, never the burst's higher one.
            ProofOfWorkSettings.BURST, "100000/PT1M"))),
        binder -> binder.bind(Storage.class).toInstance(InMemoryStorage.create()),
        binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding().toInstance(CLOCK));
    BookingServer server = BookingServer.start(injector);
    try (Browser browser = Browser.start(CLOCK)) {
      browser.open(server.uri() + "/console/");
      ChromeDriver chrome = (ChromeDriver) browser.driver();
      System.out.println("| CPU throttling | challenges | maxnumber | median ms | p10 ms | p90 ms | max ms |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
      for (int rate : new int[] {1, 4}) {
        chrome.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", rate));
        List<Double> millis = new ArrayList<>();
        long maxNumber = 0;
        solveOnce(browser, server);
        for (int i = 0; i < count; i++) {
          Map<?, ?> r = solveOnce(browser, server);
          millis.add(((Number) r.get("ms")).doubleValue());
          maxNumber = ((Number) r.get("max")).longValue();
        }
        Collections.sort(millis);
        System.out.printf("| ×%d | %d | %,d | %.0f | %.0f | %.0f | %.0f |%n", rate, count, maxNumber, at(millis, 0.5),
            at(millis, 0.1), at(millis, 0.9), millis.get(millis.size() - 1));
      }
      chrome.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
    } finally {
      server.stop();
    }
    System.out.println();
    System.out.println(System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores, load "
        + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private static Map<?, ?> solveOnce(Browser browser, BookingServer server) {
    Object result = browser.jsAsync("""
        const done = arguments[arguments.length - 1];
        (async () => {
          const { solve } = await import(arguments[0] + '/static/widget/pow.js');
          const c = await (await fetch(arguments[0] + '/api/v1/challenge', { cache: 'no-store' })).json();
          const start = performance.now();
          const number = solve(c.challenge, c.salt, c.maxnumber);
          const ms = performance.now() - start;
          done({ ms, max: c.maxnumber, solved: number !== null });
        })().catch((e) => done({ ms: -1, max: 0, error: String(e) }));
        """, server.uri().toString());
    Map<?, ?> r = (Map<?, ?>) result;
    if (!Boolean.TRUE.equals(r.get("solved"))) {
      throw new IllegalStateException("not solved: " + r);
    }
    return r;
  }

  private static double at(List<Double> sorted, double q) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
  }
}
