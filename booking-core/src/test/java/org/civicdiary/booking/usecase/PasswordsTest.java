/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicdiary.booking.error.InvalidInput;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void hashesAreSaltedSlowAndCarryTheirParameters() {
    String first = Passwords.hash("correct horse battery staple");
    String second = Passwords.hash("correct horse battery staple");
    assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$").doesNotContain("correct");
    String[] parts = first.split("\\$");
    assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
    assertThat(java.util.Base64.getDecoder().decode(parts[2])).hasSize(16);
    assertThat(java.util.Base64.getDecoder().decode(parts[3])).hasSize(32);
    assertThat(Passwords.verify("correct horse battery staple", first)).isTrue();
    assertThat(Passwords.verify("correct horse battery stapler", first)).isFalse();
    assertThat(Passwords.verify("correct horse battery staple", "plain text")).isFalse();
    assertThat(Passwords.verify("correct horse battery staple", "pbkdf2-sha256$x$y$z")).isFalse();
  }

  @Test
  void aNewPasswordMustBeLongEnough() {
    assertThatThrownBy(() -> Passwords.hash("short"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
  }
}
