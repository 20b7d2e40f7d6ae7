/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal;

import java.util.Map;
import java.util.UUID;
import org.civicdiary.booking.error.BookingException;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.error.TokenInvalid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become HTTP answers: each leaf of the core's error family, the web
 * layer's own refusals, and anything unexpected (a 500 that says nothing about the inside).
 *
 * <p>InvalidInput is 400 (a value that can never be right); PolicyViolated and SlotNotBookable are
 * 422 (well-formed, but the office's rules or the diary do not allow it now).
 */
final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  static final String RETRY_AFTER_UNAVAILABLE = "5";

  /** A problem and the headers that go with it. */
  record Answer(Problem problem, Map<String, String> headers) {}

  /** How much an answer may say about an e-mail address's reservations. */
  enum Disclosure {
    /** Staff, or the holder of a manage link: the full reason. */
    FULL,
    /**
     * The public booking endpoint, where anyone can type anyone's address: every refusal that
     * depends on the address's reservations looks the same, and says neither which rule nor when.
     */
    CONCEAL_EMAIL
  }

  /** The single answer for "this address cannot book now", whatever the rule behind it. */
  static final Problem EMAIL_LIMIT = Problem.of(422, "email-limit", "This e-mail address cannot make this booking",
      "The office's limits for one e-mail address do not allow this booking now. Manage your bookings "
          + "from the links in your e-mails, or call the office.", "email");

  private Problems() {}

  static Answer of(Throwable error, Disclosure disclosure) {
    if (error instanceof HttpProblem p) {
      return new Answer(p.problem(), p.headers());
    }
    if (error instanceof BookingException e) {
      return core(e, disclosure);
    }
    String incident = UUID.randomUUID().toString();
    LOG.error("unexpected error, incident {}", incident, error);
    return new Answer(Problem.of(500, "internal", "Something went wrong on our side",
        "The request was not completed. Incident " + incident + ".", null), Map.of());
  }

  private static Answer core(BookingException error, Disclosure disclosure) {
    if (error instanceof InvalidInput e) {
      return answer(Problem.of(400, "invalid-input", "The request has an invalid value",
          e.field() + ": " + e.problem(), e.field()));
    }
    if (error instanceof DocumentInvalid e) {
      return answer(Problem.of(400, "invalid-document", "The document has errors",
          e.errors().size() + " error(s); nothing was changed", "body")
          .with("errors", e.errors().stream().map(f -> Map.of("path", f.path(), "code", f.code(), "detail", f.detail()))
              .toList()));
    }
    if (error instanceof SlotTaken) {
      return answer(Problem.of(409, "slot-taken", "This time was just taken",
          "Someone booked this time a moment ago; choose another.", "start"));
    }
    if (error instanceof SlotNotBookable e) {
      return answer(Problem.of(422, "slot-not-bookable", "This time cannot be booked",
          detail(e.reason()), "start").with("reason", e.reason().name()));
    }
    if (error instanceof PolicyViolated e) {
      if (disclosure == Disclosure.CONCEAL_EMAIL && dependsOnEmail(e.policy())) {
        return answer(EMAIL_LIMIT);
      }
      return answer(Problem.of(422, "policy-violated", "The office's booking rules do not allow this",
          e.getMessage(), e.field()).with("policy", e.policy().name()));
    }
    if (error instanceof NotFound e) {
      return answer(Problem.of(404, "not-found", "Not found", e.kind() + " " + e.id() + " does not exist", null));
    }
    if (error instanceof TokenInvalid) {
      // The same answer for a guessed token, a mistyped one and another reservation's: nothing to learn.
      return answer(Problem.of(404, "not-found", "Not found", "This link opens no reservation.", null));
    }
    if (error instanceof NotPermitted e) {
      return answer(Problem.of(403, "not-permitted", "Not permitted", e.getMessage(), null));
    }
    if (error instanceof ConcurrentChange e) {
      return answer(Problem.of(409, "concurrent-change", "Changed meanwhile",
          e.getMessage() + "; reload and try again", null));
    }
    if (error instanceof StateConflict e) {
      return answer(Problem.of(409, "state-conflict", "Not possible in the present state", e.getMessage(), null));
    }
    if (error instanceof StorageUnavailable e) {
      LOG.warn("storage unavailable: {}", e.getMessage());
      return new Answer(Problem.of(503, "storage-unavailable", "Temporarily unavailable",
          "Nothing was changed. Try again in a moment.", null), Map.of("Retry-After", RETRY_AFTER_UNAVAILABLE));
    }
    throw new IllegalStateException("unmapped error " + error.getClass().getName());
  }

  private static boolean dependsOnEmail(PolicyViolated.Policy policy) {
    return policy == PolicyViolated.Policy.TOO_MANY_RESERVATIONS
        || policy == PolicyViolated.Policy.OVERLAPPING_RESERVATION;
  }

  private static String detail(SlotNotBookable.Reason reason) {
    return switch (reason) {
      case OUTSIDE_DIARY -> "The official does not receive citizens at this time.";
      case MISALIGNED -> "The time does not start a slot of the diary.";
      case ABSENT -> "The official is away at this time.";
      case HOLIDAY -> "The office is closed on this public holiday.";
      case TOO_SOON -> "This time is too soon to book; choose a later one.";
      case TOO_FAR_AHEAD -> "This time is too far ahead to book yet.";
      case OFFICIAL_INACTIVE -> "The official takes no bookings.";
      case AGENDA_NOT_HANDLED -> "The official does not handle this agenda.";
    };
  }

  private static Answer answer(Problem problem) {
    return new Answer(problem, Map.of());
  }
}
