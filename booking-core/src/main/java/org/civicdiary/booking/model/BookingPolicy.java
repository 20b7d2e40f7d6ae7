/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.time.Duration;
import org.civicdiary.booking.error.InvalidInput;

/**
 * The rules an office sets for booking.
 *
 * @param horizonDays how many days ahead citizens may book (the last bookable day is today plus this)
 * @param minimumNotice how long before the meeting booking closes
 * @param maxOpenPerEmail how many open (active or displaced) reservations one e-mail address may hold
 * @param topicMaxLength the longest topic accepted
 * @param retentionDays how many days after the meeting personal data is kept
 * @param reminderLead how long before the meeting the reminder goes out
 * @param feedShowsCitizenNames whether the officials' private calendar feeds name the citizen beside
 *     the agenda; off by default, because a calendar synchronised to a phone or a cloud service is
 *     another copy of personal data, so the office must allow it on purpose
 * @param phoneShareRelease how long before a window occurrence begins the share it keeps for the
 *     phone is released to the web
 * @param maxDailyPerEmail how many meetings one e-mail address may hold with one official on one day
 *     (in the office's zone), one unless the office says otherwise: a caller who needs longer books
 *     an agenda of more slots, and one address cannot hold a morning of consecutive slots
 * @param proposalHold how long the replacement times proposed to a displaced citizen stay held for
 *     them (nobody else can book them meanwhile) unless they choose sooner
 */
public record BookingPolicy(
    int horizonDays,
    Duration minimumNotice,
    int maxOpenPerEmail,
    int topicMaxLength,
    int retentionDays,
    Duration reminderLead,
    boolean feedShowsCitizenNames,
    Duration phoneShareRelease,
    int maxDailyPerEmail,
    Duration proposalHold) {

  /** The release of phone shares when an office does not set it: two days ahead. */
  public static final Duration PHONE_SHARE_RELEASE = Duration.ofHours(48);

  /** Meetings one address may hold with one official on one day when an office does not say: one. */
  public static final int MAX_DAILY_PER_EMAIL = 1;

  /** How long proposals stay held when an office does not set it: two days. */
  public static final Duration PROPOSAL_HOLD = Duration.ofHours(48);

  public static final BookingPolicy DEFAULT =
      new BookingPolicy(60, Duration.ofHours(2), 3, 500, 90, Duration.ofDays(1), false);

  /** A policy with the default release of phone shares. */
  public BookingPolicy(int horizonDays, Duration minimumNotice, int maxOpenPerEmail, int topicMaxLength,
      int retentionDays, Duration reminderLead, boolean feedShowsCitizenNames) {
    this(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays, reminderLead,
        feedShowsCitizenNames, PHONE_SHARE_RELEASE);
  }

  /** A policy with the default daily limit per address and official and the default hold of proposals. */
  public BookingPolicy(int horizonDays, Duration minimumNotice, int maxOpenPerEmail, int topicMaxLength,
      int retentionDays, Duration reminderLead, boolean feedShowsCitizenNames, Duration phoneShareRelease) {
    this(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays, reminderLead,
        feedShowsCitizenNames, phoneShareRelease, MAX_DAILY_PER_EMAIL, PROPOSAL_HOLD);
  }

  /** A policy with the default hold of proposals. */
  public BookingPolicy(int horizonDays, Duration minimumNotice, int maxOpenPerEmail, int topicMaxLength,
      int retentionDays, Duration reminderLead, boolean feedShowsCitizenNames, Duration phoneShareRelease,
      int maxDailyPerEmail) {
    this(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays, reminderLead,
        feedShowsCitizenNames, phoneShareRelease, maxDailyPerEmail, PROPOSAL_HOLD);
  }

  /** A policy with the default daily limit per address and official. */
  public BookingPolicy(int horizonDays, Duration minimumNotice, int maxOpenPerEmail, int topicMaxLength,
      int retentionDays, Duration reminderLead, boolean feedShowsCitizenNames, Duration phoneShareRelease,
      Duration proposalHold) {
    this(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays, reminderLead,
        feedShowsCitizenNames, phoneShareRelease, MAX_DAILY_PER_EMAIL, proposalHold);
  }

  /** The same policy with another release of phone shares. */
  public BookingPolicy withPhoneShareRelease(Duration release) {
    return new BookingPolicy(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays,
        reminderLead, feedShowsCitizenNames, release, maxDailyPerEmail, proposalHold);
  }

  /** The same policy with another daily limit per address and official. */
  public BookingPolicy withMaxDailyPerEmail(int limit) {
    return new BookingPolicy(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays,
        reminderLead, feedShowsCitizenNames, phoneShareRelease, limit, proposalHold);
  }

  /** The same policy with another hold of proposals. */
  public BookingPolicy withProposalHold(Duration hold) {
    return new BookingPolicy(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays,
        reminderLead, feedShowsCitizenNames, phoneShareRelease, maxDailyPerEmail, hold);
  }

  public BookingPolicy {
    Check.range("horizonDays", horizonDays, 1, 730);
    Check.present("minimumNotice", minimumNotice);
    if (minimumNotice.isNegative() || minimumNotice.compareTo(Duration.ofDays(30)) > 0) {
      throw new InvalidInput("minimumNotice", "must be between 0 and 30 days");
    }
    Check.range("maxOpenPerEmail", maxOpenPerEmail, 1, 100);
    Check.range("topicMaxLength", topicMaxLength, 1, Reservation.TOPIC_HARD_LIMIT);
    Check.range("retentionDays", retentionDays, 1, 3650);
    Check.present("reminderLead", reminderLead);
    if (reminderLead.isNegative() || reminderLead.compareTo(Duration.ofDays(14)) > 0) {
      throw new InvalidInput("reminderLead", "must be between 0 and 14 days");
    }
    Check.present("phoneShareRelease", phoneShareRelease);
    if (phoneShareRelease.isNegative() || phoneShareRelease.compareTo(Duration.ofDays(60)) > 0) {
      throw new InvalidInput("phoneShareRelease", "must be between 0 and 60 days");
    }
    Check.range("maxDailyPerEmail", maxDailyPerEmail, 1, 100);
    Check.present("proposalHold", proposalHold);
    if (proposalHold.compareTo(Duration.ofMinutes(1)) < 0 || proposalHold.compareTo(Duration.ofDays(14)) > 0) {
      throw new InvalidInput("proposalHold", "must be between 1 minute and 14 days");
    }
  }
}
