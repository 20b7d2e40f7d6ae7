/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.problem;

import java.util.Map;
import java.util.UUID;
import org.civicdiary.booking.error.BookingException;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.error.ProblemType;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.error.TokenInvalid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become HTTP answers: each leaf of the core's error family (code,
 * status and title from {@link ProblemType}), the web layer's own refusals ({@link Refusal}), and
 * anything unexpected, an error type missing from the catalogue too (a 500 that says nothing about
 * the inside).
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  public static final String RETRY_AFTER_UNAVAILABLE = "5";

  /** A problem and the headers that go with it. */
  public record Answer(Problem problem, Map<String, String> headers) {}

  /** How much an answer may say about an e-mail address's reservations. */
  public enum Disclosure {
    /** Staff, or the holder of a manage link: the full reason. */
    FULL,
    /**
     * The public booking endpoint, where anyone can type anyone's address: every refusal that
     * depends on the address's reservations looks the same, and says neither which rule nor when.
     */
    CONCEAL_EMAIL
  }

  /** The single answer for "this address cannot book now", whatever the rule behind it. */
  public static final Problem EMAIL_LIMIT = Problem.of(Refusal.EMAIL_LIMIT, "The office's limits for one e-mail address do not "
      + "allow this booking now. Manage your bookings from the links in your e-mails, or call the office.", "email");

  private Problems() {}

  public static Answer of(Throwable error, Disclosure disclosure) {
    if (error instanceof HttpProblem p) {
      return new Answer(p.problem(), p.headers());
    }
    if (error instanceof BookingException e && ProblemType.of(e.getClass()).isPresent()) {
      return core(e, disclosure);
    }
    String incident = UUID.randomUUID().toString();
    LOG.error("unexpected error, incident {}", incident, error);
    return new Answer(Problem.of(Refusal.INTERNAL, "The request was not completed. Incident " + incident + ".", null),
        Map.of());
  }

  /** The core's catalogue gives code, status and title; here only the detail and the members each leaf adds. */
  private static Answer core(BookingException error, Disclosure disclosure) {
    ProblemType type = ProblemType.of(error);
    if (error instanceof InvalidInput e) {
      return answer(Problem.of(type, e.field() + ": " + e.problem(), e.field()));
    }
    if (error instanceof DocumentInvalid e) {
      return answer(Problem.of(type, e.errors().size() + " error(s); nothing was changed", "body")
          .with("errors", e.errors().stream().map(f -> Map.of("path", f.path(), "code", f.code(), "detail", f.detail()))
              .toList()));
    }
    if (error instanceof SlotTaken) {
      return answer(Problem.of(type, "Someone booked this time a moment ago; choose another.", "start"));
    }
    if (error instanceof SlotNotBookable e) {
      return answer(Problem.of(type, type.variants().get(e.reason().name()).en(), "start")
          .with("reason", e.reason().name()));
    }
    if (error instanceof PolicyViolated e) {
      if (disclosure == Disclosure.CONCEAL_EMAIL && dependsOnEmail(e.policy())) {
        return answer(EMAIL_LIMIT);
      }
      return answer(Problem.of(type, e.getMessage(), e.field()).with("policy", e.policy().name()));
    }
    if (error instanceof NotFound e) {
      return answer(Problem.of(type, e.kind() + " " + e.id() + " does not exist", null));
    }
    if (error instanceof TokenInvalid) {
      // The same answer for a guessed token, a mistyped one and another reservation's: nothing to learn.
      return answer(Problem.of(type, "This link opens no reservation.", null));
    }
    if (error instanceof ConcurrentChange) {
      return answer(Problem.of(type, error.getMessage() + "; reload and try again", null));
    }
    if (error instanceof StorageUnavailable) {
      LOG.warn("storage unavailable: {}", error.getMessage());
      // The connection may have been lost with a commit in flight: never claim that nothing changed.
      return new Answer(Problem.of(type, "The storage could not be reached; if this request changes something, the "
          + "change may or may not have been made. Try again in a moment: a booking repeated with the same "
          + "Idempotency-Key is never made twice; check other changes before repeating them.", null),
          Map.of("Retry-After", RETRY_AFTER_UNAVAILABLE));
    }
    // NotPermitted, StateConflict: their message is the detail.
    return answer(Problem.of(type, error.getMessage(), null));
  }

  private static boolean dependsOnEmail(PolicyViolated.Policy policy) {
    return policy == PolicyViolated.Policy.TOO_MANY_RESERVATIONS
        || policy == PolicyViolated.Policy.OVERLAPPING_RESERVATION
        || policy == PolicyViolated.Policy.TOO_MANY_THE_SAME_DAY
        || policy == PolicyViolated.Policy.TOO_MANY_WAITING_LIST_ENTRIES
        || policy == PolicyViolated.Policy.TOO_MANY_MESSAGES;
  }

  private static Answer answer(Problem problem) {
    return new Answer(problem, Map.of());
  }
}
