/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicdiary.booking.error.ProblemType.Wording;
import org.junit.jupiter.api.Test;

/** The core's problem catalogue covers the whole error family, with words in both languages. */
class ProblemTypeTest {

  /** Every concrete class of the sealed family, found by walking its permitted subclasses. */
  static List<Class<?>> leaves(Class<?> root) {
    List<Class<?>> leaves = new ArrayList<>();
    if (!Modifier.isAbstract(root.getModifiers())) {
      leaves.add(root);
    }
    Class<?>[] permitted = root.getPermittedSubclasses();
    for (Class<?> sub : permitted == null ? new Class<?>[0] : permitted) {
      leaves.addAll(leaves(sub));
    }
    return leaves;
  }

  @Test
  void everyErrorTypeHasOneProblemTypeThatIsNotAServerFault() {
    List<Class<?>> leaves = leaves(BookingException.class);
    assertThat(leaves).hasSizeGreaterThanOrEqualTo(11);
    for (Class<?> leaf : leaves) {
      ProblemType type = ProblemType.of(leaf).orElse(null);
      assertThat(type).as(leaf.getSimpleName() + " maps to a problem type").isNotNull();
      assertThat(type.status()).as(leaf.getSimpleName()).isNotEqualTo(500).isBetween(400, 503);
    }
    assertThat(ProblemType.of(String.class)).as("not an error of the family").isEmpty();
    assertThat(ProblemType.of(new TokenInvalid())).as("a guessed token learns nothing").isEqualTo(ProblemType.NOT_FOUND);
  }

  @Test
  void everyProblemTypeIsUsedAndHasItsOwnCode() {
    Set<ProblemType> used = leaves(BookingException.class).stream()
        .map(leaf -> ProblemType.of(leaf).orElseThrow()).collect(Collectors.toSet());
    assertThat(used).containsExactlyInAnyOrder(ProblemType.values());
    assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::code).distinct()).hasSize(ProblemType.values().length);
    for (ProblemType type : ProblemType.values()) {
      assertThat(type.code()).matches("[a-z]+(-[a-z]+)*");
      assertThat(type.title()).isNotBlank();
    }
  }

  @Test
  void everyCodeReasonAndPolicyHasCzechAndEnglishWords() {
    for (ProblemType type : ProblemType.values()) {
      assertWords(type.code(), type.wording());
      type.variants().forEach((name, words) -> assertWords(type.code() + "." + name, words));
    }
    assertThat(ProblemType.SLOT_NOT_BOOKABLE.variants().keySet())
        .containsExactlyInAnyOrderElementsOf(names(SlotNotBookable.Reason.values()));
    assertThat(ProblemType.POLICY_VIOLATED.variants().keySet())
        .containsExactlyInAnyOrderElementsOf(names(PolicyViolated.Policy.values()));
    assertThat(ProblemType.POLICY_VIOLATED.variants().get("TOPIC_TOO_LONG").en()).contains("too long");
  }

  @Test
  void storageUnavailableDoesNotClaimThatNothingChanged() {
    ProblemType type = ProblemType.of(new StorageUnavailable("lost with the commit in flight", new RuntimeException()));
    assertThat(type.status()).isEqualTo(503);
    assertThat(type.title()).contains("outcome is unknown");
    assertThat(type.wording().en()).contains("may or may not have been made").contains("never made twice")
        .doesNotContainIgnoringCase("nothing was changed");
    assertThat(type.wording().cs()).contains("mohla, ale nemusela provést").contains("neprovede dvakrát")
        .doesNotContainIgnoringCase("nic se nezměnilo");
  }

  private static void assertWords(String key, Wording words) {
    assertThat(words.cs()).as(key + " in Czech").isNotBlank();
    assertThat(words.en()).as(key + " in English").isNotBlank();
    assertThat(words.cs()).as(key + " is translated").isNotEqualTo(words.en());
  }

  private static List<String> names(Enum<?>[] members) {
    return Arrays.stream(members).map(Enum::name).toList();
  }
}
