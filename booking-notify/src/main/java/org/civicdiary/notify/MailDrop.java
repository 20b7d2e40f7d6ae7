/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The demo's mailbox: each message is written as an {@code .eml} file into a folder instead of
 * being sent, and can be listed for a dev mailbox page. Bound (as an optional binding) only when
 * {@code civicdiary.mail.transport} is {@code drop}.
 */
public interface MailDrop {
  Path folder();

  /** The newest messages first, at most {@code limit}. */
  List<DroppedMail> newest(int limit);

  /** One message's text, HTML and calendar parts; empty if there is no such message. */
  Optional<DroppedMail.Content> open(String id);

  /**
   * Removes the message files written before {@code cutoff} (the housekeeping does, after {@code
   * civicdiary.housekeeping.mail-drop-after}); other files in the folder stay.
   *
   * @return how many were removed
   */
  int removeWrittenBefore(Instant cutoff);
}
