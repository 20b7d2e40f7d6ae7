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
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;

/**
 * E-mail to citizens, wired from configuration. Binds {@link OutboxDispatcher} (start it when the
 * server starts, stop it when it stops), the channels as a {@code Set<Notifier>} (SMTP or the
 * mail-drop, by {@code civicdiary.mail.transport}; add your own with {@code
 * Multibinder.newSetBinder(binder(), Notifier.class)}), an optional {@link MailDrop}, and the two
 * configuration records. It needs {@link Storage}, {@link Clock} and {@link CivicDiary} from other
 * modules and binds none of them.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new PersistenceModule(settings), new WebModule(settings),
 *     new NotifyModule(settings));
 * OutboxDispatcher dispatcher = injector.getInstance(OutboxDispatcher.class);
 * dispatcher.start();
 * }</pre>
 */
public final class NotifyModule extends AbstractModule {
  private final NotifyConfig notify;
  private final MailConfig mail;

  /**
   * @throws org.civicdiary.booking.settings.InvalidSetting naming the key to fix
   */
  public NotifyModule(Settings settings) {
    this(NotifyConfig.from(settings), MailConfig.from(settings));
  }

  public NotifyModule(NotifyConfig notify, MailConfig mail) {
    this.notify = Objects.requireNonNull(notify, "notify");
    this.mail = Objects.requireNonNull(mail, "mail");
  }

  @Override
  protected void configure() {
    bind(NotifyConfig.class).toInstance(notify);
    bind(MailConfig.class).toInstance(mail);
    Multibinder<Notifier> channels = Multibinder.newSetBinder(binder(), Notifier.class);
    OptionalBinder<MailDrop> drop = OptionalBinder.newOptionalBinder(binder(), MailDrop.class);
    switch (mail.transport()) {
      case DROP -> {
        channels.addBinding().to(FileMailDrop.class);
        drop.setBinding().to(FileMailDrop.class);
      }
      case SMTP -> channels.addBinding().to(SmtpNotifier.class);
      case NONE -> {
        // The integrator's module adds the channels.
      }
    }
  }

  @Provides
  @Singleton
  FileMailDrop mailDrop(Clock clock) {
    return new FileMailDrop(mail, clock);
  }

  @Provides
  @Singleton
  SmtpNotifier smtp(Clock clock) {
    return new SmtpNotifier(mail, clock);
  }

  @Provides
  @Singleton
  OutboxDispatcher dispatcher(Storage storage, Clock clock, CivicDiary diary, Set<Notifier> channels) {
    return new Dispatcher(storage, clock, new Composer(storage, diary, clock, notify, mail), List.copyOf(channels),
        notify, new Backoff(notify.retryInitial(), notify.retryMax(), new Random()));
  }
}
