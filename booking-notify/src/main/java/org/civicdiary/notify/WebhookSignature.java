/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civicdiary.booking.model.WebhookSecret;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: {@code v1,} and the
 * base64 HMAC-SHA256 of {@code id.timestamp.body}, once per secret, separated by spaces (during a
 * rotation the receiver accepts either).
 */
final class WebhookSignature {
  private WebhookSignature() {}

  static String header(String id, long timestamp, String body, List<WebhookSecret> secrets) {
    String signed = id + "." + timestamp + "." + body;
    return secrets.stream().map(s -> "v1," + hmac(s, signed)).collect(Collectors.joining(" "));
  }

  private static String hmac(WebhookSecret secret, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
