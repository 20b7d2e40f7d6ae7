/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.OutboxMessage;

/**
 * One rendered message to one citizen, as every channel receives it.
 *
 * @param messageId the stable Message-ID, {@code <uuid@domain>}: the same for every attempt at the
 *     same outbox message, so a repeat is recognisable
 * @param message the outbox entry it was rendered from (kind, reservation, attempts)
 * @param language the citizen's language
 * @param citizenName the name the citizen gave
 * @param email where it goes
 * @param phone the citizen's phone, or null
 * @param subject one line, no control characters
 * @param text the plain-text body
 * @param html the HTML body, every value from a citizen or staff escaped
 * @param invitation the calendar object for this message, or null
 * @param manageLink the citizen's link to view, cancel or move the reservation (a fresh token)
 * @param zone the office's time zone, in which the message is dated
 */
public record Notice(
    String messageId,
    OutboxMessage message,
    Language language,
    String citizenName,
    String email,
    String phone,
    String subject,
    String text,
    String html,
    Invitation invitation,
    String manageLink,
    ZoneId zone) {
  /** A notice dated in UTC (for channels built before notices carried the office's zone). */
  public Notice(String messageId, OutboxMessage message, Language language, String citizenName, String email,
      String phone, String subject, String text, String html, Invitation invitation, String manageLink) {
    this(messageId, message, language, citizenName, email, phone, subject, text, html, invitation, manageLink,
        ZoneOffset.UTC);
  }

  public Notice {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(citizenName, "citizenName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(manageLink, "manageLink");
    Objects.requireNonNull(zone, "zone");
    if (subject.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("subject must be one line without control characters");
    }
  }

  /** Personal data stays out of logs. */
  @Override
  public String toString() {
    return "Notice[" + messageId + " " + message.kind() + " reservation=" + message.reservation() + "]";
  }
}
