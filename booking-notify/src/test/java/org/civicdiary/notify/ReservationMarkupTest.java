/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.notify.Town.HORSE;
import static org.civicdiary.notify.Town.NOVAK;
import static org.civicdiary.notify.Town.OPERATOR;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.Booked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The booking code and the schema.org EventReservation in the messages, over a real SMTP server,
 * checked against the schema.org vocabulary.
 */
class ReservationMarkupTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
  private static final Pattern SCRIPT = Pattern.compile(
      "<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Google's e-mail markup names that Gmail needs and schema.org lacks (see {@link ReservationMarkup}). */
  private static final Set<String> GOOGLE_MARKUP = Set.of("Reservation.reservationNumber",
      "Reservation.modifyReservationUrl");
  private static SchemaOrgVocabulary vocabulary;
  private Town town;
  private OutboxWorkers dispatcher;

  @BeforeAll
  static void loadVocabulary() {
    vocabulary = SchemaOrgVocabulary.load(GOOGLE_MARKUP);
  }

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
  void aCzechConfirmationCarriesTheCodeAndAValidEventReservation() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    String code = booked.reservation().code().value();

    Received r = only();

    assertThat(r.text).contains("Kód rezervace: " + code);
    assertThat(r.html).contains("Kód rezervace", "<strong>" + code + "</strong>");
    JsonNode markup = markup(r);
    assertThat(vocabulary.problems(markup)).isEmpty();
    assertThat(markup.path("@context").asText()).isEqualTo("https://schema.org");
    assertThat(markup.path("@type").asText()).isEqualTo("EventReservation");
    assertThat(markup.path("reservationNumber").asText()).isEqualTo(code);
    assertThat(markup.path("reservationId").asText()).isEqualTo(code);
    assertThat(markup.path("reservationStatus").asText()).isEqualTo("https://schema.org/ReservationConfirmed");
    JsonNode event = markup.path("reservationFor");
    assertThat(event.path("@type").asText()).isEqualTo("Event");
    assertThat(event.path("name").asText()).isEqualTo("Občanské průkazy");
    assertThat(event.path("description").asText()).isEqualTo(HORSE + " úpěl ďábelské ódy");
    assertThat(event.path("startDate").asText()).isEqualTo("2027-03-02T16:00:00+01:00");
    assertThat(event.path("endDate").asText()).isEqualTo("2027-03-02T16:15:00+01:00");
    assertThat(event.path("location").path("name").asText()).isEqualTo("Radnice Prahy 6, kancelář 212, 2. patro");
    assertThat(event.path("location").path("address").path("@type").asText()).isEqualTo("PostalAddress");
    assertThat(event.path("location").path("address").path("streetAddress").asText())
        .isEqualTo("Čs. armády 601/23, Praha 6");
    assertThat(markup.path("underName").path("@type").asText()).isEqualTo("Person");
    assertThat(markup.path("underName").path("name").asText()).isEqualTo(HORSE);
    assertThat(markup.path("modifyReservationUrl").asText())
        .isEqualTo("https://diar.praha6.example/manage/" + r.token().value());
  }

  @Test
  void anEnglishConfirmationToo() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.EN);
    String code = booked.reservation().code().value();

    Received r = only();

    assertThat(r.text).contains("Booking code:  " + code);
    assertThat(r.html).contains("Booking code", code);
    JsonNode markup = markup(r);
    assertThat(vocabulary.problems(markup)).isEmpty();
    assertThat(markup.path("reservationFor").path("name").asText()).isEqualTo("Identity cards");
    assertThat(markup.path("reservationNumber").asText()).isEqualTo(code);
  }

  @Test
  void aSummerMeetingHasTheSummerOffset() throws Exception {
    Instant june = Instant.parse("2027-06-01T14:00:00Z");
    town.clock.set(june.minus(Duration.ofDays(2)));
    town.bookHorse(june, Language.CS);

    assertThat(markup(only()).path("reservationFor").path("startDate").asText()).isEqualTo("2027-06-01T16:00:00+02:00");
  }

  @Test
  void changesCarryTheirStatus() throws Exception {
    Booked booked = town.bookHorse(TUESDAY_16, Language.CS);
    only();
    town.diary.managingOwnReservation().reschedule(booked.token(), NOVAK, TUESDAY_16.plus(Duration.ofMinutes(30)));
    JsonNode moved = markup(only());
    assertThat(vocabulary.problems(moved)).isEmpty();
    assertThat(moved.path("reservationStatus").asText()).isEqualTo("https://schema.org/ReservationConfirmed");
    assertThat(moved.path("reservationFor").path("startDate").asText()).isEqualTo("2027-03-02T16:30:00+01:00");

    town.diary.handlingReservations().cancel(OPERATOR, booked.reservation().id(), "Havárie vody.");
    JsonNode cancelled = markup(only());
    assertThat(vocabulary.problems(cancelled)).isEmpty();
    assertThat(cancelled.path("reservationStatus").asText()).isEqualTo("https://schema.org/ReservationCancelled");
    assertThat(cancelled.path("reservationNumber").asText()).isEqualTo(booked.reservation().code().value());
  }

  @Test
  void aDisplacedReservationIsPending() throws Exception {
    town.bookHorse(TUESDAY_16, Language.EN);
    only();
    town.diary.recordingAbsence().record(OPERATOR, new AbsenceRequest(NOVAK, TUESDAY_16.minus(Duration.ofHours(1)),
        TUESDAY_16.plus(Duration.ofHours(3)), AbsenceKind.ILLNESS, "nemoc"));
    JsonNode displaced = markup(only());
    assertThat(vocabulary.problems(displaced)).isEmpty();
    assertThat(displaced.path("reservationStatus").asText()).isEqualTo("https://schema.org/ReservationPending");
  }

  @Test
  void aTopicOrNameHoldingScriptCannotBreakOut() throws Exception {
    String hostile = "</script><script>alert('x')</script><!-- & \u2028";
    town.book(TUESDAY_16, "Eva " + hostile, "eva@example.cz", "Téma " + hostile, Language.CS);

    Received r = only();

    String html = r.html;
    assertThat(html.split("</script>", -1)).as("only the markup's own end tag").hasSize(2);
    assertThat(html).doesNotContain("<script>alert");
    Matcher m = SCRIPT.matcher(html);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).doesNotContain("<", ">", "&", "\u2028").contains("\\u003C", "\\u003E", "\\u0026");
    JsonNode markup = JSON.readTree(m.group(1));
    assertThat(markup.path("underName").path("name").asText()).isEqualTo("Eva " + hostile.strip());
    assertThat(markup.path("reservationFor").path("description").asText()).isEqualTo("Téma " + hostile.strip());
    assertThat(vocabulary.problems(markup)).isEmpty();
  }

  @Test
  void theMarkupIsBuiltForEveryKindOfMessage() throws Exception {
    for (MessageKind kind : MessageKind.values()) {
      if (kind == MessageKind.WAITING_LIST_CONFIRMATION) {
        continue; // about an entry on the waiting list, not a reservation: it carries no markup
      }
      String json = ReservationMarkup.of(new ReservationMarkup.Facts(kind, "7KX94MA", "Pasy", null,
          TUESDAY_16, TUESDAY_16.plus(Duration.ofMinutes(15)), ZoneId.of("Europe/Prague"),
          new Place("Radnice", "Náměstí 1"), null, "Eva", "https://diar.example/manage/x"));
      JsonNode markup = JSON.readTree(json);
      assertThat(vocabulary.problems(markup)).as(kind.name()).isEmpty();
      assertThat(markup.path("reservationFor").has("description")).isFalse();
      assertThat(markup.path("reservationFor").path("location").path("name").asText()).isEqualTo("Radnice");
    }
  }

  @Test
  void theVocabularyCheckCatchesWhatIsWrong() throws Exception {
    assertThat(vocabulary.hasType("EventReservation")).isTrue();
    assertThat(vocabulary.lineage("EventReservation")).contains("Reservation", "Intangible", "Thing");
    assertThat(vocabulary.problems(JSON.readTree("{\"@type\": \"EventResrvation\"}"))).hasSize(1);
    assertThat(vocabulary.problems(JSON.readTree("{\"@type\": \"EventReservation\", \"seatNumber\": \"12\"}")))
        .singleElement().asString().contains("seatNumber is not a property");
    assertThat(vocabulary.problems(JSON.readTree(
        "{\"@type\": \"EventReservation\", \"reservationFor\": {\"@type\": \"Event\", \"startDate\": \"Tuesday\"}}")))
        .singleElement().asString().contains("startDate");
    assertThat(vocabulary.problems(JSON.readTree(
        "{\"@type\": \"EventReservation\", \"underName\": {\"@type\": \"Event\", \"name\": \"x\"}}")))
        .singleElement().asString().contains("not in the range");
    assertThat(vocabulary.problems(JSON.readTree(
        "{\"@type\": \"EventReservation\", \"reservationStatus\": \"confirmed\"}"))).hasSize(1);
  }

  private static JsonNode markup(Received r) throws Exception {
    Matcher m = SCRIPT.matcher(r.html);
    assertThat(m.find()).as("a JSON-LD script in the HTML part").isTrue();
    List<String> scripts = SCRIPT.matcher(r.html).results().map(x -> x.group(1)).toList();
    assertThat(scripts).hasSize(1);
    return JSON.readTree(m.group(1));
  }

  /** Dispatches what is due and returns the one message that arrived. */
  private Received only() throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
    while (dispatcher.dispatchOnce() > 0) {
      // until nothing is due
    }
    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    return new Received(SMTP.getReceivedMessages()[0]);
  }
}
