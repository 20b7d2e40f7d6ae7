/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.usecase.Challenge;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.ProvingWork;
import org.civicdiary.booking.usecase.Solution;
import org.civicdiary.testkit.contract.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Our ALTCHA against an independent implementation, the npm package altcha-lib 2.8.0 run by Node
 * (installed into a cache folder the first time, as .ci/js-check installs typescript): altcha-lib
 * solves a challenge of our server and our server accepts it; altcha-lib verifies a payload our
 * widget's solver made; and a challenge altcha-lib made, solved by our solver, passes our check.
 * Without Node the test fails: the cross-check is part of the build.
 */
class AltchaCrossCheckTest {
  private static final String VERSION = "2.8.0";
  private static final String KEY = "cross-check-key-of-at-least-32-characters";
  private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SOLVER = Path.of("src/main/resources/org/civicdiary/web/static/widget/pow.js");

  private static Path altchaLib() throws IOException, InterruptedException {
    String cache = System.getenv("CIVICDIARY_TOOLS_CACHE");
    if (cache == null) {
      String xdg = System.getenv("XDG_CACHE_HOME");
      cache = (xdg != null ? xdg : System.getProperty("user.home") + "/.cache") + "/civic-diary";
    }
    Path folder = Path.of(cache, "altcha-lib-" + VERSION);
    Path lib = folder.resolve("node_modules/altcha-lib/dist/esm/v1/index.js");
    if (!Files.exists(lib)) {
      Files.createDirectories(folder);
      run(List.of("npm", "install", "--prefix", folder.toString(), "--no-save", "--no-audit", "--no-fund",
          "--loglevel=error", "altcha-lib@" + VERSION), Duration.ofMinutes(5));
    }
    assertThat(lib).as("altcha-lib " + VERSION + " installed").exists();
    return lib;
  }

  private static String run(List<String> command, Duration limit) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("the cross-check needs " + command.get(0) + " (Node.js) on the PATH", e);
    }
    boolean ended = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("finished in time: " + command).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void altchaLibAndOurServerAndSolverAgreeBothWays() throws Exception {
    ProvingWork work = CivicDiary.builder().storage(InMemoryStorage.create()).clock(new MutableClock(NOW)).build()
        .provingWork(KEY, Duration.ofMinutes(10));
    Challenge ours = work.challenge(20_000);
    Path script = Files.createTempFile("altcha-cross-check", ".mjs");
    Files.writeString(script, """
        import altcha from '%s';
        import { solve } from '%s';
        const [challenge, key, expires] = [JSON.parse(process.argv[2]), process.argv[3], Number(process.argv[4])];
        // altcha-lib solves our challenge
        const theirs = await altcha.solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
        // our solver's payload, checked by altcha-lib (without its clock: the expiry is of a fixed day)
        const number = solve(challenge.challenge, challenge.salt, challenge.maxnumber);
        const payload = btoa(JSON.stringify({ algorithm: 'SHA-256', challenge: challenge.challenge, number, salt: challenge.salt, signature: challenge.signature }));
        const verified = await altcha.verifySolution(payload, key, false);
        const tampered = await altcha.verifySolution(btoa(JSON.stringify({ ...JSON.parse(atob(payload)), number: number + 1 })), key, false);
        // a challenge of altcha-lib, solved by our solver
        const made = await altcha.createChallenge({ hmacKey: key, maxnumber: 20000, expires: new Date(expires * 1000) });
        const madeNumber = solve(made.challenge, made.salt, made.maxnumber);
        console.log(JSON.stringify({ theirs: theirs && theirs.number, ours: number, verified, tampered, made, madeNumber }));
        """.formatted(altchaLib().toUri(), SOLVER.toAbsolutePath().toUri()));
    try {
      String out = run(List.of("node", script.toString(), JSON.writeValueAsString(ours), KEY,
          Long.toString(NOW.plus(Duration.ofMinutes(5)).getEpochSecond())), Duration.ofMinutes(2));
      JsonNode result = JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());

      assertThat(result.path("verified").asBoolean()).as("altcha-lib accepts our solver's payload").isTrue();
      assertThat(result.path("tampered").asBoolean()).as("and refuses a wrong number").isFalse();
      assertThat(result.path("ours").asLong()).isEqualTo(result.path("theirs").asLong());
      work.verify(new Solution(ours.algorithm(), ours.challenge(), result.path("theirs").asLong(), ours.salt(),
          ours.signature()));
      JsonNode made = result.path("made");
      assertThat(made.path("salt").asText()).contains("?expires=");
      Solution theirChallenge = new Solution(made.path("algorithm").asText(), made.path("challenge").asText(),
          result.path("madeNumber").asLong(), made.path("salt").asText(), made.path("signature").asText());
      work.verify(theirChallenge);
      assertThat(ProofOfWork.solution(java.util.Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(Map.of(
          "algorithm", "SHA-256", "challenge", made.path("challenge").asText(), "number", 1, "salt", "s",
          "signature", "x", "took", 12))))).as("the altcha widget's extra field is tolerated").isNotNull();
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
