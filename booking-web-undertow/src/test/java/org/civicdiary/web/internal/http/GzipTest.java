/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GzipTest {
  private static final byte[] LARGE = ("{\"slots\":[" + "{\"start\":\"2027-03-01T15:00:00Z\"},".repeat(100) + "{}]}")
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void aLargeJsonAnswerIsCompressedForAClientThatAcceptsGzipAndLeftPlainForOneThatDoesNot() {
    Reply reply = Reply.bytes(200, Reply.JSON, LARGE);

    Reply zipped = Responder.encoded(reply, true);
    Reply plain = Responder.encoded(reply, false);

    assertThat(zipped.headers()).containsEntry("Content-Encoding", "gzip").containsEntry("Vary", "Accept-Encoding");
    assertThat(zipped.body().length).isLessThan(LARGE.length / 4);
    assertThat(Gzip.decompress(zipped.body())).isEqualTo(LARGE);
    assertThat(plain.headers()).doesNotContainKey("Content-Encoding").containsEntry("Vary", "Accept-Encoding");
    assertThat(plain.body()).isEqualTo(LARGE);
  }

  @Test
  void aKeptCompressedAnswerIsDecompressedForAClientThatDoesNotAcceptGzip() {
    Reply kept = Reply.bytes(200, Reply.JSON, Gzip.compress(LARGE)).header("Content-Encoding", "gzip");

    assertThat(Responder.encoded(kept, false).body()).isEqualTo(LARGE);
    assertThat(Responder.encoded(kept, false).headers()).doesNotContainKey("Content-Encoding");
    assertThat(Responder.encoded(kept, true).body()).isEqualTo(kept.body());
  }

  @Test
  void theAnswerCacheUncompressesAKeptAnswerOnceForClientsThatDoNotAcceptGzip() {
    ResponseCache cache = new ResponseCache(java.time.Duration.ofMinutes(1));
    int[] computed = {0};
    java.util.function.Supplier<byte[]> compute = () -> {
      computed[0]++;
      return LARGE;
    };

    Reply first = Responder.encoded(cache.json("department-days d1 w1", compute), false);
    Reply second = Responder.encoded(cache.json("department-days d1 w1", compute), false);
    Reply zipped = Responder.encoded(cache.json("department-days d1 w1", compute), true);

    assertThat(first.body()).isEqualTo(LARGE);
    assertThat(second.body()).isSameAs(first.body()); // made once, not per request
    assertThat(first.headers()).doesNotContainKey("Content-Encoding");
    assertThat(Gzip.decompress(zipped.body())).isEqualTo(LARGE);
    assertThat(computed[0]).isEqualTo(1);

    cache.invalidate();
    Reply after = Responder.encoded(cache.json("department-days d1 w1", compute), false);
    assertThat(after.body()).isEqualTo(LARGE).isNotSameAs(first.body());
    assertThat(computed[0]).isEqualTo(2);
  }

  @Test
  void smallAnswersAnswersWithAnETagAndBinaryTypesGoOutAsTheyAre() {
    Reply small = Reply.bytes(200, Reply.JSON, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    Reply tagged = Reply.bytes(200, "text/calendar", LARGE).header("ETag", "\"abc\"");
    Reply image = Reply.bytes(200, "image/png", LARGE);

    for (Reply reply : new Reply[] {small, tagged, image}) {
      assertThat(Responder.encoded(reply, true)).isSameAs(reply);
    }
  }

  @Test
  void gzipIsAcceptedWhenNamedOrByStarWithAWeightAboveZero() {
    assertThat(Gzip.accepted(java.util.List.of("gzip, deflate, br"))).isTrue();
    assertThat(Gzip.accepted(java.util.List.of("br;q=1.0, GZIP;q=0.5"))).isTrue();
    assertThat(Gzip.accepted(java.util.List.of("*"))).isTrue();
    assertThat(Gzip.accepted(java.util.List.of("gzip;q=0", "*"))).isFalse();
    assertThat(Gzip.accepted(java.util.List.of("gzip;q=0.000"))).isFalse();
    assertThat(Gzip.accepted(java.util.List.of("identity"))).isFalse();
    assertThat(Gzip.accepted(null)).isFalse();
  }
}
