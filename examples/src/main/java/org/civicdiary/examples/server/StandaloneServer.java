/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.DirectoryImported;
import org.civicdiary.examples.demo.SampleTownHall;
import org.civicdiary.notify.MailDrop;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.notify.OutboxDispatcher;
import org.civicdiary.persistence.DatabaseNotReady;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.DirectoryFile;
import org.civicdiary.web.WebModule;
import org.civicdiary.web.WebSettings;

/**
 * civic-diary on its own: the HTTP API, the pages, the e-mail dispatcher and the retention job,
 * on the storage and mail transport the configuration names.
 *
 * <p>{@code --demo} adds the sample town hall (first start only), demo staff logins, a portal page
 * on the next port that embeds the widget as a third-party portal would, and the dev mailbox. Its
 * defaults need nothing installed: H2 under {@code ./data}, messages dropped as {@code .eml} files.
 *
 * <p>Configuration: {@code --config FILE} (default {@code civic-diary.properties} if present),
 * overridden by environment variables; see CONFIGURATION.md.
 */
public final class StandaloneServer implements AutoCloseable {
  private final Injector injector;
  private final BookingServer api;
  private final Undertow portal;
  private final OutboxDispatcher dispatcher;
  private final RetentionJob retention;
  private final boolean demo;
  /** What {@code --import} did, when it was given. */
  private Optional<DirectoryImported> imported = Optional.empty();

  private StandaloneServer(Injector injector, BookingServer api, Undertow portal, OutboxDispatcher dispatcher,
      RetentionJob retention, boolean demo) {
    this.injector = injector;
    this.api = api;
    this.portal = portal;
    this.dispatcher = dispatcher;
    this.retention = retention;
    this.demo = demo;
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try {
      StandaloneServer server = start(options.settings(), options.demo(), options.importFile());
      server.imported.ifPresent(result -> System.out.println("Directory imported from " + options.importFile()
          + ": " + result.summary()));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "civic-diary-shutdown"));
      server.printWelcome(System.out);
    } catch (InvalidSetting e) {
      System.err.println("civic-diary cannot start: the configuration is wrong: " + e.getMessage());
      System.exit(2);
    } catch (StartFailed e) {
      System.err.println("civic-diary cannot start: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Starts everything.
   *
   * @throws InvalidSetting when the configuration is wrong (the message names the key)
   * @throws StartFailed when the database is not ready or a port is taken (the message says what to do)
   */
  public static StandaloneServer start(Settings settings, boolean demo) {
    return start(settings, demo, null);
  }

  /**
   * Starts everything, importing the directory document first when one is given: a bad file stops
   * the start before the server serves, with every error's JSON path in the message.
   *
   * @param importFile a directory document (JSON) to import, or null
   * @throws StartFailed also when the file cannot be read or has errors (nothing is imported then)
   */
  public static StandaloneServer start(Settings settings, boolean demo, Path importFile) {
    Injector injector = createInjector(settings);
    Storage storage = injector.getInstance(Storage.class);
    Clock clock = injector.getInstance(Clock.class);
    CivicDiary diary = injector.getInstance(CivicDiary.class);
    if (demo) {
      new SampleTownHall(storage, clock).loadIfEmpty();
      DemoStaff.ensure(storage, clock);
    }
    Optional<DirectoryImported> imported = Optional.empty();
    if (importFile != null) {
      try {
        imported = Optional.of(importDirectory(diary, importFile));
      } catch (StartFailed e) {
        injector.getInstance(JdbcStorage.class).close();
        throw e;
      }
    }
    OutboxDispatcher dispatcher = injector.getInstance(OutboxDispatcher.class);
    RetentionJob retention = new RetentionJob(diary, storage, clock);
    WebSettings web = injector.getInstance(WebSettings.class);
    HttpHandler booking = injector.getInstance(HttpHandler.class);
    Optional<MailDrop> mailDrop = demo ? mailDrop(injector) : Optional.empty();
    HttpHandler root = mailDrop.<HttpHandler>map(drop -> Handlers.path(booking)
        .addPrefixPath("/dev/mailbox", new DevMailbox(drop))).orElse(booking);
    BookingServer api;
    try {
      api = BookingServer.start(root, web);
    } catch (RuntimeException e) {
      injector.getInstance(JdbcStorage.class).close();
      throw new StartFailed("cannot listen on port " + web.port() + " (" + e.getMessage()
          + "); set civicdiary.web.port (CIVICDIARY_WEB_PORT) to a free port", e);
    }
    Undertow portal = null;
    if (demo) {
      int portalPort = settings.integer("civicdiary.demo.portal-port", web.port() == 0 ? 0 : web.port() + 1, 0, 65535);
      portal = DemoPortal.start(portalPort, api.uri());
    }
    dispatcher.start();
    retention.start();
    StandaloneServer server = new StandaloneServer(injector, api, portal, dispatcher, retention, demo);
    server.imported = imported;
    return server;
  }

  /** The import's actor in the audit log: the server's operator, at the command line. */
  static final StaffMember IMPORTER = new StaffMember("command-line-import", Role.ADMIN, null);

  private static DirectoryImported importDirectory(CivicDiary diary, Path file) {
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StartFailed("cannot read the directory file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    try {
      return diary.importingDirectory().apply(IMPORTER, DirectoryFile.read(json));
    } catch (DocumentInvalid e) {
      StringBuilder message = new StringBuilder("the directory file " + file + " has " + e.errors().size()
          + " error(s); nothing was imported:");
      e.errors().forEach(f -> message.append(System.lineSeparator()).append("  ").append(f.path()).append(": ")
          .append(f.detail()).append(" (").append(f.code()).append(')'));
      throw new StartFailed(message.toString(), e);
    }
  }

  private static Injector createInjector(Settings settings) {
    try {
      return Guice.createInjector(new PersistenceModule(settings), new NotifyModule(settings), new WebModule(settings));
    } catch (CreationException | ProvisionException e) {
      // Guice wraps what went wrong; the user needs the setting to fix or the database's state.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidSetting invalid) {
          throw invalid;
        }
        if (cause instanceof DatabaseNotReady) {
          throw new StartFailed(cause.getMessage(), cause);
        }
      }
      throw e;
    }
  }

  private static Optional<MailDrop> mailDrop(Injector injector) {
    return injector.getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<Optional<MailDrop>>() {}));
  }

  /** Where the API answers, e.g. {@code http://127.0.0.1:8080}. */
  public URI apiUri() {
    return api.uri();
  }

  /** Where the demo portal page is; empty unless started with {@code --demo}. */
  public Optional<URI> portalUri() {
    return portal == null ? Optional.empty() : Optional.of(DemoPortal.uri(portal));
  }

  /** What {@code --import} did; empty when no file was given. */
  public Optional<DirectoryImported> imported() {
    return imported;
  }

  public Injector injector() {
    return injector;
  }

  void printWelcome(java.io.PrintStream out) {
    String publicUrl = injector.getInstance(WebSettings.class).publicUrl();
    String base = publicUrl.isEmpty() ? api.uri().toString() : publicUrl + injector.getInstance(WebSettings.class).prefix();
    out.println();
    out.println("civic-diary is running.");
    portalUri().ifPresent(p -> out.println("  Demo portal (the widget as a portal embeds it): " + p));
    out.println("  Staff console:  " + base + "/console/");
    out.println("  HTTP API:       " + base + "/api/v1/departments  (OpenAPI: " + base + "/api/v1/openapi.json)");
    if (demo) {
      out.println("  Dev mailbox:    " + base + "/dev/mailbox/");
      out.println("  Demo logins:    " + DemoStaff.describe());
    }
    out.println("  Health:         " + base + "/health/ready");
    out.println("Stop with Ctrl-C; the data stays in the database for the next start.");
  }

  /** Stops taking requests, lets the dispatcher finish its message, and closes the database. */
  @Override
  public void close() {
    if (portal != null) {
      portal.stop();
    }
    api.stop();
    retention.close();
    dispatcher.stop();
    injector.getInstance(JdbcStorage.class).close();
  }

  /** The server could not start; the message says what to do. */
  public static final class StartFailed extends RuntimeException {
    StartFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The command line: {@code [--demo] [--config FILE] [--import FILE]}. */
  record Options(Settings settings, boolean demo, Path importFile) {
    static Options parse(String[] args) {
      boolean demo = false;
      Path importFile = null;
      Path config = Path.of("civic-diary.properties");
      boolean explicitConfig = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--demo" -> demo = true;
          case "--config" -> {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("--config needs a file name");
            }
            config = Path.of(args[++i]);
            explicitConfig = true;
          }
          case "--import" -> {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("--import needs a directory file (JSON)");
            }
            importFile = Path.of(args[++i]);
            if (!Files.isRegularFile(importFile)) {
              throw new IllegalArgumentException("directory file " + importFile.toAbsolutePath() + " does not exist");
            }
          }
          default -> throw new IllegalArgumentException(
              "unknown argument " + args[i] + "; usage: StandaloneServer [--demo] [--config FILE] [--import FILE]");
        }
      }
      if (explicitConfig && !Files.isRegularFile(config)) {
        throw new IllegalArgumentException("configuration file " + config.toAbsolutePath() + " does not exist");
      }
      return new Options(StandaloneServer.settings(demo ? demoDefaults() : Map.of(), config), demo, importFile);
    }
  }

  /**
   * Defaults, then the file, then environment variables: later ones win.
   */
  static Settings settings(Map<String, String> defaults, Path file) {
    Properties properties = new Properties();
    properties.putAll(defaults);
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new InvalidSetting("cannot read " + file + ": " + e.getMessage());
      }
    }
    return Settings.of(properties, System.getenv());
  }

  /** What the demo needs that production must choose itself. */
  static Map<String, String> demoDefaults() {
    Map<String, String> d = new LinkedHashMap<>();
    try (InputStream in = StandaloneServer.class.getResourceAsStream("demo.properties")) {
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      p.stringPropertyNames().forEach(k -> d.put(k, p.getProperty(k)));
    } catch (IOException e) {
      throw new IllegalStateException("demo.properties is part of the examples jar", e);
    }
    return d;
  }
}
