/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.civicdiary.booking.model.BusyFeed;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.web.internal.api.Views;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Json;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.limits.AddressRange;
import org.civicdiary.web.internal.problem.HttpProblem;
import org.civicdiary.web.internal.problem.Problems;
import org.civicdiary.web.internal.problem.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Health checks, Prometheus metrics and the OpenAPI document. */
public final class Operations {
  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
  public static final String OPENAPI_RESOURCE = "/org/civicdiary/web/openapi.json";
  private final Storage storage;
  private final MeterRegistry registry;
  private final List<AddressRange> metricsFrom;
  private final byte[] metricsTokenHash;
  private final ObjectNode openApi;
  private final Map<String, byte[]> openApiByMount = new ConcurrentHashMap<>();
  private final Supplier<String> rateLimits;

  /** @param rateLimits where the per-address limits are counted: PER_NODE, SHARED or PER_NODE_FALLBACK */
  public Operations(Storage storage, MeterRegistry registry, List<AddressRange> metricsFrom, String metricsTokenHash,
      Supplier<String> rateLimits) {
    this.rateLimits = rateLimits;
    this.storage = storage;
    this.registry = registry;
    this.metricsFrom = metricsFrom;
    this.metricsTokenHash = metricsTokenHash == null ? null : HexFormat.of().parseHex(metricsTokenHash);
    this.openApi = loadOpenApi();
  }

  public Reply live(Call call) {
    return Reply.ok(new Views.Status("UP"));
  }

  /**
   * Ready when the storage answers a cheap read. The details count the officials' busy feeds whose
   * last poll failed (one small table read); a failing calendar never makes the node unready (its last good busy time
   * keeps applying for a while), but operators should see it. So should they a shared rate-limit
   * store that fails ({@code rateLimits: PER_NODE_FALLBACK}): the node stays ready, counting on its own.
   * With a standby for public reads, the details say whether they go to it or fall back to the
   * primary, and why; a fallback leaves the node ready (the primary serves those reads).
   */
  public Reply ready(Call call) {
    try {
      storage.directory().offices();
      List<BusyFeed> feeds = storage.busyFeeds().all();
      long failing = feeds.stream().filter(f -> f.failure() != null).count();
      StandbyHealth standby = storage.transactions().standby()
          .map(s -> new StandbyHealth(s.inUse() ? "standby" : "primary", s.detail())).orElse(null);
      return Reply.ok(new Ready("UP", new BusyFeedHealth(feeds.size(), failing), rateLimits.get(), standby));
    } catch (RuntimeException e) {
      LOG.warn("not ready: storage does not answer: {}", e.toString());
      return Reply.json(503, new Views.Status("DOWN")).header("Retry-After", Problems.RETRY_AFTER_UNAVAILABLE);
    }
  }

  /** What the readiness check answers when ready. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Ready(String status, BusyFeedHealth busyFeeds, String rateLimits, StandbyHealth standby) {}

  /** Where public reads go ({@code standby} or {@code primary}) and why; absent without a standby. */
  record StandbyHealth(String publicReads, String detail) {}

  /**
   * How many busy feeds there are and how many failed at their last poll; counts only, as anyone
   * may ask: which officials, and why, the staff API tells.
   */
  record BusyFeedHealth(int feeds, long failing) {}

  /** Prometheus text, only to the configured scraper addresses or to a scraper with the token. */
  public Reply metrics(Call call) {
    InetAddress client = AddressRange.literal(call.address());
    if (!hasToken(call) && (client == null || !AddressRange.anyContains(metricsFrom, client))) {
      throw HttpProblem.forbidden(Refusal.METRICS_REFUSED,
          "metrics are served only to civicdiary.web.metrics-from, or with the civicdiary.web.metrics-token");
    }
    if (!(registry instanceof PrometheusMeterRegistry prometheus)) {
      throw HttpProblem.notFound("the host exports metrics through its own registry");
    }
    return Reply.bytes(200, "text/plain; version=0.0.4",
        prometheus.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private boolean hasToken(Call call) {
    String authorization = call.exchange().getRequestHeaders().getFirst("Authorization");
    if (metricsTokenHash == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    try {
      byte[] offered = MessageDigest.getInstance("SHA-256")
          .digest(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(offered, metricsTokenHash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The OpenAPI document, its server set to where the API is mounted. */
  public Reply openApi(Call call) {
    String mount = call.mount();
    return Reply.bytes(200, Reply.JSON, openApiByMount.computeIfAbsent(mount, m -> {
      ObjectNode doc = openApi.deepCopy();
      doc.putArray("servers").addObject().put("url", m.isEmpty() ? "/" : m);
      return Json.write(doc);
    }));
  }

  private static ObjectNode loadOpenApi() {
    try (InputStream in = Operations.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
      }
      return (ObjectNode) Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable " + OPENAPI_RESOURCE, e);
    }
  }
}
