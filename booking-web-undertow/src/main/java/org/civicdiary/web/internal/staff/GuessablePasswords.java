/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.staff;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicdiary.booking.port.PasswordStrength;

/**
 * Staff passwords judged by zxcvbn (Dropbox's estimate of the guesses an attacker needs, with
 * dictionaries of common passwords, names and words, keyboard patterns, dates and l33t): a score
 * of at least {@value #MIN_SCORE} of 4, about 10^8 guesses, which an attacker throttled to a few
 * logins a quarter of an hour, or holding only a PBKDF2 hash, does not reach.
 */
public final class GuessablePasswords implements PasswordStrength {
  static final int MIN_SCORE = 3;
  // zxcvbn's time grows faster than the length; a password strong in its first 100 characters is strong.
  private static final int MEASURED = 100;
  private final Zxcvbn zxcvbn = new Zxcvbn();

  @Override
  public Optional<String> weakness(String password, List<String> userInputs) {
    String measured = password.length() <= MEASURED ? password : password.substring(0, MEASURED);
    List<String> inputs = userInputs.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    Strength strength = zxcvbn.measure(measured, inputs);
    if (strength.getScore() >= MIN_SCORE) {
      return Optional.empty();
    }
    String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
    return Optional.of("it would be guessed in about 10^" + (int) Math.floor(strength.getGuessesLog10())
        + " attempts" + (warning == null || warning.isBlank() ? "" : " (" + warning + ")")
        + "; use a few unrelated words");
  }
}
