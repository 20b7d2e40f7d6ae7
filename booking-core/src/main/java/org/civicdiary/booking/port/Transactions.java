/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Units of work. Everything the work does through the ports commits together or not at all; a
 * unit started inside another joins it.
 */
public interface Transactions {
  /**
   * Runs the work in a unit of work and commits if it returns; rolls back and rethrows if it throws.
   *
   * @throws org.civicdiary.booking.error.StorageUnavailable if the storage fails to begin or commit
   */
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs reads of what anyone may see (citizens' free time, the public directory), which the
   * storage may answer from a copy a moment behind its primary, such as a hot standby. Only reads
   * whose staleness does no harm belong here: a slot shown free that was just taken is refused at
   * booking ({@link org.civicdiary.booking.error.SlotTaken}), which reads the primary. Inside a unit
   * of work, or around one that the work starts, everything stays on the primary. The default runs
   * the work as it is.
   */
  default <T> T publicRead(Supplier<T> work) {
    return work.get();
  }

  /** Where {@link #publicRead} goes now, for the readiness check; empty when the storage has no standby. */
  default Optional<Standby> standby() {
    return Optional.empty();
  }

  /**
   * The standby's state.
   *
   * @param inUse whether public reads go to the standby now (else to the primary)
   * @param detail why not (it does not answer, it lags beyond the bound), or how far behind it is
   */
  record Standby(boolean inUse, String detail) {
    public Standby {
      java.util.Objects.requireNonNull(detail, "detail");
    }
  }

  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
