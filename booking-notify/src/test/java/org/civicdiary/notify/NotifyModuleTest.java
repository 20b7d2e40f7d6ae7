/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wiring from configuration, an integrator's own channel, and configuration errors that say what to set. */
class NotifyModuleTest {
  @TempDir
  Path folder;

  @Test
  void smtpTransportBindsTheSmtpChannelAndNoMailDrop() {
    Town town = new Town();
    Injector injector = Guice.createInjector(new NotifyModule(Settings.of(Map.of(
        "civicdiary.mail.transport", "smtp", "civicdiary.mail.smtp.host", "mail.example.cz"))), MailDropTest.host(town));

    assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<Notifier>>() {})))
        .extracting(Notifier::name).containsExactly("smtp");
    assertThat(injector.getInstance(Key.get(new TypeLiteral<Optional<MailDrop>>() {}))).isEmpty();
    assertThat(injector.getInstance(OutboxDispatcher.class)).isSameAs(injector.getInstance(OutboxDispatcher.class));
    MailConfig mail = injector.getInstance(MailConfig.class);
    assertThat(mail.port()).isEqualTo(587);
    assertThat(mail.security()).isEqualTo(MailConfig.Security.STARTTLS);
  }

  @Test
  void anIntegratorsChannelGetsEveryNoticeFromTheBackgroundDispatcherPromptly() throws Exception {
    Town town = new Town();
    Recorder sms = new Recorder();
    Injector injector = Guice.createInjector(new NotifyModule(Settings.of(Map.of(
        "civicdiary.mail.drop.folder", folder.toString(),
        "civicdiary.notify.poll-interval", "PT0.5S"))), MailDropTest.host(town), new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder.newSetBinder(binder(), Notifier.class).addBinding().toInstance(sms);
          }
        });
    OutboxDispatcher dispatcher = injector.getInstance(OutboxDispatcher.class);
    dispatcher.start();
    try {
      town.bookHorse(TUESDAY_16, Language.CS);

      assertThat(sms.arrived.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      dispatcher.stop();
    }
    assertThat(sms.notices).hasSize(1);
    Notice notice = sms.notices.get(0);
    assertThat(notice.message().kind()).isEqualTo(MessageKind.CONFIRMATION);
    assertThat(notice.email()).isEqualTo("kun@example.cz");
    assertThat(notice.manageLink()).startsWith("http://localhost:8080/manage/");
    assertThat(notice.toString()).doesNotContain("kun", "Příliš");
    assertThat(injector.getInstance(Key.get(new TypeLiteral<Optional<MailDrop>>() {})).orElseThrow().newest(5))
        .hasSize(1);
  }

  @Test
  void badSettingsNameTheKeyToFix() {
    assertThatThrownBy(() -> new NotifyModule(Settings.of(Map.of("civicdiary.mail.transport", "pigeon"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.mail.transport")
        .hasMessageContaining("smtp, drop");
    assertThatThrownBy(() -> new NotifyModule(Settings.of(Map.of("civicdiary.mail.transport", "smtp"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.mail.smtp.host");
    assertThatThrownBy(() -> new NotifyModule(Settings.of(Map.of("civicdiary.notify.public-base-url", "ftp://x"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.notify.public-base-url");
    assertThatThrownBy(() -> new NotifyModule(Settings.of(Map.of("civicdiary.mail.from", "not an address"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.mail.from");
    assertThatThrownBy(() -> new NotifyModule(Settings.of(Map.of("civicdiary.notify.templates", "/no/such/folder"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.notify.templates");
    assertThatThrownBy(() -> new NotifyModule(Settings.of(Map.of("civicdiary.notify.max-attempts", "0"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.notify.max-attempts");
  }

  @Test
  void thePasswordIsNeverPrinted() {
    MailConfig mail = MailConfig.from(Settings.of(Map.of("civicdiary.mail.transport", "smtp", "civicdiary.mail.smtp.security", "smtps",
        "civicdiary.mail.smtp.host", "mail.example.cz", "civicdiary.mail.smtp.user", "diar",
        "civicdiary.mail.smtp.password", "tajne-heslo-123")));
    assertThat(mail.toString()).doesNotContain("tajne-heslo-123");
    assertThat(mail.port()).isEqualTo(465);
    assertThat(SmtpNotifier.properties(mail, "smtps")).containsEntry("mail.smtps.auth", "true")
        .containsEntry("mail.smtps.ssl.checkserveridentity", "true");
  }

  @Test
  void smtpSocketsSendShortWritesAtOnce() throws Exception {
    MailConfig plain = Town.smtpConfig(25);
    Object factory = SmtpNotifier.properties(plain, "smtp").get("mail.smtp.socketFactory");
    // Jakarta Mail takes any SSLSocketFactory for TLS and would not use it for a plain connection.
    assertThat(factory).isInstanceOf(javax.net.SocketFactory.class).isNotInstanceOf(javax.net.ssl.SSLSocketFactory.class);
    try (java.net.Socket socket = ((javax.net.SocketFactory) factory).createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
    MailConfig smtps = MailConfig.from(Settings.of(Map.of("civicdiary.mail.transport", "smtp",
        "civicdiary.mail.smtp.host", "mail.example.cz", "civicdiary.mail.smtp.security", "smtps")));
    Object tls = SmtpNotifier.properties(smtps, "smtps").get("mail.smtps.ssl.socketFactory");
    try (java.net.Socket socket = ((javax.net.ssl.SSLSocketFactory) tls).createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  private static final class Recorder implements Notifier {
    final List<Notice> notices = new CopyOnWriteArrayList<>();
    final CountDownLatch arrived = new CountDownLatch(1);

    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public void deliver(Notice notice) {
      notices.add(notice);
      arrived.countDown();
    }
  }
}
