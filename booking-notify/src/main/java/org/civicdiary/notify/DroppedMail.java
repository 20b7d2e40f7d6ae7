/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.Instant;

/**
 * A message the mail-drop wrote, as a dev mailbox page lists it.
 *
 * @param id the file's name without {@code .eml}, for {@link MailDrop#open}
 * @param at when it was written
 * @param to the recipient as in the To header
 * @param subject the decoded subject
 * @param messageId the Message-ID header
 */
public record DroppedMail(String id, Instant at, String to, String subject, String messageId) {

  /**
   * One message's parts.
   *
   * @param calendar the iCalendar text, or null when the message has none
   */
  public record Content(DroppedMail mail, String text, String html, String calendar) {}
}
