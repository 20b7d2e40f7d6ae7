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
