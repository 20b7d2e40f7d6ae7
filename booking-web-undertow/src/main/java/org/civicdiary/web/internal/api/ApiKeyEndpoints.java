/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.Instant;
import org.civicdiary.booking.model.ApiKey;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.IssuedApiKey;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;

/** Administrators' API keys for integrations: create (the secret shown once), list, revoke. */
final class ApiKeyEndpoints {
  private final CivicDiary diary;

  ApiKeyEndpoints(CivicDiary diary) {
    this.diary = diary;
  }

  /** GET /api/v1/staff/api-keys: every key, newest first, without secrets. */
  Reply list(Call call) {
    return Reply.ok(diary.keepingApiKeys().keys(call.member()).stream().map(KeyView::of).toList());
  }

  /** POST /api/v1/staff/api-keys: 201 with the key and its secret, which is never shown again. */
  Reply create(Call call) {
    IssuedApiKey issued = diary.keepingApiKeys().create(call.member(), call.body(NewKey.class).name());
    return Reply.json(201, new CreatedKey(KeyView.of(issued.key()), issued.secret()))
        .header("Cache-Control", "no-store");
  }

  /** POST /api/v1/staff/api-keys/{id}/revoke: the next request with it is refused. */
  Reply revoke(Call call) {
    call.noBody();
    return Reply.ok(KeyView.of(diary.keepingApiKeys().revoke(call.member(), call.path("id"))));
  }

  record NewKey(String name) {}

  record KeyView(String id, String name, String prefix, Instant createdAt, Instant lastUsed, Instant revokedAt) {
    static KeyView of(ApiKey k) {
      return new KeyView(k.id(), k.name(), k.prefix(), k.createdAt(), k.lastUsed(), k.revokedAt());
    }
  }

  record CreatedKey(KeyView key, String secret) {}
}
