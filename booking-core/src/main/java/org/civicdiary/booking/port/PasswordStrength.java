/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.util.List;
import java.util.Optional;

/**
 * Judges how easy a new staff password is to guess, beyond its length (which the core checks
 * itself). The web module binds an estimator of guesses (zxcvbn); the core's default judges length
 * only.
 */
public interface PasswordStrength {
  /** Length only: every password of an allowed length is strong enough. */
  PasswordStrength LENGTH_ONLY = (password, userInputs) -> Optional.empty();

  /**
   * Why the password is too easy to guess, in a short English sentence for the person choosing it,
   * or empty when it is strong enough.
   *
   * @param userInputs words an attacker would try first: the user name, the person's name, the office
   */
  Optional<String> weakness(String password, List<String> userInputs);
}
