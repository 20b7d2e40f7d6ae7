/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.civicdiary.booking.error.ChallengeRefused;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.testkit.contract.ProofOfWorkContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ALTCHA check of the core: each way a solution can be wrong has its own typed refusal. */
class ProvingWorkTest {
  private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private ProvingWork work;

  @BeforeEach
  void start() {
    work = CivicDiary.builder().storage(InMemoryStorage.create()).clock(clock).build()
        .provingWork("a-configured-key-of-enough-length-0123456789", Duration.ofMinutes(10));
  }

  private Solution solved() {
    return ProofOfWorkContract.solve(work.challenge(2_000));
  }

  @Test
  void aChallengeFollowsTheAltchaFormatAndItsSolutionIsAccepted() {
    Challenge c = work.challenge(50_000);

    assertThat(c.algorithm()).isEqualTo("SHA-256");
    assertThat(c.maxnumber()).isEqualTo(50_000);
    assertThat(c.challenge()).matches("[0-9a-f]{64}");
    assertThat(c.signature()).matches("[0-9a-f]{64}");
    assertThat(c.salt()).matches("[0-9a-f]{24}\\?expires=" + NOW.plusSeconds(600).getEpochSecond() + "&");
    assertThat(Digests.hmacSha256("a-configured-key-of-enough-length-0123456789", c.challenge()))
        .isEqualTo(c.signature());
    work.verify(ProofOfWorkContract.solve(c));
  }

  @Test
  void aWrongNumberIsInvalid() {
    Solution s = solved();
    Solution wrong = new Solution(s.algorithm(), s.challenge(), s.number() + 1, s.salt(), s.signature());

    assertThatThrownBy(() -> work.verify(wrong)).isInstanceOf(ChallengeRefused.Invalid.class);
    work.verify(s);
  }

  @Test
  void aTamperedSaltIsInvalidEvenWithALaterExpiry() {
    Solution s = solved();
    String later = s.salt().replaceAll("expires=\\d+", "expires=" + NOW.plusSeconds(86_400).getEpochSecond());
    Solution tampered = new Solution(s.algorithm(), s.challenge(), s.number(), later, s.signature());

    assertThatThrownBy(() -> work.verify(tampered)).isInstanceOf(ChallengeRefused.Invalid.class);
  }

  @Test
  void aChallengeAndSignatureNotOfThisServerAreInvalid() {
    Solution s = solved();
    Solution badSignature = new Solution(s.algorithm(), s.challenge(), s.number(), s.salt(),
        s.signature().substring(1) + (s.signature().endsWith("0") ? "1" : "0"));
    ProvingWork otherKey = CivicDiary.builder().storage(InMemoryStorage.create()).clock(clock).build()
        .provingWork("another-key-another-key-another-key-0000", Duration.ofMinutes(10));
    Solution foreign = ProofOfWorkContract.solve(otherKey.challenge(1_000));

    assertThatThrownBy(() -> work.verify(badSignature)).isInstanceOf(ChallengeRefused.Invalid.class);
    assertThatThrownBy(() -> work.verify(foreign)).isInstanceOf(ChallengeRefused.Invalid.class);
  }

  @Test
  void anExpiredChallengeIsRefusedAsExpired() {
    Solution s = solved();
    clock.advance(Duration.ofMinutes(10));

    assertThatThrownBy(() -> work.verify(s)).isInstanceOf(ChallengeRefused.Expired.class);
  }

  @Test
  void aSecondUseIsRefusedAsReused() {
    Solution s = solved();
    work.verify(s);

    assertThatThrownBy(() -> work.verify(s)).isInstanceOf(ChallengeRefused.Reused.class);
  }

  @Test
  void anotherAlgorithmIsInvalid() {
    Solution s = solved();
    Solution sha512 = new Solution("SHA-512", s.challenge(), s.number(), s.salt(), s.signature());

    assertThatThrownBy(() -> work.verify(sha512)).isInstanceOf(ChallengeRefused.Invalid.class)
        .hasMessageContaining("SHA-256");
  }

  @Test
  void malformedAndOversizedSolutionsAreInvalidAndNoneIsMissing() {
    Solution s = solved();

    assertThatThrownBy(() -> work.verify(null)).isInstanceOf(ChallengeRefused.Missing.class);
    for (Solution bad : new Solution[] {
        new Solution(null, s.challenge(), s.number(), s.salt(), s.signature()),
        new Solution(s.algorithm(), null, s.number(), s.salt(), s.signature()),
        new Solution(s.algorithm(), s.challenge(), -1, s.salt(), s.signature()),
        new Solution(s.algorithm(), s.challenge(), s.number(), null, s.signature()),
        new Solution(s.algorithm(), s.challenge(), s.number(), s.salt() + "x".repeat(200), s.signature()),
        new Solution(s.algorithm(), s.challenge(), s.number(), s.salt(), null),
        new Solution(s.algorithm(), s.challenge() + "00", s.number(), s.salt(), s.signature())}) {
      assertThatThrownBy(() -> work.verify(bad)).isInstanceOf(ChallengeRefused.Invalid.class);
    }
    work.verify(s);
  }

  @Test
  void aSaltWithoutExpiryIsInvalid() {
    assertThat(ProvingWork.expiry("abc")).isNull();
    assertThat(ProvingWork.expiry("abc?expires=x&")).isNull();
    assertThat(ProvingWork.expiry("abc?a=1&expires=5&")).isEqualTo(Instant.ofEpochSecond(5));
  }

  @Test
  void theDifficultyMustBeInRange() {
    assertThatThrownBy(() -> work.challenge(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> work.challenge(ProvingWork.MAX_NUMBER + 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
