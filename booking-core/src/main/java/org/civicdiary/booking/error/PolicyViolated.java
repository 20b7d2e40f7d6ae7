/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

/** A well-formed request that the office's booking policy does not allow. */
public final class PolicyViolated extends BookingException {

  /** The policies, each named so that clients can translate them. */
  public enum Policy {
    TOO_MANY_RESERVATIONS,
    OVERLAPPING_RESERVATION,
    /** The address already holds the office's daily number of meetings with this official. */
    TOO_MANY_THE_SAME_DAY,
    TOPIC_TOO_LONG,
    EMAIL_REQUIRED,
    TOO_MANY_WAITING_LIST_ENTRIES,
    /** The address's mailbox has had as many messages today as citizens' own actions may send it. */
    TOO_MANY_MESSAGES
  }

  private final Policy policy;
  private final String field;

  public PolicyViolated(Policy policy, String field, String detail) {
    super("policy " + policy + " violated by field " + field + ": " + detail);
    this.policy = policy;
    this.field = field;
  }

  public Policy policy() {
    return policy;
  }

  /** The request field that breaks the policy. */
  public String field() {
    return field;
  }
}
