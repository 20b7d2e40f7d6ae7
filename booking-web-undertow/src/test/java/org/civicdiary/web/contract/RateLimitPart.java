/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.DVORAK;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.SVOBODA;
import static org.civicdiary.web.contract.TestOffice.day;
import static org.civicdiary.web.contract.TestOffice.slot;

import java.util.Map;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** Token buckets per client address and per e-mail address. Week 4, Tuesday on, is this part's. */
abstract class RateLimitPart extends ContractPart {
  RateLimitPart(HttpApiContract contract) {
    super(contract);
  }

  @Test
  void bookingsPerAddressAre429WithRetryAfter() {
    BookingServer strict = c.startServer(Map.of("civicdiary.web.rate.booking-per-address", "2/PT1H"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), strict.uri());
    for (int i = 0; i < 2; i++) {
      assertThat(client.post("/api/v1/reservations", HttpApiContract.booking(NOVAK, ID_CARD, slot(4, 1, i), HttpApiContract.email()))
          .status()).isEqualTo(201);
    }
    Response refused = client.post("/api/v1/reservations", HttpApiContract.booking(NOVAK, ID_CARD, slot(4, 1, 2), HttpApiContract.email()));
    assertProblem(refused, 429, "rate-limited", null);
    assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 3600L);
    assertThat(c.reservationsAt(NOVAK, slot(4, 1, 2))).isZero();
  }

  @Test
  void slotQueriesPerAddressAre429WithRetryAfter() {
    BookingServer strict = c.startServer(Map.of("civicdiary.web.rate.queries-per-address", "3/PT1H"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), strict.uri());
    String query = "/api/v1/officials/" + SVOBODA + "/slots?agenda=" + ID_CARD + "&from=" + day(4, 1);
    for (int i = 0; i < 3; i++) {
      assertThat(client.get(query).status()).isEqualTo(200);
    }
    Response refused = client.get(query);
    assertProblem(refused, 429, "rate-limited", null);
    assertThat(refused.header("Retry-After")).isPresent();
  }

  @Test
  void bookingsPerEmailLookLikeAnyOtherLimitOfTheAddress() {
    BookingServer strict = c.startServer(Map.of("civicdiary.web.rate.booking-per-email", "1/PT1H"));
    ApiClient client = new ApiClient(ApiClient.newHttpClient(), strict.uri());
    String email = HttpApiContract.email();
    assertThat(client.post("/api/v1/reservations", HttpApiContract.booking(DVORAK, ID_CARD, slot(4, 2, 0), email)).status())
        .isEqualTo(201);
    Response refused = client.post("/api/v1/reservations", HttpApiContract.booking(DVORAK, ID_CARD, slot(4, 2, 1), email));
    assertProblem(refused, 422, "email-limit", "email");
    assertThat(refused.header("Retry-After")).as("no hint of when the address booked").isEmpty();
    assertThat(c.reservationsAt(DVORAK, slot(4, 2, 1))).isZero();
    Response failed = client.post("/api/v1/reservations", HttpApiContract.booking(DVORAK, ID_CARD, slot(4, 2, 0),
        HttpApiContract.email()));
    assertThat(failed.status()).isEqualTo(409);
    String fresh = HttpApiContract.email();
    assertThat(client.post("/api/v1/reservations", HttpApiContract.booking(DVORAK, ID_CARD, slot(4, 2, 0), fresh)).status())
        .isEqualTo(409);
    assertThat(client.post("/api/v1/reservations", HttpApiContract.booking(DVORAK, ID_CARD, slot(4, 2, 2), fresh)).status())
        .as("a refused booking does not use up the address's allowance").isEqualTo(201);
  }
}
