/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.model.ApiKey;

/**
 * A key just created: the only moment its secret exists outside the integration; only its hash is
 * stored.
 *
 * @param secret to hand to the integration, sent as {@code Authorization: Bearer <secret>}
 */
public record IssuedApiKey(ApiKey key, String secret) {
  @Override
  public String toString() {
    return "IssuedApiKey[" + key.id() + "]";
  }
}
