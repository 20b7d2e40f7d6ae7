/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.error.BookingException;
import org.civicdiary.booking.error.ChallengeRefused;
import org.civicdiary.booking.error.ConcurrentChange;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.PolicyViolated;
import org.civicdiary.booking.error.ProblemType;
import org.civicdiary.booking.error.SlotNotBookable;
import org.civicdiary.booking.error.SlotTaken;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.error.StorageUnavailable;
import org.civicdiary.booking.error.TokenInvalid;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.TestServers;
import org.civicdiary.web.internal.ops.Operations;
import org.junit.jupiter.api.Test;

/**
 * One problem catalogue: every error type answers with its catalogue entry (never a 500), every
 * code has Czech and English words, the OpenAPI document lists exactly the catalogue's codes, and
 * the pages get the catalogue's words for every code.
 */
class ProblemCatalogueTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One error of each leaf; {@link #everyErrorTypeAnswersWithItsCatalogueEntry} checks none is missing. */
  private static List<BookingException> oneOfEach() {
    return List.of(
        new InvalidInput("topic", "is blank"),
        new DocumentInvalid(List.of(new DocumentInvalid.Finding("$.departments", "required", "is missing"))),
        new SlotTaken("novak", Instant.parse("2027-01-04T08:00:00Z")),
        new SlotNotBookable(SlotNotBookable.Reason.TOO_SOON, "too soon"),
        new PolicyViolated(PolicyViolated.Policy.TOPIC_TOO_LONG, "topic", "at most 500 characters"),
        new NotFound("official", "nobody"),
        new ChallengeRefused.Missing(),
        new ChallengeRefused.Invalid("wrong number"),
        new ChallengeRefused.Expired(),
        new ChallengeRefused.Reused(),
        new TokenInvalid(),
        new NotPermitted("read statistics"),
        new ConcurrentChange("official", "novak"),
        new StateConflict("already cancelled"),
        new StorageUnavailable("lost with the commit in flight", new RuntimeException("connection reset")));
  }

  private static List<Class<?>> leaves(Class<?> root) {
    List<Class<?>> leaves = new ArrayList<>();
    if (!Modifier.isAbstract(root.getModifiers())) {
      leaves.add(root);
    }
    for (Class<?> sub : root.getPermittedSubclasses() == null ? new Class<?>[0] : root.getPermittedSubclasses()) {
      leaves.addAll(leaves(sub));
    }
    return leaves;
  }

  private static Set<String> codes() {
    Set<String> codes = new TreeSet<>();
    Stream.of(ProblemType.values()).forEach(t -> codes.add(t.code()));
    Stream.of(Refusal.values()).forEach(r -> codes.add(r.code()));
    return codes;
  }

  @Test
  void everyErrorTypeAnswersWithItsCatalogueEntry() {
    assertThat(oneOfEach().stream().map(Object::getClass).toList())
        .as("a sample of every leaf of BookingException")
        .containsExactlyInAnyOrderElementsOf(leaves(BookingException.class));
    for (BookingException error : oneOfEach()) {
      ProblemType type = ProblemType.of(error);
      Problem problem = Problems.of(error, Problems.Disclosure.FULL).problem();
      assertThat(problem.status()).as(error.getClass().getSimpleName()).isNotEqualTo(500).isEqualTo(type.status());
      assertThat(problem.code()).isEqualTo(type.code());
      assertThat(problem.title()).isEqualTo(type.title());
      assertThat(problem.type()).isEqualTo(Problem.TYPE_PREFIX + type.code());
    }
  }

  @Test
  void everyCodeIsDefinedOnceWithCzechAndEnglishWords() {
    assertThat(codes()).hasSize(ProblemType.values().length + Refusal.values().length);
    Map<String, Map<String, String>> texts = Refusal.pageTexts();
    assertThat(texts.keySet()).containsExactly("cs", "en");
    for (String lang : texts.keySet()) {
      assertThat(texts.get(lang).keySet()).as(lang).containsAll(codes());
      texts.get(lang).forEach((code, text) -> assertThat(text).as(lang + " " + code).isNotBlank());
    }
    for (SlotNotBookable.Reason reason : SlotNotBookable.Reason.values()) {
      assertThat(texts.get("cs")).containsKey("slot-not-bookable." + reason.name());
    }
    for (PolicyViolated.Policy policy : PolicyViolated.Policy.values()) {
      assertThat(texts.get("en")).containsKey("policy-violated." + policy.name());
    }
    for (Refusal refusal : Refusal.values()) {
      assertThat(refusal.status()).as(refusal.code()).isBetween(400, 599);
      assertThat(refusal.wording().cs()).as(refusal.code()).isNotEqualTo(refusal.wording().en());
    }
  }

  @Test
  void theOpenApiCodeEnumIsTheCatalogue() throws Exception {
    JsonNode document;
    try (InputStream in = ProblemCatalogueTest.class.getResourceAsStream(Operations.OPENAPI_RESOURCE)) {
      document = JSON.readTree(in);
    }
    Set<String> documented = new TreeSet<>();
    document.path("components").path("schemas").path("Problem").path("properties").path("code").path("enum")
        .forEach(code -> documented.add(code.asText()));
    assertThat(documented).as("the code enum of openapi.json's Problem schema").isEqualTo(codes());
  }

  @Test
  void theServedKitCarriesTheCataloguesWordsForEveryCode() throws Exception {
    BookingServer server = TestServers.start(InMemoryStorage.create(),
        new MutableClock(Instant.parse("2027-01-04T08:00:00Z")), Map.of());
    try {
      String script = new ApiClient(ApiClient.newHttpClient(), server.uri())
          .get("/static/kit/texts.js").body();
      Matcher table = Pattern.compile("const PROBLEM_TEXTS = (\\{.*?\\});\\n").matcher(script);
      assertThat(table.find()).as("the kit's table of problem words").isTrue();
      JsonNode served = JSON.readTree(table.group(1));
      assertThat(served).isEqualTo(JSON.valueToTree(Refusal.pageTexts()));
      for (String lang : List.of("cs", "en")) {
        Set<String> keys = new TreeSet<>();
        served.path(lang).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as(lang).containsAll(codes());
      }
      assertThat(script).doesNotContain("__PROBLEM_TEXTS__");
    } finally {
      server.stop();
    }
  }

  @Test
  void storageUnavailableSaysTheOutcomeIsUnknownAndThatRetryingIsSafe() {
    Problems.Answer answer = Problems.of(new StorageUnavailable("the database was lost during commit",
        new RuntimeException()), Problems.Disclosure.CONCEAL_EMAIL);
    assertThat(answer.problem().status()).isEqualTo(503);
    assertThat(answer.headers()).containsEntry("Retry-After", Problems.RETRY_AFTER_UNAVAILABLE);
    assertThat(answer.problem().title()).contains("outcome is unknown");
    assertThat(answer.problem().detail()).contains("may or may not have been made", "same Idempotency-Key")
        .doesNotContainIgnoringCase("nothing was changed");
    Map<String, Map<String, String>> texts = Refusal.pageTexts();
    assertThat(texts.get("en").get("storage-unavailable")).contains("may or may not").doesNotContain("nothing was changed");
    assertThat(texts.get("cs").get("storage-unavailable")).contains("mohla, ale nemusela").doesNotContain("nic se nezměnilo");
  }

  @Test
  void aTopicTooLongIsExplainedAsTooLong() {
    Problem problem = Problems.of(new PolicyViolated(PolicyViolated.Policy.TOPIC_TOO_LONG, "topic", "at most 500"),
        Problems.Disclosure.CONCEAL_EMAIL).problem();
    assertThat(problem.toJson()).containsEntry("policy", "TOPIC_TOO_LONG").containsEntry("field", "topic");
    assertThat(Refusal.pageTexts().get("en").get("policy-violated.TOPIC_TOO_LONG")).contains("too long");
    assertThat(Arrays.stream(Refusal.values()).map(Refusal::code)).doesNotHaveDuplicates();
  }
}
