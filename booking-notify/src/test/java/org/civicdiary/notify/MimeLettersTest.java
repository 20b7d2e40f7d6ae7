/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.ReservationId;
import org.junit.jupiter.api.Test;

/** The message bytes kept once written are the bytes a full write gives, and a later change is not lost. */
class MimeLettersTest {
  private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
  private final Session session = Session.getInstance(new Properties());
  private final MimeLetters letters = new MimeLetters(MailConfig.builder().transport(MailConfig.Transport.SMTP)
      .from("Praha 6 <diar@praha6.example>").host("127.0.0.1").build(), session);

  @Test
  void theKeptBytesAreTheMessageAsAFullWriteGivesIt() throws Exception {
    MimeMessage letter = letters.letter(notice(), NOW);
    byte[] kept = bytes(letter, null);

    letter.setHeader("X-Probe", "1"); // forgets the kept bytes
    byte[] changed = bytes(letter, null);
    letter.removeHeader("X-Probe");
    byte[] full = bytes(letter, null);

    assertThat(new String(changed, StandardCharsets.UTF_8)).contains("X-Probe: 1");
    assertThat(kept).isEqualTo(full);
    String text = new String(kept, StandardCharsets.UTF_8);
    assertThat(text).contains("Content-Transfer-Encoding: quoted-printable").contains("Message-ID: <m1@praha6.example>");
    // What the server receives reads back as what was composed, diacritics and the invitation included.
    MimeMessage read = new MimeMessage(session, new ByteArrayInputStream(kept));
    String all = new String(bytesOfContent(read), StandardCharsets.UTF_8);
    assertThat(read.getSubject()).isEqualTo("Potvrzení schůzky");
    assertThat(all).contains("SUMMARY:Schůzka");
  }

  @Test
  void headersLeftOutBySmtpAreLeftOutOfTheKeptBytesToo() throws Exception {
    MimeMessage letter = letters.letter(notice(), NOW);
    letter.addHeader("Bcc", "archive@praha6.example");

    assertThat(new String(bytes(letter, new String[] {"Bcc", "Content-Length"}), StandardCharsets.UTF_8))
        .doesNotContain("Bcc:");
    assertThat(new String(bytes(letter, null), StandardCharsets.UTF_8)).contains("Bcc: archive@praha6.example");
  }

  private static byte[] bytes(MimeMessage message, String[] ignore) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out, ignore);
    return out.toByteArray();
  }

  /** Every part decoded, one after another. */
  private static byte[] bytesOfContent(MimeMessage message) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    collect(message.getContent(), out);
    return out.toByteArray();
  }

  private static void collect(Object content, ByteArrayOutputStream out) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i).getContent(), out);
      }
    } else if (content instanceof String s) {
      out.write(s.getBytes(StandardCharsets.UTF_8));
    } else if (content instanceof java.io.InputStream in) {
      out.write(in.readAllBytes());
    }
  }

  private static Notice notice() {
    OutboxMessage message = new OutboxMessage(MessageId.random(), MessageKind.CONFIRMATION, ReservationId.random(),
        OfficialId.of("novak"), NOW.plusSeconds(86_400), NOW.plusSeconds(87_300), 1, null, NOW, NOW,
        DeliveryState.PENDING, 0, null);
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Schůzka\r\n"
        + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    return new Notice("<m1@praha6.example>", message, Language.CS, "Jana Dvořáková", "jana@example.org", null,
        "Potvrzení schůzky", "Dobrý den,\nvaše schůzka je potvrzena: úterý 2. 3. 2027 v 9:00.\n",
        "<p>Dobrý den,</p><p>vaše schůzka je potvrzena: úterý 2. 3. 2027 v 9:00.</p>",
        new Invitation("REQUEST", ics), "https://praha6.example/manage/abc", ZoneId.of("Europe/Prague"));
  }
}
