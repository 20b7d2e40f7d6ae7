/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.civicdiary.booking.usecase.Challenge;
import org.civicdiary.booking.usecase.Solution;
import org.civicdiary.testkit.contract.ProofOfWorkContract;

/** Books over HTTP as a script would when the proof of work is on: fetches a challenge and solves it. */
public final class ProofOfWorkClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProofOfWorkClient() {}

  /**
   * The value of the {@code Altcha} header for one public write.
   *
   * @param api the server's base with its prefix (where {@code /api/v1} starts)
   */
  public static String solved(HttpClient http, URI api) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api.toString().replaceAll("/+$", "")
        + "/api/v1/challenge")).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("no challenge: " + answer.statusCode() + " " + answer.body());
    }
    JsonNode c = JSON.readTree(answer.body());
    Solution s = ProofOfWorkContract.solve(new Challenge(c.get("algorithm").asText(), c.get("challenge").asText(),
        c.get("maxnumber").asLong(), c.get("salt").asText(), c.get("signature").asText()));
    return Base64.getEncoder().encodeToString(JSON.writeValueAsString(s).getBytes(StandardCharsets.UTF_8));
  }
}
