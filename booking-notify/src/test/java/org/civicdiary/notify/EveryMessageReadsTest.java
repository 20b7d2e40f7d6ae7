/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.DVORAKOVA;
import static org.civicdiary.notify.Town.ID_CARDS;
import static org.civicdiary.notify.Town.NOVAK;
import static org.civicdiary.notify.Town.OPERATOR;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.Displacement;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.WaitingListRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13: every kind of message, in Czech and English, read through a real SMTP server (GreenMail)
 * the way a client that shows only the HTML part shows it: its words say what happened, the
 * displaced and cancelled ones name the official who was to see the citizen as such (not as the one
 * who "will see you") and do not ask whether the time suits; a move says whether the time moved or
 * only the official changed. Where a calendar applies the {@code invite.ics} attachment is there,
 * read by Debian's python3-icalendar, every line at most 75 octets.
 */
class EveryMessageReadsTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
  private static final Pattern OFFER = Pattern.compile("/waiting-list/(entry|offer)/([A-Za-z0-9_-]{43})");

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

  /** The words of each message, by language: what its visible HTML must say and must not. */
  private record Words(String heading, String who, String... more) {}

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyKindSaysWhatHappenedInTheHtmlPartAndCarriesItsCalendar(Language lang) throws Exception {
    boolean cs = lang == Language.CS;
    Map<MessageKind, Received> seen = new EnumMap<>(MessageKind.class);
    String novak = "Jan Novák";
    String dvorakova = "Eva Dvořáková";
    String at16 = cs ? "úterý 2. března 2027 v 16:00" : "Tuesday 2 March 2027 at 16:00";
    String at1730 = cs ? "úterý 2. března 2027 v 17:30" : "Tuesday 2 March 2027 at 17:30";

    Booked booked = town.bookHorse(TUESDAY_16, lang);
    Received confirmation = only(MessageKind.CONFIRMATION, seen);
    assertThat(visible(confirmation.html)).contains(cs ? "Vaše schůzka je potvrzena" : "Your appointment is confirmed",
        (cs ? "Kdo Vás přijme " : "Who will see you ") + novak, at16,
        cs ? "nebo se Vám termín nehodí?" : "or does the time not suit you?");
    assertCalendar(confirmation, "REQUEST", booked.reservation(), 0, TUESDAY_16);

    town.clock.set(TUESDAY_16.minus(Duration.ofDays(1)));
    Received reminder = only(MessageKind.REMINDER, seen);
    assertThat(visible(reminder.html)).contains(cs ? "Připomínáme Vaši schůzku" : "A reminder of your appointment",
        (cs ? "Kdo Vás přijme " : "Who will see you ") + novak);
    assertNoCalendar(reminder);

    Instant later = TUESDAY_16.plus(Duration.ofMinutes(90));
    Reservation moved = town.diary.managingOwnReservation().reschedule(booked.token(), NOVAK, later);
    Received timeMoved = only(MessageKind.RESCHEDULED, seen);
    assertThat(timeMoved.subject()).isEqualTo((cs ? "Schůzka přesunuta na nový termín: " : "Your appointment has moved: ")
        + at1730);
    assertThat(visible(timeMoved.html)).contains(cs ? "Vaše schůzka má nový termín" : "Your appointment has a new time",
        (cs ? "přesunuta z termínu " : "moved from ") + at16, at1730)
        .doesNotContain(cs ? "jiný úředník" : "another official");
    assertCalendar(timeMoved, "REQUEST", moved, 1, later);

    Reservation handedOver = town.diary.handlingReservations().move(OPERATOR, moved.id(), DVORAKOVA, later, null);
    Received officialChanged = only(MessageKind.RESCHEDULED, seen);
    assertThat(officialChanged.subject()).isEqualTo(cs
        ? "Vaši schůzku " + at1730 + " povede jiný úředník: " + dvorakova
        : "Another official will see you at " + at1730 + ": " + dvorakova);
    assertThat(visible(officialChanged.html)).contains(
        cs ? "Vaši schůzku povede jiný úředník" : "Another official will see you",
        cs ? "Termín Vaší schůzky se nemění" : "the time of your appointment stays as it was",
        cs ? "Místo úředníka " + novak + " Vás přijme " + dvorakova : dvorakova + " will see you instead of " + novak,
        (cs ? "Kdo Vás přijme " : "Who will see you ") + dvorakova)
        .doesNotContain(cs ? "nový termín" : "new time");
    assertCalendar(officialChanged, "REQUEST", handedOver, 2, later);

    town.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(DVORAKOVA, later.minus(Duration.ofHours(1)),
        later.plus(Duration.ofHours(1)), AbsenceKind.ILLNESS, "nemoc"));
    Reservation displaced = town.storage.reservations().find(booked.reservation().id()).orElseThrow();
    Received displacedMail = only(MessageKind.DISPLACED, seen);
    assertGone(displacedMail, cs, dvorakova, at1730,
        cs ? "Vaše schůzka se v původním termínu neuskuteční" : "Your appointment cannot take place at the original time",
        cs ? "Původní termín " : "Original time ",
        cs ? "Chcete náhradní termín domluvit hned?" : "Would you like to agree a new time now?");
    assertCalendar(displacedMail, "CANCEL", displaced, 3, later);

    Reservation cancelled = town.diary.handlingReservations().cancel(OPERATOR, displaced.id(),
        cs ? "Úřad je zavřený." : "The office is closed.");
    Received byOffice = only(MessageKind.CANCELLED_BY_OFFICE, seen);
    assertGone(byOffice, cs, dvorakova, at1730,
        cs ? "Vaši schůzku musel úřad zrušit" : "The office had to cancel your appointment",
        cs ? "Zrušený termín " : "Cancelled time ",
        cs ? "Chcete si domluvit nový termín?" : "Would you like to arrange a new time?");
    assertCalendar(byOffice, "CANCEL", cancelled, 4, later);

    Booked again = town.bookHorse(TUESDAY_16, lang);
    only(MessageKind.CONFIRMATION, seen);
    Reservation ownCancel = town.diary.managingOwnReservation().cancel(again.token());
    Received byCitizen = only(MessageKind.CANCELLED_BY_CITIZEN, seen);
    assertGone(byCitizen, cs, novak, at16,
        cs ? "Vaše schůzka je zrušena" : "Your appointment is cancelled",
        cs ? "Zrušený termín " : "Cancelled time ",
        cs ? "Chcete si domluvit nový termín?" : "Would you like to arrange a new time?");
    assertCalendar(byCitizen, "CANCEL", ownCancel, 1, TUESDAY_16);

    LocalDate tuesday = LocalDate.of(2027, 3, 2);
    town.diary.keepingWaitingList().join(new WaitingListRequest(NOVAK, ID_CARDS, tuesday, tuesday,
        new Citizen("Eva Malá", "eva@example.cz", null), "Pas", Channel.WEB, lang));
    Received watch = only(MessageKind.WAITING_LIST_CONFIRMATION, seen);
    assertThat(visible(watch.html)).contains(cs ? "Potvrďte prosím hlídání volného termínu" : "Please confirm your free-time watch",
        novak);
    assertNoCalendar(watch);
    town.diary.keepingWaitingList().confirm(token(watch.html, "entry"));
    town.diary.offeringFreedTime().run();
    Received offer = only(MessageKind.WAITING_LIST_OFFER, seen);
    assertThat(visible(offer.html)).contains(cs ? "Uvolnil se termín, který hlídáte" : "A time you are watching for is free",
        (cs ? "Kdy úterý 2. března 2027 v " : "When Tuesday 2 March 2027 at "), (cs ? "Kdo Vás přijme " : "Who will see you ") + novak);
    assertNoCalendar(offer);

    // An absence entered by mistake and undone: the meeting stands, the same calendar entry comes back.
    // A week later, away from the times the waiting list and the proposals above may hold.
    Instant nextWeek = TUESDAY_16.plus(Duration.ofDays(7));
    Booked third = town.bookHorse(nextWeek, lang);
    only(MessageKind.CONFIRMATION, seen);
    Displacement mistake = town.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(NOVAK,
        nextWeek.minus(Duration.ofMinutes(30)), nextWeek.plus(Duration.ofMinutes(30)), AbsenceKind.ILLNESS, "omyl"));
    only(MessageKind.DISPLACED, seen);
    town.diary.recordingAbsence().remove(OPERATOR, AbsenceId.parse(mistake.subject()), true);
    Reservation standing = town.storage.reservations().find(third.reservation().id()).orElseThrow();
    assertThat(standing.status()).isEqualTo(Status.ACTIVE);
    Received restored = only(MessageKind.RESTORED, seen);
    assertThat(visible(restored.html)).contains(
        cs ? "Vaše schůzka platí, jak byla objednána" : "Your meeting stands as booked",
        cs ? "úterý 9. března 2027 v 16:00" : "Tuesday 9 March 2027 at 16:00");
    assertCalendar(restored, "REQUEST", standing, 2, nextWeek);

    assertThat(seen.keySet()).as("every kind of message, read").containsExactlyInAnyOrder(MessageKind.values());
  }

  /** A displaced or cancelled message: the official is the one who was to see the citizen, and the time is gone. */
  private static void assertGone(Received r, boolean cs, String official, String when, String heading, String whenLabel,
      String phoneAsk) {
    assertThat(visible(r.html)).contains(heading, whenLabel + when,
        (cs ? "Původně Vás měl přijmout " : "Was to see you ") + official, phoneAsk)
        .doesNotContain(cs ? "Kdo Vás přijme" : "Who will see you",
            cs ? "nebo se Vám termín nehodí?" : "or does the time not suit you?");
    assertThat(visible(r.text)).contains((cs ? "Původně Vás měl přijmout: " : "Was to see you: ") + official, phoneAsk)
        .doesNotContain(cs ? "nebo se Vám termín nehodí?" : "or does the time not suit you?");
  }

  private static void assertCalendar(Received r, String method, Reservation reservation, int sequence, Instant start)
      throws Exception {
    String ics = r.attachment("invite.ics");
    assertThat(ics).as("invite.ics attached for clients that show only the HTML part").isNotNull();
    assertThat(ics.split("\r\n"))
        .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
    assertThat(MessagesArriveTest.python(ics)).containsExactly(method + " " + reservation.id() + " " + sequence + " "
        + start.toString().replace("Z", "+00:00").replace("T", " "));
  }

  private static void assertNoCalendar(Received r) {
    assertThat(r.attachments).isEmpty();
    assertThat(r.calendarText).isNull();
  }

  /**
   * The words a client that shows only the HTML part shows: no head, no tags, entities decoded,
   * white space collapsed.
   */
  static String visible(String html) {
    String body = html.replaceAll("(?is)<head>.*?</head>", " ").replaceAll("(?is)<script.*?</script>", " ")
        .replaceAll("(?s)<[^>]*>", " ");
    body = body.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&#61;", "=").replace("&amp;", "&");
    return body.replaceAll("\\s+", " ").replace(" :", ":").strip();
  }

  private Received only(MessageKind kind, Map<MessageKind, Received> seen) throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
    while (dispatcher.dispatchOnce() > 0) {
      // until nothing is due
    }
    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    Received r = new Received(SMTP.getReceivedMessages()[0]);
    String id = r.messageId();
    OutboxMessage sent = town.storage.outbox().find(MessageId.parse(id.substring(1, 37))).orElseThrow();
    assertThat(sent.kind()).isEqualTo(kind);
    seen.put(kind, r);
    return r;
  }

  private static ManageToken token(String html, String kind) {
    Matcher m = OFFER.matcher(html);
    while (m.find()) {
      if (m.group(1).equals(kind)) {
        return ManageToken.parse(m.group(2));
      }
    }
    throw new AssertionError("no " + kind + " link in " + html);
  }
}
