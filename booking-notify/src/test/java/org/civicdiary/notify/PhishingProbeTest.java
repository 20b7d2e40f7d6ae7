/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14 item 5: anyone can book with anyone's address, so the town hall's mail must not carry a
 * stranger's words as its own. The probe goes through the real path (use case, outbox, dispatcher,
 * the mail-drop's .eml) and the written message is read back as a mail client would.
 */
class PhishingProbeTest {
  private static final String NAME = "Finance Dept – unpaid fee, pay at www.praha6-platby.cz";
  private static final String TOPIC = "Your fee of 2500 CZK is unpaid. Pay today at https://pay-praha6.example/fee?id=7 "
      + "or www.praha6-platby.cz, questions to billing@praha6-platby.cz";
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

  @TempDir
  Path folder;

  @ParameterizedTest
  @CsvSource({"CS, 'Téma, jak jste ho zadali:'", "EN, 'Topic as you wrote it:'"})
  void theProbeArrivesWithoutADisplayNameOrALinkAndMarkedAsTheCitizensText(Language language, String marking)
      throws Exception {
    Town town = new Town();
    Injector injector = Guice.createInjector(new NotifyModule(Settings.of(Map.of(
        "civicdiary.mail.drop.folder", folder.toString(),
        "civicdiary.notify.public-base-url", "https://diar.praha6.example/"))), MailDropTest.host(town));
    MailDrop drop = injector.getInstance(Key.get(new TypeLiteral<Optional<MailDrop>>() {})).orElseThrow();

    town.book(TUESDAY_16, NAME, "obet@example.cz", TOPIC, language);
    assertThat(injector.getInstance(OutboxDispatcher.class).dispatchOnce()).isEqualTo(1);

    DroppedMail dropped = drop.newest(1).get(0);
    MimeMessage eml;
    try (InputStream in = Files.newInputStream(folder.resolve(dropped.id() + ".eml"))) {
      eml = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(eml.getHeader("To", ",")).isEqualTo("obet@example.cz");
    InternetAddress to = (InternetAddress) eml.getRecipients(Message.RecipientType.TO)[0];
    assertThat(to.getPersonal()).as("no display name a stranger wrote").isNull();

    DroppedMail.Content content = drop.open(dropped.id()).orElseThrow();
    for (String part : List.of(content.text(), content.html(), content.calendar().replace("\r\n ", ""))) {
      assertThat(part).doesNotContain("https://pay-praha6", "www.praha6-platby.cz", "pay-praha6.example",
          "billing@praha6-platby.cz");
    }
    assertThat(content.text()).contains(marking, "https[:]//pay-praha6[.]example/fee?id=7", "www[.]praha6-platby[.]cz");
    assertThat(content.html()).contains(marking, "https[:]//pay-praha6[.]example/fee");
    assertThat(content.calendar().replace("\r\n ", "")).contains("https[:]//pay-praha6[.]example");
    Matcher links = HREF.matcher(content.html());
    while (links.find()) {
      assertThat(links.group(1)).as("every link is the office's own")
          .matches("https://diar\\.praha6\\.example/.*|tel:.*");
    }
    town.clock.advance(Duration.ofMinutes(1));
  }
}
