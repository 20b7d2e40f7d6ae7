/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.time.Instant;

/**
 * Tidying that an adapter adds to the housekeeping run, beside the storage's own (say, removing
 * old files of the mail-drop). It runs on the housekeeping thread, after the storage's work; it
 * must be safe to run on several nodes at once and again after a failure.
 */
public interface Chore {
  /** Names what it removes in the run's report and logs, e.g. {@code mail-drop-files}. */
  String name();

  /**
   * Does the work once.
   *
   * @param now the housekeeping clock's instant
   * @return how many things it removed
   */
  int run(Instant now);
}
