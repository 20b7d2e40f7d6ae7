/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Instant;

/**
 * A replacement time held for the citizen of a displaced reservation: the hold is a reservation of
 * status {@link Status#HELD} (so the store's guard on held slots keeps everyone else off it), kept
 * until {@code until} or until the citizen chooses.
 *
 * @param displaced the displaced reservation whose citizen the time is held for
 * @param hold the HELD reservation that holds the time
 * @param until when the hold ends if the citizen has not chosen
 */
public record ProposalHold(ReservationId displaced, ReservationId hold, Instant until) {
  public ProposalHold {
    Check.present("displaced", displaced);
    Check.present("hold", hold);
    Check.present("until", until);
  }
}
