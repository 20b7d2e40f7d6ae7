/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.embedding;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.guice.CivicDiaryService;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.persistence.PersistenceModule;

/**
 * Embedding 4: a worker node without HTTP. Persistence, notify and the core make a node that
 * sends the e-mail which the web nodes' bookings put in the shared outbox, and runs the
 * housekeeping; no web module, no port. (Notify installs the core module itself; naming it is
 * harmless, Guice installs it once.)
 *
 * <pre>{@code
 * try (WorkerNode worker = WorkerNode.start(Settings.load(Path.of("civic-diary.properties")))) { ... }
 * }</pre>
 */
public final class WorkerNode implements AutoCloseable {
  private final Injector injector;
  private final CivicDiaryService service;

  private WorkerNode(Injector injector, CivicDiaryService service) {
    this.injector = injector;
    this.service = service;
  }

  /** Creates the injector and starts the service: the dispatcher and the housekeeping. */
  public static WorkerNode start(Settings settings, Module... ownModules) {
    List<Module> modules = new ArrayList<>(List.of(
        new PersistenceModule(settings), new NotifyModule(settings), new CoreModule(settings)));
    modules.addAll(List.of(ownModules));
    Injector injector = Guice.createInjector(modules);
    CivicDiaryService service = injector.getInstance(CivicDiaryService.class);
    service.start();
    return new WorkerNode(injector, service);
  }

  public Injector injector() {
    return injector;
  }

  /** Stops the dispatcher (it finishes its message), the housekeeping, and closes the pool. */
  @Override
  public void close() {
    service.stop();
  }
}
