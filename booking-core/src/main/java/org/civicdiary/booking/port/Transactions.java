/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.port;

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

  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
