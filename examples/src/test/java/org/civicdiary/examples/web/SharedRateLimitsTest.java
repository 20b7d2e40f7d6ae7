/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.testkit.NeedsPostgres;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.WebModule;
import org.civicdiary.web.WebSettings;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.ApiClient.Response;
import org.civicdiary.web.contract.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes in one JVM on one PostgreSQL database, one client address (127.0.0.1): with
 * {@code civicdiary.web.rate.shared} on, a per-address limit holds in total; off (the default), each
 * node has its own. The limit is {@value #LIMIT} an hour, so no token comes back while a test runs,
 * whatever the time of day.
 */
@NeedsPostgres
class SharedRateLimitsTest {
  @RegisterExtension
  static final FreshDatabase DB = FreshDatabase.postgres("limits");
  private static final int LIMIT = 6;
  private static final String QUERY = "/api/v1/departments";
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void emptyBuckets() {
    JdbcStorage.start(config(DB)).close(); // migrated, before the first node starts
    DB.execute("delete from rate_limit_bucket");
  }

  @AfterEach
  void stopNodes() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void sharedTheLimitHoldsInTotalAcrossTwoNodes() {
    List<ApiClient> nodes = List.of(node(true), node(true));
    for (int i = 0; i < LIMIT; i++) {
      Response answer = nodes.get(i % 2).get(QUERY);
      assertThat(answer.status()).as("request %d, node %d", i, i % 2).isEqualTo(200);
    }
    for (ApiClient node : nodes) {
      assertRefused(node.get(QUERY));
      assertThat(ready(node)).isEqualTo("SHARED");
    }
    assertThat(count("select count(*) from rate_limit_bucket")).as("one bucket, the queries'").isOne();
    assertThat(count("select count(*) from rate_limit_bucket where encode(state, 'escape') like '%127.0.0.1%'"))
        .as("the id is a hash, and the address is nowhere").isZero();
  }

  @Test
  void perNodeByDefaultEachNodeHasItsOwnLimit() {
    assertThat(WebSettings.from(Settings.of(Map.of())).rateShared()).as("the default").isFalse();
    List<ApiClient> nodes = List.of(node(false), node(false));
    for (ApiClient node : nodes) {
      for (int i = 0; i < LIMIT; i++) {
        assertThat(node.get(QUERY).status()).isEqualTo(200);
      }
      assertRefused(node.get(QUERY));
      assertThat(ready(node)).isEqualTo("PER_NODE");
    }
    assertThat(count("select count(*) from rate_limit_bucket")).isZero();
  }

  @Test
  void aStoreThatFailsLocksNobodyOutEachNodeCountsOnItsOwn() {
    List<ApiClient> nodes = List.of(node(true), node(true));
    DB.execute("alter table rate_limit_bucket rename to rate_limit_bucket_away");
    try {
      for (ApiClient node : nodes) {
        for (int i = 0; i < LIMIT; i++) {
          assertThat(node.get(QUERY).status()).isEqualTo(200);
        }
        assertRefused(node.get(QUERY));
        assertThat(ready(node)).isEqualTo("PER_NODE_FALLBACK");
      }
    } finally {
      DB.execute("alter table rate_limit_bucket_away rename to rate_limit_bucket");
    }
  }

  @Test
  void sharingOnH2IsRefusedAtStart() {
    try (FreshDatabase h2 = FreshDatabase.h2("limits")) {
      assertThatThrownBy(() -> start(h2, true))
          .hasStackTraceContaining(WebSettings.RATE_SHARED + " is on, but the nodes can share token buckets only in"
              + " PostgreSQL");
    }
  }

  private static void assertRefused(Response refused) {
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("type").asText()).endsWith("rate-limited");
    assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 3600L);
  }

  private static long count(String sql) {
    try (java.sql.Connection c = DB.connect(); java.sql.ResultSet rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ready(ApiClient node) {
    Response ready = node.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    return ready.json().path("rateLimits").asText();
  }

  private ApiClient node(boolean shared) {
    return new ApiClient(ApiClient.newHttpClient(), start(DB, shared).uri());
  }

  private static PersistenceConfig config(FreshDatabase database) {
    return PersistenceConfig.builder().url(database.url()).user(database.user()).password(database.password())
        .poolSize(4).connectionTimeout(Duration.ofSeconds(30)).build();
  }

  private BookingServer start(FreshDatabase database, boolean shared) {
    Map<String, String> settings = new HashMap<>(TestServers.defaults());
    settings.put("civicdiary.web.rate.queries-per-address", LIMIT + "/PT1H");
    if (shared) {
      settings.put(WebSettings.RATE_SHARED, "true");
    }
    Injector injector = Guice.createInjector(new WebModule(Settings.of(settings)),
        new PersistenceModule(config(database)));
    opened.add(() -> injector.getInstance(JdbcStorage.class).close());
    BookingServer server = BookingServer.start(injector);
    opened.add(server::stop);
    return server;
  }
}
