/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

/**
 * A way to reach the citizen: e-mail by SMTP, the demo's mail-drop folder, or an integrator's own
 * (SMS gateway, webhook), added through Guice:
 *
 * <pre>{@code
 * Multibinder.newSetBinder(binder(), Notifier.class).addBinding().to(SmsGateway.class);
 * }</pre>
 *
 * <p>The dispatcher hands each message to every channel, one after another, on one of its threads
 * (several threads may call a channel at once, so it must be thread-safe). A
 * message counts as sent when every channel returned; if one throws, the message is tried again
 * later on every channel, so a channel may see the same {@link Notice#messageId()} more than once
 * and should use it to recognise a repeat (delivery is at least once). A channel decides for itself
 * which notices concern it (an SMS gateway may skip those without a phone number).
 */
public interface Notifier extends AutoCloseable {
  /** A short name for logs and for the error an operator sees, e.g. {@code smtp}. */
  String name();

  /**
   * Delivers the notice, or throws.
   *
   * @throws DeliveryFailed if it could not be delivered now; the message is tried again later and
   *     parked for the operators after the configured number of attempts
   */
  void deliver(Notice notice) throws DeliveryFailed;

  /** Lets go of connections; the channel may be used again afterwards and reconnects. */
  @Override
  default void close() {}
}
