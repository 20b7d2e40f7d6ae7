/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import net.fortuna.ical4j.model.component.VEvent;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever a citizen types into the name and topic arrives as text: no header, no markup. */
class InjectionTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String NAME = "\"<b>Eva</b>\" <evil@example.com>, Mallory";
  private static final String TOPIC = "<script>alert('x')</script> & <img src=x onerror=alert(1)>\r\n"
      + "Bcc: evil@example.com\r\nSubject: pwned\r\n\r\n<a href=\"https://evil.example\">klikni</a>";
  private Town town;
  private OutboxWorkers dispatcher;

  @BeforeEach
  void setUp() {
    town = new Town();
    dispatcher = town.smtpDispatcher(SMTP.getSmtp().getPort());
  }

  @AfterEach
  void tearDown() {
    dispatcher.stop();
  }

  @Test
  void nameAndTopicCannotAddHeadersRecipientsOrMarkup() throws Exception {
    town.book(TUESDAY_16, NAME, "kun@example.cz", TOPIC, Language.CS);

    dispatcher.dispatchOnce();

    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    // Only the citizen's mailbox received anything: nothing was delivered to the address in the name.
    assertThat(SMTP.getUserManager().listUser()).extracting(u -> u.getEmail()).containsExactly("kun@example.cz");
    Received r = new Received(SMTP.getReceivedMessages()[0]);
    assertThat(r.message.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("kun@example.cz");
    assertThat(r.toName()).as("the name is never the display name (issue 14 item 5)").isNull();
    assertThat(r.message.getHeader("Bcc")).isNull();
    assertThat(r.message.getHeader("Subject")).hasSize(1);
    assertThat(r.subject()).startsWith("Potvrzení schůzky");
    assertThat(r.rawHeaders).doesNotContain("pwned").doesNotContainPattern("(?m)^Bcc:");

    assertThat(r.html)
        .doesNotContain("<script>", "<img", "<a href=\"https://evil.example\"", "<b>Eva</b>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src&#61;x onerror&#61;alert(1)&gt;");
    // Plain text is not HTML: it shows what was typed.
    assertThat(r.text).contains("<script>alert('x')</script>", "Bcc: evil@example[.]com");

    VEvent event = r.calendar().<VEvent>getComponent("VEVENT").orElseThrow();
    assertThat(event.getDescription().getValue()).startsWith("Téma, jak jste ho zadali: <script>alert('x')</script>")
        .contains("Subject: pwned");
    assertThat(r.calendarText).doesNotContainPattern("(?m)^(Bcc|Subject):");
  }

  @Test
  void theCoreRejectsLineBreaksInNamesAlready() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Citizen("Eva\r\nBcc: evil@example.com", "e@example.cz", null))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void aLineBreakThatReachesTheNoticeNeverReachesAHeader() {
    assertThat(SafeText.oneLine("Potvrzení\r\nBcc: evil@example.com\u2028X")).isEqualTo("Potvrzení Bcc: evil@example.com X");
  }
}
