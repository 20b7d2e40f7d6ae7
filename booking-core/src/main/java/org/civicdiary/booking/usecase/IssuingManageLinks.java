/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.ReservationId;

/**
 * Fresh manage tokens for the messages to a citizen. Only hashes are stored, so the token of the
 * booking answer cannot be put into a later e-mail: each message gets its own, and every one keeps
 * opening the reservation. For the notifier; never expose this over HTTP.
 */
public final class IssuingManageLinks {
  private final Context context;

  IssuingManageLinks(Context context) {
    this.context = context;
  }

  /** @throws org.civicdiary.booking.error.NotFound if there is no such reservation */
  public ManageToken issue(ReservationId reservation) {
    ManageToken token = ManageToken.generate(context.random);
    context.storage.transactions().run(
        () -> context.storage.reservations().addManageToken(reservation, token.hash()));
    return token;
  }
}
