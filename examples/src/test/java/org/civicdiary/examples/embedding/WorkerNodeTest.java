/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.guice.CivicDiaryService;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.web.WebModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Persistence, notify and the core, without the web module, make a node that sends e-mail. */
class WorkerNodeTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
  @TempDir Path data;

  @Test
  void aWorkerWithoutTheWebModuleSendsTheConfirmationOfABookingThroughSmtp() throws Exception {
    Settings settings = Settings.of(Map.of(
        "civicdiary.db.url", "jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
        "civicdiary.mail.transport", "smtp",
        "civicdiary.mail.from", "Radnice <diar@radnice.example>",
        "civicdiary.mail.smtp.host", "127.0.0.1",
        "civicdiary.mail.smtp.port", Integer.toString(SMTP.getSmtp().getPort()),
        "civicdiary.mail.smtp.security", "none",
        "civicdiary.notify.public-base-url", "https://diar.radnice.example",
        "civicdiary.notify.poll-interval", "PT0.1S"));
    Clock monday = Clock.fixed(SmallTownHall.MONDAY, ZoneOffset.UTC);
    try (WorkerNode worker = WorkerNode.start(settings,
        binder -> OptionalBinder.newOptionalBinder(binder, CoreModule.CLOCK).setBinding().toInstance(monday))) {
      Injector injector = worker.injector();
      assertThat(injector.getExistingBinding(WebModule.HANDLER)).as("no web module").isNull();
      assertThat(injector.getExistingBinding(Key.get(io.undertow.server.HttpHandler.class))).isNull();
      assertThat(injector.getInstance(CivicDiaryService.class).running()).isTrue();
      SmallTownHall.seed(injector.getInstance(org.civicdiary.booking.port.Storage.class));

      Booked booked = SmallTownHall.book(injector.getInstance(CivicDiary.class));

      assertThat(SMTP.waitForIncomingEmail(20_000, 1)).as("the confirmation arrives").isTrue();
      MimeMessage confirmation = SMTP.getReceivedMessages()[0];
      assertThat(confirmation.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
          .containsExactly("jan.kovar@example.cz");
      assertThat(confirmation.getSubject()).startsWith("Potvrzení schůzky");
      assertThat(confirmation.getMessageID()).endsWith("@radnice.example>");
      assertThat(GreenMailUtil.getBody(confirmation)).contains("https://diar.radnice.example/manage/");
      assertThat(booked.reservation().citizen().email()).isEqualTo("jan.kovar@example.cz");
    }
  }
}
