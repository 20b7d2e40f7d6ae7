/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.ID_CARD;
import static org.civicdiary.web.contract.TestOffice.NOVAK;
import static org.civicdiary.web.contract.TestOffice.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** Many citizens, one slot. Week 4, Thursday is this part's (Monday is Easter Monday). */
abstract class ConcurrencyPart extends ContractPart {
  ConcurrencyPart(HttpApiContract contract) {
    super(contract);
  }

  @Test
  void oneHundredParallelBookingsOfOneSlotMakeOne201AndNinetyNine409() throws Exception {
    Instant start = slot(4, 3, 0);
    ExecutorService pool = Executors.newFixedThreadPool(100);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Map<String, Object> body = HttpApiContract.booking(NOVAK, ID_CARD, start, HttpApiContract.email());
        answers.add(pool.submit(() -> {
          go.await();
          return api().post("/api/v1/reservations", body);
        }));
      }
      go.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> f : answers) {
        responses.add(f.get());
      }
      Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
      assertThat(byStatus).as(responses.stream().filter(r -> r.status() != 201 && r.status() != 409)
          .map(Response::toString).findFirst().orElse("")).containsOnly(Map.entry(201, 1L), Map.entry(409, 99L));
      responses.stream().filter(r -> r.status() == 409)
          .forEach(r -> assertThat(r.json().path("code").asText()).isEqualTo("slot-taken"));
      assertThat(c.reservationsAt(NOVAK, start)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
