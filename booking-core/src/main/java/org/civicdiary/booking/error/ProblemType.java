/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalogue of the core's errors, defined once: each leaf of {@link BookingException} has one
 * problem type with its code (the last part of the problem's {@code type} URI), HTTP status, title
 * and the words a person is shown, in Czech and English. {@link SlotNotBookable.Reason} and {@link
 * PolicyViolated.Policy} have words of their own ({@link #variants()}), so that each refusal is
 * explained as what it is.
 */
public enum ProblemType {
  INVALID_INPUT("invalid-input", 400, "The request has an invalid value",
      new Wording("Některý údaj je zadaný špatně. Opravte ho prosím.",
          "A value is not valid. Please correct it."),
      List.of(InvalidInput.class)),
  INVALID_DOCUMENT("invalid-document", 400, "The document has errors",
      new Wording("Soubor obsahuje chyby; nic se nezměnilo.", "The file has errors; nothing changed."),
      List.of(DocumentInvalid.class)),
  SLOT_TAKEN("slot-taken", 409, "This time was just taken",
      new Wording("Vybraný čas si mezitím objednal někdo jiný. Nabídku volných časů jsme obnovili – vyberte si prosím jiný.",
          "Someone else booked this time meanwhile. We have refreshed the free times; please choose another."),
      List.of(SlotTaken.class)),
  SLOT_NOT_BOOKABLE("slot-not-bookable", 422, "This time cannot be booked",
      new Wording("Tento čas se objednat nedá. Vyberte si prosím jiný.", "This time cannot be booked. Please choose another."),
      List.of(SlotNotBookable.class)),
  POLICY_VIOLATED("policy-violated", 422, "The office's booking rules do not allow this",
      new Wording("Pravidla úřadu tuto objednávku nedovolují.", "The office's booking rules do not allow this booking."),
      List.of(PolicyViolated.class)),
  /** A missing record, and a manage link that opens none: the same answer, so a guess learns nothing. */
  NOT_FOUND("not-found", 404, "Not found",
      new Wording("Hledané tu není. Pokud jste přišli odkazem z e-mailu, zkontrolujte, že je celý, nebo použijte odkaz z nejnovějšího e-mailu.",
          "Nothing is here. If you came by a link from an e-mail, check that it is complete, or use the link from your latest e-mail."),
      List.of(NotFound.class, TokenInvalid.class)),
  NOT_PERMITTED("not-permitted", 403, "Not permitted",
      new Wording("K tomu nemáte oprávnění.", "You are not permitted to do this."),
      List.of(NotPermitted.class)),
  CONCURRENT_CHANGE("concurrent-change", 409, "Changed meanwhile",
      new Wording("Někdo to mezitím změnil. Načtěte si prosím aktuální stav a zkuste to znovu.",
          "Someone changed this meanwhile. Please reload and try again."),
      List.of(ConcurrentChange.class)),
  STATE_CONFLICT("state-conflict", 409, "Not possible in the present state",
      new Wording("To už teď nejde, protože se rezervace mezitím změnila. Údaje jsme obnovili.",
          "This is no longer possible because the booking changed meanwhile. We have reloaded it."),
      List.of(StateConflict.class)),
  CHALLENGE_MISSING("challenge-missing", 428, "A solved proof-of-work challenge is required",
      new Wording("Objednávku se nepodařilo ověřit. Načtěte si prosím stránku znovu a zkuste to ještě jednou.",
          "The booking could not be verified. Please reload the page and try again."),
      List.of(ChallengeRefused.Missing.class)),
  CHALLENGE_INVALID("challenge-invalid", 403, "The proof-of-work solution is not valid",
      new Wording("Objednávku se nepodařilo ověřit. Načtěte si prosím stránku znovu a zkuste to ještě jednou.",
          "The booking could not be verified. Please reload the page and try again."),
      List.of(ChallengeRefused.Invalid.class)),
  CHALLENGE_EXPIRED("challenge-expired", 403, "The proof-of-work challenge has expired",
      new Wording("Formulář byl otevřený příliš dlouho. Odešlete ho prosím znovu.",
          "The form was open for too long. Please send it again."),
      List.of(ChallengeRefused.Expired.class)),
  CHALLENGE_REUSED("challenge-reused", 403, "The proof-of-work challenge was already used",
      new Wording("Tento formulář už byl jednou odeslán. Odešlete ho prosím znovu.",
          "This form was already sent once. Please send it again."),
      List.of(ChallengeRefused.Reused.class)),
  /**
   * The storage could not be reached, possibly while a change was being committed, so its outcome
   * is unknown: the words never claim that nothing was changed.
   */
  STORAGE_UNAVAILABLE("storage-unavailable", 503, "Temporarily unavailable; the outcome is unknown",
      new Wording("Rezervační systém je teď dočasně nedostupný. Pokud jste něco měnili, změna se mohla, ale nemusela provést. "
          + "Zkuste to prosím za chvíli znovu – stejná objednávka se neprovede dvakrát.",
          "The booking system is unavailable for a moment. If you were changing something, the change may or may not "
              + "have been made. Please try again shortly; the same booking is never made twice."),
      List.of(StorageUnavailable.class));

  private final String code;
  private final int status;
  private final String title;
  private final Wording wording;
  private final List<Class<? extends BookingException>> errors;

  ProblemType(String code, int status, String title, Wording wording, List<Class<? extends BookingException>> errors) {
    this.code = code;
    this.status = status;
    this.title = title;
    this.wording = wording;
    this.errors = errors;
  }

  /** The problem type of an error; every leaf of the family has one. */
  public static ProblemType of(BookingException error) {
    return of(error.getClass()).orElseThrow();
  }

  /** The problem type of a kind of error, empty for a class that is not a leaf of the family. */
  public static Optional<ProblemType> of(Class<?> error) {
    return Arrays.stream(values()).filter(t -> t.errors.contains(error)).findFirst();
  }

  /** Stable and lower-case, as clients translate on it: {@code slot-taken}. */
  public String code() {
    return code;
  }

  /** The HTTP status that goes with it. */
  public int status() {
    return status;
  }

  /** One line in English, the problem's {@code title}. */
  public String title() {
    return title;
  }

  /** What a person is shown. */
  public Wording wording() {
    return wording;
  }

  /**
   * Finer words by the error's enum member ({@link SlotNotBookable.Reason}, {@link
   * PolicyViolated.Policy}), keyed by the member's name; empty for the other types.
   */
  public Map<String, Wording> variants() {
    return switch (this) {
      case SLOT_NOT_BOOKABLE -> byName(SlotNotBookable.Reason.values(), ProblemType::reason);
      case POLICY_VIOLATED -> byName(PolicyViolated.Policy.values(), ProblemType::policy);
      default -> Map.of();
    };
  }

  private static <E extends Enum<E>> Map<String, Wording> byName(E[] members, Function<E, Wording> words) {
    Map<String, Wording> byName = new LinkedHashMap<>();
    for (E member : members) {
      byName.put(member.name(), words.apply(member));
    }
    return Map.copyOf(byName);
  }

  private static Wording reason(SlotNotBookable.Reason reason) {
    return switch (reason) {
      case OUTSIDE_DIARY, MISALIGNED -> new Wording("V tuto dobu úředník občany nepřijímá. Vyberte si prosím jiný čas.",
          "The official does not see citizens at this time. Please choose another time.");
      case ABSENT -> new Wording("Úředník v tu dobu nebude přítomen. Vyberte si prosím jiný čas.",
          "The official will be away at this time. Please choose another time.");
      case HOLIDAY -> new Wording("Ve státní svátek je úřad zavřený. Vyberte si prosím jiný den.",
          "The office is closed on this public holiday. Please choose another day.");
      case CLOSED -> new Wording("V tento den je úřad zavřený. Vyberte si prosím jiný den.",
          "The office is closed on this day. Please choose another day.");
      case TOO_SOON -> new Wording("Tento čas je už příliš blízko, aby se dal objednat. Vyberte si prosím pozdější.",
          "This time is too soon to book. Please choose a later one.");
      case TOO_FAR_AHEAD -> new Wording("Tak daleko dopředu se zatím objednat nelze. Vyberte si prosím dřívější čas.",
          "This time is too far ahead to book yet. Please choose an earlier one.");
      case OFFICIAL_INACTIVE -> new Wording("Tento úředník teď objednávky nepřijímá. Vyberte si prosím jiného.",
          "This official takes no bookings now. Please choose another.");
      case AGENDA_NOT_HANDLED -> new Wording("Tento úředník vybranou agendu nevyřizuje. Vyberte si prosím jiného.",
          "This official does not handle the chosen matter. Please choose another.");
      case AGENDA_NOT_SERVED -> new Wording("V tuto dobu se vybraná agenda nevyřizuje. Vyberte si prosím jiný čas.",
          "The chosen matter is not dealt with at this time. Please choose another time.");
      case PHONE_SHARE -> new Wording(
          "Zbývající časy v tomto bloku jsou zatím vyhrazené pro objednání po telefonu. Vyberte si prosím jiný čas, nebo zavolejte na call centrum.",
          "The remaining times of this block are kept for phone bookings for now. Please choose another time, or call the call centre.");
    };
  }

  private static Wording policy(PolicyViolated.Policy policy) {
    return switch (policy) {
      case TOO_MANY_RESERVATIONS -> new Wording("Na tuto e-mailovou adresu je už objednáno příliš mnoho schůzek.",
          "Too many meetings are already booked for this e-mail address.");
      case OVERLAPPING_RESERVATION -> new Wording("Na tuto e-mailovou adresu je už v tu dobu objednaná jiná schůzka.",
          "Another meeting is already booked for this e-mail address at this time.");
      case TOO_MANY_THE_SAME_DAY -> new Wording(
          "Na tuto e-mailovou adresu je už u tohoto úředníka v tento den objednáno tolik schůzek, kolik úřad dovoluje. Vyberte si prosím jiný den.",
          "This e-mail address already has as many meetings with this official on this day as the office allows. Please choose another day.");
      case TOPIC_TOO_LONG -> new Wording("Téma je příliš dlouhé, zkraťte ho prosím.",
          "The topic is too long; please shorten it.");
      case EMAIL_REQUIRED -> new Wording("Vyplňte prosím e-mail.", "Please enter your e-mail address.");
      case TOO_MANY_WAITING_LIST_ENTRIES -> new Wording(
          "Na tuto e-mailovou adresu se už hlídá příliš mnoho termínů.",
          "Too many free-time watches are already set up for this e-mail address.");
      case TOO_MANY_MESSAGES -> new Wording(
          "Na tuto e-mailovou adresu jsme dnes poslali už příliš mnoho zpráv. Zkuste to prosím zítra, nebo zavolejte na call centrum.",
          "We have already sent too many messages to this e-mail address today. Please try again tomorrow, or call the call centre.");
    };
  }

  /**
   * The same words in the two languages of the pages.
   *
   * @param cs in Czech
   * @param en in English
   */
  public record Wording(String cs, String en) {
    public Wording {
      Objects.requireNonNull(cs, "cs");
      Objects.requireNonNull(en, "en");
    }
  }
}
