/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.ApiKey;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;

/**
 * Administrators give integrations (a portal's own server booking on a citizen's behalf) API keys
 * that spare their public writes the proof of work, and revoke them. Keys carry 256 random bits;
 * only their SHA-256 hash is stored. Every change is audited.
 */
public final class KeepingApiKeys {
  /** Marks the keys, so that a leaked one is recognised by secret scanners and people. */
  public static final String KEY_START = "cdk_";
  private static final int PREFIX_LENGTH = KEY_START.length() + 6;
  /** Last use is written at most this often per key, so that a busy integration costs no write per request. */
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
  private final Context context;

  KeepingApiKeys(Context context) {
    this.context = context;
  }

  /**
   * A new key with this name.
   *
   * @throws org.civicdiary.booking.error.NotPermitted unless the actor is an administrator
   * @throws org.civicdiary.booking.error.InvalidInput (field {@code name}) if the name is blank or too long
   */
  public IssuedApiKey create(StaffMember actor, String name) {
    Context.permit(actor.administersDeployment(), "create API keys");
    byte[] secret = new byte[32];
    context.random.nextBytes(secret);
    String value = KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    byte[] id = new byte[8];
    context.random.nextBytes(id);
    ApiKey key = new ApiKey(HexFormat.of().formatHex(id), name, value.substring(0, PREFIX_LENGTH),
        Digests.sha256(value), context.now(), null, null);
    context.storage.transactions().run(() -> {
      context.storage.apiKeys().add(key);
      context.audit(actor, "api-key.create", key.id(), null, describe(key));
    });
    return new IssuedApiKey(key, value);
  }

  /** Every key, revoked ones included, newest first; administrators only. */
  public List<ApiKey> keys(StaffMember actor) {
    Context.permit(actor.administersDeployment(), "see API keys");
    return context.storage.transactions().inTransaction(() -> context.storage.apiKeys().all());
  }

  /**
   * Revokes a key at once: the next request with it is refused.
   *
   * @throws NotFound if there is no such key
   * @throws StateConflict if it was already revoked
   */
  public ApiKey revoke(StaffMember actor, String id) {
    Context.permit(actor.administersDeployment(), "revoke API keys");
    return context.storage.transactions().inTransaction(() -> {
      ApiKey before = context.storage.apiKeys().find(id).orElseThrow(() -> new NotFound("api key", id));
      if (before.revoked()) {
        throw new StateConflict("API key " + id + " is already revoked");
      }
      context.storage.apiKeys().revoke(id, context.now());
      ApiKey after = context.storage.apiKeys().find(id).orElseThrow();
      context.audit(actor, "api-key.revoke", id, describe(before), describe(after));
      return after;
    });
  }

  /**
   * The valid key this secret is, noting its use; empty for an unknown or revoked one.
   */
  public Optional<ApiKey> recognise(String secret) {
    if (secret == null || !secret.startsWith(KEY_START) || secret.length() > 100) {
      return Optional.empty();
    }
    Optional<ApiKey> key = context.storage.transactions()
        .inTransaction(() -> context.storage.apiKeys().findByHash(Digests.sha256(secret)))
        .filter(k -> !k.revoked());
    Instant now = context.now();
    key.filter(k -> k.lastUsed() == null || k.lastUsed().plus(USE_RESOLUTION).isBefore(now))
        .ifPresent(k -> context.storage.transactions().run(() -> context.storage.apiKeys().used(k.id(), now)));
    return key;
  }

  private static String describe(ApiKey k) {
    return "name=" + k.name() + " prefix=" + k.prefix() + (k.revoked() ? " revoked" : "");
  }
}
