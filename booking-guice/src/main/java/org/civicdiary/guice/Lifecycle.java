/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

/**
 * A part of a deployment that {@link CivicDiaryService} starts and stops: the outbox dispatcher,
 * the housekeeping, the storage's pool. Modules add theirs with {@code
 * Multibinder.newSetBinder(binder(), Lifecycle.class).addBinding().to(...)}; a host may add its
 * own (say, a job that accepts work) in the phase where it belongs.
 */
public interface Lifecycle {
  /** Where a part stands: the service stops the phases in this order and starts them backwards. */
  enum Phase {
    /** Parts that accept new work (requests, jobs): stopped first, so no new work arrives. */
    INTAKE,
    /** Parts that deliver what was accepted: the outbox dispatcher. */
    DELIVERY,
    /** The housekeeping runs. */
    HOUSEKEEPING,
    /** The storage: stopped last, when nothing uses it any more. */
    STORAGE
  }

  Phase phase();

  /** Starts the part; the service calls it once. */
  void start();

  /** Stops the part, finishing or handing back the work it has begun. */
  void stop();
}
