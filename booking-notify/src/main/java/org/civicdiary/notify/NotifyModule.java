/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.civicdiary.booking.port.Chore;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.HousekeepingPeriods;
import org.civicdiary.guice.CivicDiaryService;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.guice.ForCivicDiary;
import org.civicdiary.guice.Lifecycle;

/**
 * E-mail to citizens and signed webhooks to integrators, wired from configuration. Binds {@link
 * OutboxDispatcher}, {@link WebhookDispatcher} and {@link BusyFeedPoller}, which {@link CivicDiaryService} starts and
 * stops, the housekeeping of the webhook delivery log, the channels as a {@code Set<Notifier>} (SMTP or the
 * mail-drop, by {@code civicdiary.mail.transport}; add your own with {@code
 * Multibinder.newSetBinder(binder(), Notifier.class)}), an optional {@link MailDrop} whose old
 * files the housekeeping removes, and the three configuration records. It needs a {@link Storage}
 * from another module; built from {@link Settings}, it installs the {@link CoreModule} for the
 * rest, so persistence and notify alone make a worker node:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new PersistenceModule(settings), new NotifyModule(settings));
 * injector.getInstance(CivicDiaryService.class).start();
 * }</pre>
 */
public final class NotifyModule extends AbstractModule {
  /** How long the mail-drop keeps a message file. */
  public static final String MAIL_DROP_AFTER = "civicdiary.housekeeping.mail-drop-after";
  public static final Duration DEFAULT_MAIL_DROP_AFTER = Duration.ofDays(7);
  private final NotifyConfig notify;
  private final MailConfig mail;
  private final Duration mailDropAfter;
  private final WebhookConfig webhooks;
  private final BusyFeedConfig busyFeeds;
  private final CoreModule core;

  /**
   * Reads the {@code civicdiary.notify.*} and {@code civicdiary.mail.*} keys, {@value
   * #MAIL_DROP_AFTER}, and (for the core module it installs) {@code civicdiary.housekeeping.*}.
   *
   * @throws org.civicdiary.booking.settings.InvalidSetting naming the key to fix
   */
  public NotifyModule(Settings settings) {
    this(NotifyConfig.from(settings), MailConfig.from(settings), HousekeepingPeriods.within(MAIL_DROP_AFTER,
        settings.duration(MAIL_DROP_AFTER, DEFAULT_MAIL_DROP_AFTER), Duration.ofHours(1), Duration.ofDays(3650)),
        WebhookConfig.from(settings), BusyFeedConfig.from(settings), new CoreModule(settings));
  }

  /**
   * From configuration records, keeping mail-drop files for {@link #DEFAULT_MAIL_DROP_AFTER}. It
   * installs no core module: install {@link CoreModule} beside it.
   */
  public NotifyModule(NotifyConfig notify, MailConfig mail) {
    this(notify, mail, DEFAULT_MAIL_DROP_AFTER, WebhookConfig.from(Settings.of(Map.of())),
        BusyFeedConfig.from(Settings.of(Map.of())), null);
  }

  private NotifyModule(NotifyConfig notify, MailConfig mail, Duration mailDropAfter, WebhookConfig webhooks,
      BusyFeedConfig busyFeeds, CoreModule core) {
    this.notify = Objects.requireNonNull(notify, "notify");
    this.mail = Objects.requireNonNull(mail, "mail");
    this.mailDropAfter = mailDropAfter;
    this.webhooks = webhooks;
    this.busyFeeds = busyFeeds;
    this.core = core;
  }

  @Override
  protected void configure() {
    if (core != null) {
      install(core);
    }
    bind(NotifyConfig.class).toInstance(notify);
    bind(MailConfig.class).toInstance(mail);
    bind(WebhookConfig.class).toInstance(webhooks);
    bind(BusyFeedConfig.class).toInstance(busyFeeds);
    Multibinder.newSetBinder(binder(), Lifecycle.class).addBinding().to(Delivery.class);
    Multibinder.newSetBinder(binder(), Chore.class).addBinding().to(WebhookLogCleaning.class);
    Multibinder<Notifier> channels = Multibinder.newSetBinder(binder(), Notifier.class);
    OptionalBinder<MailDrop> drop = OptionalBinder.newOptionalBinder(binder(), MailDrop.class);
    switch (mail.transport()) {
      case DROP -> {
        channels.addBinding().to(FileMailDrop.class);
        drop.setBinding().to(FileMailDrop.class);
        Multibinder.newSetBinder(binder(), Chore.class).addBinding().to(MailDropCleaning.class);
      }
      case SMTP -> channels.addBinding().to(SmtpNotifier.class);
      case NONE -> {
        // The integrator's module adds the channels.
      }
    }
  }

  @Provides
  @Singleton
  FileMailDrop mailDrop(@ForCivicDiary Clock clock) {
    return new FileMailDrop(mail, clock);
  }

  @Provides
  @Singleton
  SmtpNotifier smtp(@ForCivicDiary Clock clock) {
    return new SmtpNotifier(mail, clock);
  }

  @Provides
  @Singleton
  OutboxDispatcher dispatcher(Storage storage, @ForCivicDiary Clock clock, CivicDiary diary, Set<Notifier> channels) {
    return new OutboxWorkers(storage, clock, new Composer(storage, diary, clock, notify, mail), List.copyOf(channels),
        notify, new Backoff(notify.retryInitial(), notify.retryMax(), new Random()));
  }

  @Provides
  @Singleton
  WebhookDispatcher webhookDispatcher(Storage storage, @ForCivicDiary Clock clock) {
    return new WebhookWorkers(storage, clock, webhooks,
        new Backoff(webhooks.retryInitial(), webhooks.retryMax(), new Random()));
  }

  @Provides
  @Singleton
  BusyFeedPoller busyFeedPoller(Storage storage, CivicDiary diary, @ForCivicDiary Clock clock) {
    return new BusyFeedWorkers(storage, diary, clock, busyFeeds);
  }

  @Provides
  @Singleton
  MailDropCleaning mailDropCleaning(FileMailDrop drop) {
    return new MailDropCleaning(drop, mailDropAfter);
  }

  /** The e-mail and webhook dispatchers in the service's lifecycle. */
  static final class Delivery implements Lifecycle {
    private final OutboxDispatcher dispatcher;
    private final WebhookDispatcher webhooks;
    private final BusyFeedPoller busyFeeds;

    @jakarta.inject.Inject
    Delivery(OutboxDispatcher dispatcher, WebhookDispatcher webhooks, BusyFeedPoller busyFeeds) {
      this.dispatcher = dispatcher;
      this.webhooks = webhooks;
      this.busyFeeds = busyFeeds;
    }

    @Override
    public Phase phase() {
      return Phase.DELIVERY;
    }

    @Override
    public void start() {
      dispatcher.start();
      webhooks.start();
      busyFeeds.start();
    }

    @Override
    public void stop() {
      try {
        busyFeeds.stop();
        webhooks.stop();
      } finally {
        dispatcher.stop();
      }
    }
  }

  /** Removes delivered and given-up webhook deliveries older than {@value WebhookConfig#KEEP_LOG}. */
  static final class WebhookLogCleaning implements Chore {
    private final Storage storage;
    private final WebhookConfig config;

    @jakarta.inject.Inject
    WebhookLogCleaning(Storage storage, WebhookConfig config) {
      this.storage = storage;
      this.config = config;
    }

    @Override
    public String name() {
      return "webhook-deliveries";
    }

    @Override
    public int run(Instant now) {
      Instant cutoff = now.minus(config.keepLog());
      return storage.transactions().inTransaction(() -> storage.webhooks().removeFinishedBefore(cutoff));
    }
  }

  /**
   * Removes mail-drop files older than the period. A file's age is measured against the system
   * clock, as its time is the file system's: a demo or test that sets civic-diary's clock to
   * another day must not empty the folder at the first run.
   */
  static final class MailDropCleaning implements Chore {
    private final FileMailDrop drop;
    private final Duration keep;

    MailDropCleaning(FileMailDrop drop, Duration keep) {
      this.drop = drop;
      this.keep = keep;
    }

    @Override
    public String name() {
      return "mail-drop-files";
    }

    @Override
    public int run(Instant now) {
      return drop.removeWrittenBefore(Instant.now().minus(keep));
    }
  }
}
