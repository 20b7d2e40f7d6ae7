/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicdiary.booking.model.WebhookSecret;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  // The test vector of the Standard Webhooks reference libraries ("sign function works").
  private static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

  @Test
  void signsTheSpecificationsTestVector() {
    assertThat(WebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}",
        List.of(SPEC_SECRET))).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void duringARotationBothSecretsSignSeparatedByASpace() {
    WebhookSecret next = WebhookSecret.parse("whsec_" + "A".repeat(43) + "=");
    String both = WebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}",
        List.of(next, SPEC_SECRET));

    assertThat(both.split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
    assertThat(both).endsWith(" v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void theSecretKeepsItsTextFormAndNeverShowsInToString() {
    assertThat(SPEC_SECRET.text()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    assertThat(SPEC_SECRET.toString()).doesNotContain("MfKQ9r8");
  }
}
