/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;

/**
 * One server node of the outbox takeover test: its own pool on the shared PostgreSQL database and
 * its own dispatcher with the default lease and claims, sending over SMTP. Run as a program, it is
 * the node that gets killed: it dispatches until the process dies.
 */
public final class NotifyNode {
  /** What the program prints once its dispatcher runs. */
  static final String DISPATCHING = "dispatching";

  private NotifyNode() {}

  static Injector create(String url, String user, String password, int smtpPort, Clock clock) {
    Settings settings = Settings.of(Map.of(
        "civicdiary.mail.transport", "smtp",
        "civicdiary.mail.from", "Praha 6 <diar@praha6.example>",
        "civicdiary.mail.smtp.host", "127.0.0.1",
        "civicdiary.mail.smtp.port", Integer.toString(smtpPort),
        "civicdiary.mail.smtp.security", "none"));
    return Guice.createInjector(
        new PersistenceModule(PersistenceConfig.builder().url(url).user(user).password(password).poolSize(4)
            .connectionTimeout(Duration.ofSeconds(30)).build()),
        new NotifyModule(settings),
        new AbstractModule() {
          @Override
          protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(clock);
          }
        });
  }

  /**
   * Arguments: the database's URL, user and password ({@code -} for none), the SMTP port, and the
   * clock's offset from the system clock in milliseconds (the test's clock, shared by both nodes).
   */
  public static void main(String[] args) throws InterruptedException {
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(args[4])));
    Injector node = create(args[0], none(args[1]), none(args[2]), Integer.parseInt(args[3]), clock);
    node.getInstance(OutboxDispatcher.class).start();
    System.out.println(DISPATCHING);
    System.out.flush();
    new CountDownLatch(1).await(); // until killed
  }

  static String orNone(String value) {
    return value == null ? "-" : value;
  }

  private static String none(String arg) {
    return "-".equals(arg) ? null : arg;
  }
}
