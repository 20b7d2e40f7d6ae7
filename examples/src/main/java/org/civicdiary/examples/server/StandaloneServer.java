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
import org.civicdiary.guice.CivicDiaryService;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.notify.MailConfig;
import org.civicdiary.notify.MailDrop;
import org.civicdiary.notify.NotifyModule;
import org.civicdiary.persistence.DatabaseNotReady;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.persistence.PersistenceModule;
import org.civicdiary.web.BookingServer;
import org.civicdiary.web.DirectoryFile;
import org.civicdiary.web.WebModule;
import org.civicdiary.web.WebSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * civic-diary on its own: the HTTP API, the pages, and {@link CivicDiaryService} (the e-mail
 * dispatcher and the housekeeping), on the storage and mail transport the configuration names.
 *
 * <p>{@code --demo} adds the sample town hall (first start only), demo staff logins, a portal page
 * on the next port that embeds the widget as a third-party portal would, and the dev mailbox. Its
 * defaults need nothing installed: H2 under {@code ./data}, messages dropped as {@code .eml} files.
 *
 * <p>Configuration: {@code --config FILE} (default {@code civic-diary.properties} if present),
 * overridden by environment variables; see CONFIGURATION.md.
 */
public final class StandaloneServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);
  private final Injector injector;
  private final BookingServer api;
  private final Undertow portal;
  private final CivicDiaryService service;
  private final boolean demo;
  /** What {@code --import} did, when it was given. */
  private Optional<DirectoryImported> imported = Optional.empty();

  private StandaloneServer(Injector injector, BookingServer api, Undertow portal, CivicDiaryService service,
      boolean demo) {
    this.injector = injector;
    this.api = api;
    this.portal = portal;
    this.service = service;
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
  public static StandaloneServer start(Settings given, boolean demo, Path importFile) {
    long began = System.nanoTime();
    Logs.configure(given);
    Settings settings = ServerSettings.resolve(given, demo);
    ServerSettings.check(settings);
    ServerSettings.warnIfLinksNameLocalhost(settings);
    Injector injector = createInjector(settings);
    Storage storage = injector.getInstance(Storage.class);
    Clock clock = injector.getInstance(CoreModule.CLOCK);
    if (demo) {
      new SampleTownHall(storage, clock).loadIfEmpty();
      DemoStaff.ensure(storage, clock);
    }
    CivicDiaryService service = injector.getInstance(CivicDiaryService.class);
    Optional<DirectoryImported> imported = Optional.empty();
    if (importFile != null) {
      try {
        imported = Optional.of(importDirectory(injector.getInstance(CivicDiary.class), importFile));
      } catch (StartFailed e) {
        service.stop();
        throw e;
      }
    }
    WebSettings web = injector.getInstance(WebSettings.class);
    HttpHandler booking = injector.getInstance(WebModule.HANDLER);
    Optional<MailDrop> mailDrop = demo ? mailDrop(injector) : Optional.empty();
    HttpHandler root = mailDrop.<HttpHandler>map(drop -> Handlers.path(booking)
        .addPrefixPath("/dev/mailbox", new DevMailbox(drop))).orElse(booking);
    BookingServer api;
    try {
      api = BookingServer.start(root, web);
    } catch (RuntimeException e) {
      service.stop();
      throw new StartFailed("cannot listen on port " + web.port() + " (" + e.getMessage()
          + "); set civicdiary.web.port (CIVICDIARY_WEB_PORT) to a free port", e);
    }
    Undertow portal = null;
    if (demo) {
      int portalPort = settings.integer(ServerSettings.PORTAL_PORT, 0, 0, 65535);
      portal = DemoPortal.start(portalPort, URI.create(web.publicUrl() + web.prefix()));
    }
    service.start();
    StandaloneServer server = new StandaloneServer(injector, api, portal, service, demo);
    LOG.info("civic-diary started in {} ms{}: {} (listening on {}), database {}, mail {}",
        (System.nanoTime() - began) / 1_000_000, demo ? " with the demo" : "", server.publicBase(), api.uri(),
        PersistenceConfig.from(settings).safeUrl(), mail(injector.getInstance(MailConfig.class)));
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

  private static String mail(MailConfig mail) {
    return switch (mail.transport()) {
      case SMTP -> "smtp " + mail.host() + ":" + mail.port();
      case DROP -> "dropped into " + mail.dropFolder().toAbsolutePath().normalize();
      case NONE -> "none";
    };
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

  /** Where citizens and staff reach the server: the public URL and the web prefix, e.g. {@code https://diar.praha6.cz}. */
  private String publicBase() {
    WebSettings web = injector.getInstance(WebSettings.class);
    return web.publicUrl() + web.prefix();
  }

  /** What {@code --import} did; empty when no file was given. */
  public Optional<DirectoryImported> imported() {
    return imported;
  }

  public Injector injector() {
    return injector;
  }

  /** The addresses for a person at a terminal; nothing when the log is JSON lines, which the started line already carries. */
  void printWelcome(java.io.PrintStream out) {
    if (Logs.json()) {
      return;
    }
    String base = publicBase();
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

  /**
   * Stops taking requests, then the service: the dispatcher finishes its message, the housekeeping
   * its run, and the database closes.
   */
  @Override
  public void close() {
    if (portal != null) {
      portal.stop();
    }
    api.stop();
    service.stop();
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
