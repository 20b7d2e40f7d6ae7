/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdiary.web.contract.TestOffice.DVORAK;
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
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.web.contract.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Many citizens, one slot; one mailbox, many spellings. Week 4, Thursday (Monday is Easter Monday)
 * and Dvořák's week 6, Thursday are this part's.
 */
abstract class ConcurrencyPart extends ContractPart {
  ConcurrencyPart(HttpApiContract contract) {
    super(contract);
  }

  /** Sends every booking at the same moment, each on a thread of its own, and returns the answers in order. */
  private List<Response> allAtOnce(List<Map<String, Object>> bodies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (Map<String, Object> body : bodies) {
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
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneHundredParallelBookingsOfOneSlotMakeOne201AndNinetyNine409() throws Exception {
    Instant start = slot(4, 3, 0);
    List<Map<String, Object>> bodies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      bodies.add(HttpApiContract.booking(NOVAK, ID_CARD, start, HttpApiContract.email()));
    }
    List<Response> responses = allAtOnce(bodies);
    Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
    assertThat(byStatus).as(responses.stream().filter(r -> r.status() != 201 && r.status() != 409)
        .map(Response::toString).findFirst().orElse("")).containsOnly(Map.entry(201, 1L), Map.entry(409, 99L));
    responses.stream().filter(r -> r.status() == 409)
        .forEach(r -> assertThat(r.json().path("code").asText()).isEqualTo("slot-taken"));
    assertThat(c.reservationsAt(NOVAK, start)).isEqualTo(1);
  }

  /**
   * Issue 14 item 6: eight bookings at once from +tag and Gmail-dot spellings of one mailbox, each at
   * its own time, never get more than the office's limit of open reservations per address.
   */
  @Test
  void eightParallelBookingsFromSpellingsOfOneMailboxGetNoMoreThanTheLimit() throws Exception {
    int limit = BookingPolicy.DEFAULT.maxOpenPerEmail();
    List<Map<String, Object>> bodies = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String spelling = (i % 2 == 0 ? "sbe.ratel+" + i : "Sberatel+" + i) + (i % 3 == 0 ? "@googlemail.com" : "@GMAIL.com");
      bodies.add(HttpApiContract.booking(DVORAK, ID_CARD, slot(6, 3, i), spelling));
    }
    // One day of one official: the daily limit is raised, so that the count of open reservations binds.
    List<Response> responses;
    dailyLimit(8);
    try {
      responses = allAtOnce(bodies);
    } finally {
      dailyLimit(1);
    }
    assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(limit);
    responses.stream().filter(r -> r.status() != 201).forEach(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.json().path("code").asText()).isEqualTo("email-limit");
    });
    long held = 0;
    for (int i = 0; i < 8; i++) {
      held += c.reservationsAt(DVORAK, slot(6, 3, i));
    }
    assertThat(held).isEqualTo(limit);
  }
}
