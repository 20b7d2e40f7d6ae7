/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.DVORAKOVA;
import static org.civicdiary.notify.Town.HORSE;
import static org.civicdiary.notify.Town.NOVAK;
import static org.civicdiary.notify.Town.OPERATOR;
import static org.civicdiary.notify.Town.PHONE;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.DeliveryState;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.Displacement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every kind of message reaches a real SMTP server (GreenMail) whole and correct. */
class MessagesArriveTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String WHEN_CS = "úterý 2. března 2027 v 16:00";
  private static final String TOPIC = HORSE + " úpěl ďábelské ódy";
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
  void confirmationInCzechWithInvitation() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);

    Received r = only(MessageKind.CONFIRMATION);

    assertThat(r.subject()).isEqualTo("Potvrzení schůzky: " + WHEN_CS);
    assertThat(r.rawHeaders).contains("Subject: =?UTF-8?").doesNotContain("Potvrzení");
    // dated in the office's zone (Prague, winter time), whatever the server's zone
    assertThat(r.message.getHeader("Date")).containsExactly("Mon, 1 Mar 2027 09:00:00 +0100");
    assertCommonCzech(r, booked.reservation());
    assertThat(r.text).contains("na další potvrzení už nemusíte čekat", "16:00–16:15");
    assertInvitation(r, booked.reservation(), "REQUEST", 0, TUESDAY_16);
    assertThat(r.calendarText).contains("DTSTART;TZID=Europe/Prague:20270302T160000", "BEGIN:VTIMEZONE",
        "TZID:Europe/Prague");
  }

  @Test
  void reminderHasNoInvitation() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    only(MessageKind.CONFIRMATION);
    town.clock.set(TUESDAY_16.minus(Duration.ofDays(1)));

    Received r = only(MessageKind.REMINDER);

    assertThat(r.subject()).isEqualTo("Připomínka schůzky: " + WHEN_CS);
    assertCommonCzech(r, booked.reservation());
    assertThat(r.calendarText).isNull();
    assertThat(r.partTypes).hasSize(2);
  }

  @Test
  void cancelledByCitizenCancelsTheCalendarEntry() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    only(MessageKind.CONFIRMATION);
    Reservation cancelled = town.diary.managingOwnReservation().cancel(booked.token());

    Received r = only(MessageKind.CANCELLED_BY_CITIZEN);

    assertThat(r.subject()).isEqualTo("Schůzka zrušena: " + WHEN_CS);
    assertCommonCzech(r, cancelled);
    assertThat(r.text).contains("na Vaši žádost jsme schůzku zrušili");
    assertInvitation(r, cancelled, "CANCEL", 1, TUESDAY_16);
  }

  @Test
  void cancelledByOfficeCarriesTheStaffNote() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    only(MessageKind.CONFIRMATION);
    Reservation cancelled = town.diary.handlingReservations().cancel(OPERATOR, booked.reservation().id(),
        "Úřad je v úterý uzavřen kvůli havárii vody.");

    Received r = only(MessageKind.CANCELLED_BY_OFFICE);

    assertThat(r.subject()).isEqualTo("Úřad zrušil Vaši schůzku: " + WHEN_CS);
    assertCommonCzech(r, cancelled);
    assertThat(r.text).contains("Sdělení úřadu: Úřad je v úterý uzavřen kvůli havárii vody.");
    assertThat(r.html).contains("Úřad je v úterý uzavřen kvůli havárii vody.");
    assertInvitation(r, cancelled, "CANCEL", 1, TUESDAY_16);
  }

  @Test
  void displacedOffersProposalsThatTheManagePageAccepts() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    only(MessageKind.CONFIRMATION);
    town.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(NOVAK, TUESDAY_16.minus(Duration.ofHours(1)),
        TUESDAY_16.plus(Duration.ofHours(3)), AbsenceKind.ILLNESS, "nemoc"));
    Reservation displaced = town.storage.reservations().find(booked.reservation().id()).orElseThrow();

    Received r = only(MessageKind.DISPLACED);

    assertThat(r.subject()).isEqualTo("Změna v programu úředníka: Vaše schůzka " + WHEN_CS);
    assertCommonCzech(r, displaced);
    assertThat(r.text).contains("naši operátoři Vám zavolají nebo pošlou e-mail a dohodnou s Vámi náhradní termín",
        "Na původní termín prosím nechoďte");
    // Dvořáková is free at the very same time: the nearest proposal, with a one-click link.
    String link = "/manage/" + r.token().value() + "?official=dvorakova&start=2027-03-02T15%3A00%3A00Z";
    // One proposal a line, the link alone at its end: plain-text mail programs link it whole.
    String text = r.text.replace("\r\n", "\n");
    assertThat(text).contains("jen potvrdíte:\n- ")
        .contains("\n- " + WHEN_CS + " (Eva Dvořáková): https://diar.praha6.example" + link + "\n");
    assertThat(text.lines().filter(l -> l.startsWith("- ")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).matches("- .+\\): https://\\S+"));
    assertThat(r.html).contains("href=\"https://diar.praha6.example" + link.replace("&", "&amp;").replace("=", "&#61;") + "\"");
    assertThat(town.diary.managingOwnReservation().proposals(r.token()))
        .anySatisfy(p -> assertThat(p.official()).isEqualTo(DVORAKOVA));
    assertInvitation(r, displaced, "CANCEL", 1, TUESDAY_16);
  }

  @Test
  void anUndoneAbsenceSaysTheMeetingStandsAndRequestsTheSameEntryAgainWithAHigherSequence() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    only(MessageKind.CONFIRMATION);
    Displacement displacement = town.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(NOVAK,
        TUESDAY_16.minus(Duration.ofHours(1)), TUESDAY_16.plus(Duration.ofHours(3)), AbsenceKind.ILLNESS, "omyl"));
    only(MessageKind.DISPLACED);

    town.diary.recordingAbsence().remove(OPERATOR, AbsenceId.parse(displacement.subject()), true);
    Reservation restored = town.storage.reservations().find(booked.reservation().id()).orElseThrow();

    Received r = only(MessageKind.RESTORED);

    assertThat(r.subject()).isEqualTo("Vaše schůzka platí, jak byla objednána: " + WHEN_CS);
    assertCommonCzech(r, restored);
    assertThat(r.text).contains("byla zadána omylem", "Vaše schůzka platí, jak byla objednána", "16:00–16:15");
    assertThat(r.html).contains("Vaše schůzka platí, jak byla objednána");
    // The same calendar entry (its UID is the reservation's) comes back, one SEQUENCE above the CANCEL.
    assertInvitation(r, restored, "REQUEST", 2, TUESDAY_16);
  }

  @Test
  void rescheduledUpdatesTheInvitationWithAHigherSequence() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    only(MessageKind.CONFIRMATION);
    Instant later = TUESDAY_16.plus(Duration.ofMinutes(90));
    Reservation moved = town.diary.managingOwnReservation().reschedule(booked.token(), NOVAK, later);

    Received r = only(MessageKind.RESCHEDULED);

    assertThat(r.subject()).isEqualTo("Schůzka přesunuta na nový termín: úterý 2. března 2027 v 17:30");
    assertThat(r.text).contains("úterý 2. března 2027 v 17:30", "17:30–17:45");
    assertThat(town.diary.managingOwnReservation().view(r.token()).id()).isEqualTo(moved.id());
    assertInvitation(r, moved, "REQUEST", 1, later);
  }

  @Test
  void englishConfirmation() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.EN);

    Received r = only(MessageKind.CONFIRMATION);

    assertThat(r.subject()).isEqualTo("Your appointment is confirmed: Tuesday 2 March 2027 at 16:00");
    assertThat(r.message.getHeader("Content-Language")).containsExactly("en");
    assertThat(r.text).contains("Prague 6 Municipal Office", "Civil Affairs Department", "Identity cards", TOPIC,
        "Call our call centre on " + PHONE);
    assertThat(town.diary.managingOwnReservation().view(r.token()).id()).isEqualTo(booked.reservation().id());
    assertInvitation(r, booked.reservation(), "REQUEST", 0, TUESDAY_16);
  }

  /** Dispatches what is due and returns the one message that arrived, of the expected kind. */
  private Received only(MessageKind kind) throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
    while (dispatcher.dispatchOnce() > 0) {
      // until nothing is due
    }
    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    Received r = new Received(SMTP.getReceivedMessages()[0]);
    String id = r.messageId();
    assertThat(id).matches("<[0-9a-f-]{36}@praha6\\.example>");
    OutboxMessage sent = town.storage.outbox().find(MessageId.parse(id.substring(1, 37))).orElseThrow();
    assertThat(sent.kind()).isEqualTo(kind);
    assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
    return r;
  }

  private void assertCommonCzech(Received r, Reservation reservation) throws Exception {
    assertThat(r.to()).isEqualTo("kun@example.cz");
    assertThat(r.toName()).as("the plain address, no name the citizen typed").isNull();
    assertThat(r.message.getFrom()[0].toString()).isEqualTo("Praha 6 <diar@praha6.example>");
    assertThat(r.message.getHeader("Content-Language")).containsExactly("cs");
    assertThat(r.message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(r.partTypes.get(0)).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(r.partTypes.get(1)).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
    for (String body : new String[] {r.text, r.html}) {
      assertThat(body).contains(WHEN_CS, TOPIC, "Jan Novák", "Odbor občanských záležitostí",
          "Úřad městské části Praha 6", "Občanské průkazy", "Radnice Prahy 6, Čs. armády 601/23, Praha 6, kancelář 212, 2. patro",
          PHONE, "https://diar.praha6.example/manage/" + r.token().value());
    }
    assertThat(r.html).contains("<html lang=\"cs\">");
    assertThat(town.diary.managingOwnReservation().view(r.token()).id()).isEqualTo(reservation.id());
  }

  private static void assertInvitation(Received r, Reservation reservation, String method, int sequence, Instant start)
      throws Exception {
    assertThat(r.calendarContentType).startsWith("text/calendar").contains("method=" + method);
    Calendar calendar = r.calendar();
    assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
    VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    assertThat(event.getProperty("UID").orElseThrow().getValue())
        .isEqualTo("reservation-" + reservation.id() + "@praha6.example");
    assertThat(event.getSequence().getSequenceNo()).isEqualTo(sequence);
    assertThat(reservation.sequence()).isEqualTo(sequence);
    assertThat(instant(event.getProperty("DTSTART").orElseThrow())).isEqualTo(start);
    assertThat(instant(event.getProperty("DTEND").orElseThrow())).isEqualTo(start.plus(Duration.ofMinutes(15)));
    assertThat(event.getStatus().getValue()).isEqualTo(method.equals("CANCEL") ? "CANCELLED" : "CONFIRMED");
    // the same object as an attachment, for clients that show only the HTML part
    assertThat(r.message.isMimeType("multipart/mixed")).isTrue();
    assertThat(r.attachments).hasSize(1);
    assertThat(r.attachments.get(0).getContentType()).startsWith("application/ics");
    assertThat(r.attachments.get(0).getDisposition()).isEqualTo("attachment");
    assertThat(r.attachment("invite.ics")).isEqualTo(r.calendarText);
    // RFC 5545 3.1: lines of at most 75 octets, Czech letters counting two
    assertThat(r.calendarText.split("\r\n"))
        .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
    assertThat(r.calendarText).endsWith("END:VCALENDAR\r\n");
    assertThat(python(r.calendarText)).containsExactly(
        method + " " + reservation.id() + " " + sequence + " " + start.toString().replace("Z", "+00:00").replace("T", " "));
  }

  /**
   * The calendar read by Debian's python3-icalendar (absolute path: the PATH's python3 may be
   * another one), which must find no error in any component: "METHOD id SEQUENCE start-in-UTC".
   * Fails when the module is missing; .ci/run installs it.
   */
  static List<String> python(String ics) throws Exception {
    String script = """
        import sys, icalendar, datetime
        cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
        errors = [e for c in cal.walk() for e in c.errors]
        if errors:
            sys.exit('errors: %s' % errors)
        for e in cal.walk('VEVENT'):
            uid = str(e['UID'])
            start = e.decoded('DTSTART').astimezone(datetime.timezone.utc)
            print(str(cal['METHOD']), uid[len('reservation-'):uid.index('@')], int(e['SEQUENCE']), start)
        """;
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).start();
    p.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("python3-icalendar: " + err).isZero();
    return out.lines().toList();
  }

  @SuppressWarnings("unchecked")
  private static Instant instant(Object property) {
    return Instant.from(((DateProperty<Temporal>) property).getDate());
  }
}
