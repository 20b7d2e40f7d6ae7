/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/**
 * A public write without a valid proof of work: the solution to a challenge of the server was
 * missing, wrong, too old, or already spent. Each reason is its own leaf (and problem type), so a
 * client knows whether fetching a new challenge helps (expired, reused) or not.
 */
public abstract sealed class ChallengeRefused extends BookingException
    permits ChallengeRefused.Missing, ChallengeRefused.Invalid, ChallengeRefused.Expired, ChallengeRefused.Reused {

  private ChallengeRefused(String message) {
    super(message);
  }

  /** No solution came with the request. */
  public static final class Missing extends ChallengeRefused {
    public Missing() {
      super("proof of work missing");
    }
  }

  /** The solution is malformed, not ours, or does not solve its challenge. */
  public static final class Invalid extends ChallengeRefused {
    public Invalid(String why) {
      super("proof of work invalid: " + why);
    }
  }

  /** The challenge was signed by us but its time ran out. */
  public static final class Expired extends ChallengeRefused {
    public Expired() {
      super("proof of work expired");
    }
  }

  /** The challenge was already spent on an earlier request. */
  public static final class Reused extends ChallengeRefused {
    public Reused() {
      super("proof of work already used");
    }
  }
}
