/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs in the background of every civic-diary deployment, embedded or standalone, as one
 * object with one lifecycle: the outbox dispatcher (with booking-notify), the housekeeping
 * (retention, expired sessions and idempotency answers, old outbox rows, audit entries and
 * mail-drop files) and the storage's pool (with booking-persistence). A portal gets all of it
 * by starting this one object from its injector:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new PersistenceModule(settings), new NotifyModule(settings),
 *     new WebModule(settings));
 * CivicDiaryService service = injector.getInstance(CivicDiaryService.class);
 * service.start();
 * Runtime.getRuntime().addShutdownHook(new Thread(service::stop));
 * }</pre>
 *
 * <p>{@link #stop()} stops the {@link Lifecycle.Phase phases} in order: parts that accept work,
 * the dispatcher (it finishes the message being sent), the housekeeping (it finishes its run),
 * then the pool. A stopped service cannot start again, because its pool is closed: create a new
 * injector instead.
 */
public final class CivicDiaryService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CivicDiaryService.class);
  private final List<Lifecycle> parts;
  private final List<Lifecycle> started = new ArrayList<>();
  private State state = State.NEW;

  private enum State { NEW, RUNNING, STOPPED }

  @Inject
  CivicDiaryService(Set<Lifecycle> parts) {
    // Started from the storage up, stopped from the intake down.
    this.parts = parts.stream().sorted(Comparator.comparing(Lifecycle::phase).reversed()).toList();
  }

  /**
   * Starts every part, the storage first and the intake last; does nothing if it runs already. If
   * a part fails to start, the parts started before it are stopped and the failure is thrown.
   *
   * @throws IllegalStateException if the service was stopped
   */
  public synchronized void start() {
    if (state == State.RUNNING) {
      return;
    }
    if (state == State.STOPPED) {
      throw new IllegalStateException("civic-diary's service was stopped and its pool closed; create a new injector");
    }
    for (Lifecycle part : parts) {
      try {
        part.start();
      } catch (RuntimeException e) {
        stopStarted();
        state = State.STOPPED;
        throw e;
      }
      started.add(part);
    }
    state = State.RUNNING;
  }

  /**
   * Stops every part in phase order; a service never started stops its parts all the same (the
   * pool opened with the injector). A part that fails to stop is logged and the next is stopped
   * regardless, so the pool is closed in any case. Does nothing the second time.
   */
  public synchronized void stop() {
    if (state == State.STOPPED) {
      return;
    }
    if (state == State.NEW) {
      started.addAll(parts);
    }
    state = State.STOPPED;
    stopStarted();
  }

  /** Whether it was started and not stopped since. */
  public synchronized boolean running() {
    return state == State.RUNNING;
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void stopStarted() {
    for (int i = started.size() - 1; i >= 0; i--) {
      Lifecycle part = started.get(i);
      try {
        part.stop();
      } catch (RuntimeException e) {
        LOG.warn("stopping {} failed; stopping the rest", part.phase(), e);
      }
    }
    started.clear();
  }
}
