/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

/**
 * A channel could not deliver a notice now. The message says why without personal data (it is
 * stored with the message and shown to operators).
 */
public final class DeliveryFailed extends Exception {
  public DeliveryFailed(String message) {
    super(message);
  }

  public DeliveryFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
