/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicdiary.booking.error.ChallengeRefused;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.ApiKey;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.Challenge;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.HousekeepingPeriods;
import org.civicdiary.booking.usecase.HousekeepingRun;
import org.civicdiary.booking.usecase.IssuedApiKey;
import org.civicdiary.booking.usecase.ProvingWork;
import org.civicdiary.booking.usecase.Solution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the proof-of-work state promises on every storage: a solution buys one write, also when
 * many nodes race with it; spent challenges are tidied once expired; nodes without a configured key
 * agree on the stored one; API keys are found by their hash until revoked.
 */
public abstract class ProofOfWorkContract {
  private static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null);
  private static final Duration TTL = Duration.ofMinutes(10);

  /** A storage holding no data at all, new (or emptied) for each call. */
  protected abstract Storage emptyStorage();

  private Storage storage;
  private MutableClock clock;
  private CivicDiary diary;
  private ProvingWork work;

  @BeforeEach
  void start() {
    storage = emptyStorage();
    clock = new MutableClock(Fixtures.NOW);
    diary = CivicDiary.builder().storage(storage).clock(clock).build();
    work = diary.provingWork(null, TTL);
  }

  /**
   * Finds the number by brute force, as a client does (for tests; a challenge of {@code maxnumber}
   * costs up to that many hashes).
   */
  public static Solution solve(Challenge c) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (long n = 0; n <= c.maxnumber(); n++) {
        String hex = HexFormat.of().formatHex(sha.digest((c.salt() + n).getBytes(StandardCharsets.UTF_8)));
        if (hex.equals(c.challenge())) {
          return new Solution(c.algorithm(), c.challenge(), n, c.salt(), c.signature());
        }
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no number up to " + c.maxnumber() + " solves " + c.challenge());
  }

  @Test
  void aSolutionIsAcceptedOnceAndRefusedTheSecondTime() {
    Solution solution = solve(work.challenge(1_000));

    work.verify(solution);

    assertThatThrownBy(() -> work.verify(solution)).isInstanceOf(ChallengeRefused.Reused.class);
  }

  @Test
  void anotherNodeSharingTheStorageRefusesASpentChallengeAndAgreesOnTheKey() {
    ProvingWork otherNode = CivicDiary.builder().storage(storage).clock(clock).build().provingWork(null, TTL);
    Solution solution = solve(work.challenge(1_000));

    otherNode.verify(solution);

    assertThatThrownBy(() -> work.verify(solution)).isInstanceOf(ChallengeRefused.Reused.class);
    otherNode.verify(solve(work.challenge(1_000)));
  }

  @Test
  void racingUsesOfOneSolutionLetExactlyOneThrough() throws Exception {
    Solution solution = solve(work.challenge(1_000));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> uses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        uses.add(pool.submit((Callable<Boolean>) () -> {
          try {
            work.verify(solution);
            return true;
          } catch (ChallengeRefused.Reused e) {
            return false;
          }
        }));
      }
      int accepted = 0;
      for (Future<Boolean> use : uses) {
        accepted += use.get() ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExpiredChallengeIsRefusedAndHousekeepingRemovesItsRecord() {
    Solution spent = solve(work.challenge(1_000));
    Solution late = solve(work.challenge(1_000));
    work.verify(spent);

    clock.advance(TTL);

    assertThatThrownBy(() -> work.verify(late)).isInstanceOf(ChallengeRefused.Expired.class);
    HousekeepingRun run = diary.housekeeping(HousekeepingPeriods.DEFAULT, List.of()).run();
    assertThat(run.done()).containsEntry(HousekeepingRun.SPENT_CHALLENGES, 1);
    assertThat(storage.challenges().removeExpired(clock.instant())).isZero();
  }

  @Test
  void aSecondSpendInsideAUnitOfWorkAnswersFalseAndTheUnitStillCommits() {
    storage.transactions().run(() -> {
      assertThat(storage.challenges().spend("a".repeat(64), Fixtures.NOW.plus(TTL))).isTrue();
      assertThat(storage.challenges().spend("a".repeat(64), Fixtures.NOW.plus(TTL))).isFalse();
      storage.auditLog().record(new AuditEntry(Fixtures.NOW, "test", "after.spend", "x", null, null));
    });

    assertThat(storage.transactions().inTransaction(() -> storage.auditLog().latest(10)))
        .extracting(AuditEntry::action).containsExactly("after.spend");
    assertThat(storage.challenges().spend("a".repeat(64), Fixtures.NOW.plus(TTL))).isFalse();
  }

  @Test
  void theStoredSigningKeyIsTheFirstCandidate() {
    String first = storage.transactions().inTransaction(() -> storage.challenges().signingKey("k".repeat(64)));

    assertThat(storage.challenges().signingKey("other")).isEqualTo(first);
  }

  @Test
  void anApiKeyIsRecognisedByItsSecretUntilRevokedAndOnlyItsHashIsStored() {
    IssuedApiKey issued = diary.keepingApiKeys().create(ADMIN, "Portál Praha 6");
    clock.advance(Duration.ofMinutes(5));

    assertThat(diary.keepingApiKeys().recognise(issued.secret())).map(ApiKey::id).contains(issued.key().id());
    assertThat(diary.keepingApiKeys().recognise(issued.secret() + "x")).isEmpty();
    assertThat(issued.key().hash()).doesNotContain(issued.secret()).hasSize(64);
    assertThat(issued.secret()).startsWith(issued.key().prefix()).hasSizeGreaterThanOrEqualTo(4 + 43);
    ApiKey listed = diary.keepingApiKeys().keys(ADMIN).get(0);
    assertThat(listed.lastUsed()).isEqualTo(clock.instant());
    assertThat(listed.name()).isEqualTo("Portál Praha 6");

    diary.keepingApiKeys().revoke(ADMIN, issued.key().id());

    assertThat(diary.keepingApiKeys().recognise(issued.secret())).isEmpty();
    assertThat(diary.keepingApiKeys().keys(ADMIN).get(0).revokedAt()).isEqualTo(clock.instant());
    assertThatThrownBy(() -> diary.keepingApiKeys().revoke(ADMIN, issued.key().id()))
        .isInstanceOf(StateConflict.class);
    assertThat(storage.transactions().inTransaction(() -> storage.auditLog().latest(10)))
        .extracting(AuditEntry::action).containsExactly("api-key.revoke", "api-key.create");
  }

  @Test
  void keysAreListedNewestFirstAndOnlyToAdministrators() {
    diary.keepingApiKeys().create(ADMIN, "first");
    clock.advance(Duration.ofSeconds(1));
    diary.keepingApiKeys().create(ADMIN, "second");

    assertThat(diary.keepingApiKeys().keys(ADMIN)).extracting(ApiKey::name).containsExactly("second", "first");
    StaffMember operator = new StaffMember("op", Role.OPERATOR, null);
    assertThatThrownBy(() -> diary.keepingApiKeys().keys(operator)).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.keepingApiKeys().create(operator, "x")).isInstanceOf(NotPermitted.class);
  }
}
