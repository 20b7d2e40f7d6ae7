/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
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
import java.util.ArrayList;
import java.util.List;
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
import org.civicdiary.examples.demo.SampleNeighbour;
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
    // Guice generates classes for its reflection only to save time on long runs; the server makes
    // each object once, and generating them costs a tenth of a second at start.
    if (System.getProperty("guice_bytecode_gen_option") == null) {
      System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (Options.UsageError e) {
      System.err.println("civic-diary: " + e.getMessage());
      System.err.print(Options.usage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(Options.usage());
      System.exit(0);
      return;
    }
    try {
      StandaloneServer server = start(options.settings(), options.demo(), options.importFile());
      server.imported.ifPresent(result -> System.out.println("Directory imported from " + options.importFile()
          + ": " + result.summary()));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "civic-diary-shutdown"));
      server.printWelcome(System.out);
    } catch (RuntimeException e) {
      RuntimeException reason = reason(e);
      if (reason instanceof InvalidSetting) {
        System.err.println("civic-diary cannot start: the configuration is wrong: " + reason.getMessage());
        System.exit(2);
      } else if (reason instanceof StartFailed) {
        System.err.println("civic-diary cannot start: " + reason.getMessage());
        System.exit(1);
      }
      throw e;
    }
  }

  /**
   * What the user must fix, from the exception Guice wraps it in (also when a setting is first read
   * after the injector exists): the {@link InvalidSetting}, a {@link StartFailed} for a database that
   * is not ready, or else the exception itself.
   */
  static RuntimeException reason(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidSetting || cause instanceof StartFailed) {
        return (RuntimeException) cause;
      }
      if (cause instanceof DatabaseNotReady) {
        return new StartFailed(cause.getMessage(), cause);
      }
    }
    return e;
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
    return start(given, demo, importFile, List.of());
  }

  /** As above, with modules that override ours (tests hand in a settable clock through them). */
  static StandaloneServer start(Settings given, boolean demo, Path importFile, List<Module> overrides) {
    long began = System.nanoTime();
    Logs.configure(given);
    Settings settings = ServerSettings.resolve(given, demo);
    ServerSettings.check(settings);
    ServerSettings.warnIfLinksNameLocalhost(settings);
    Injector injector = createInjector(settings, overrides);
    Storage storage = injector.getInstance(Storage.class);
    Clock clock = injector.getInstance(CoreModule.CLOCK);
    if (demo) {
      new SampleTownHall(storage, clock).loadIfEmpty();
      new SampleNeighbour(storage, clock).loadIfAbsent();
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

  private static Injector createInjector(Settings settings, List<Module> overrides) {
    List<Module> modules = new ArrayList<>(List.of(new PersistenceModule(settings), new NotifyModule(settings),
        new WebModule(settings)));
    modules.addAll(overrides);
    try {
      return Guice.createInjector(modules);
    } catch (CreationException | ProvisionException e) {
      // Guice wraps what went wrong; the user needs the setting to fix or the database's state.
      throw reason(e);
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

  /**
   * The command line. Each option is one entry of {@link #OPTIONS} (its help line) and one case of
   * {@link #parse}; the help lists the entries, so it cannot forget one.
   */
  record Options(Optional<Path> config, boolean demo, boolean help, Path importFile) {
    static final Path DEFAULT_CONFIG = Path.of("civic-diary.properties");

    /** One option and the line {@code --help} prints for it. */
    record Option(String name, String argument, String help) {}

    static final List<Option> OPTIONS = List.of(
        new Option("--config", "FILE", "the settings file (default: ./" + DEFAULT_CONFIG
            + " if present); environment variables override it"),
        new Option("--demo", "", "add the sample town hall, demo logins, the demo portal page and the dev mailbox"),
        new Option("--import", "FILE", "import a directory document (JSON) before serving; a bad file stops the start"),
        new Option("--help", "", "print this help and exit"));

    /** A command line that cannot be run; the message names the option. */
    static final class UsageError extends IllegalArgumentException {
      UsageError(String message) {
        super(message);
      }
    }

    static Options parse(String... args) {
      Optional<Path> config = Optional.empty();
      boolean demo = false;
      boolean help = false;
      Path importFile = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--config" -> config = Optional.of(Path.of(value(args, i++)));
          case "--demo" -> demo = true;
          case "--import" -> importFile = Path.of(value(args, i++));
          case "--help" -> help = true;
          default -> throw new UsageError("unknown option " + args[i]);
        }
      }
      if (!help && config.isPresent() && !Files.isRegularFile(config.get())) {
        throw new UsageError("--config: the file " + config.get().toAbsolutePath() + " does not exist");
      }
      if (!help && importFile != null && !Files.isRegularFile(importFile)) {
        throw new UsageError("--import: the file " + importFile.toAbsolutePath() + " does not exist");
      }
      return new Options(config, demo, help, importFile);
    }

    private static String value(String[] args, int i) {
      if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
        throw new UsageError(args[i] + " needs a value: " + args[i] + " " + option(args[i]).argument());
      }
      return args[i + 1];
    }

    private static Option option(String name) {
      return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    /** Defaults (the demo's with {@code --demo}), then the file, then environment variables. */
    Settings settings() {
      return StandaloneServer.settings(demo ? demoDefaults() : Map.of(), config.orElse(DEFAULT_CONFIG));
    }

    static String usage() {
      StringBuilder out = new StringBuilder("Usage: java -jar civic-diary-server.jar [OPTION]...\n")
          .append("Runs civic-diary: the HTTP API, the widget, the staff console and the e-mail dispatcher.\n\n");
      for (Option o : OPTIONS) {
        String head = o.argument().isEmpty() ? o.name() : o.name() + " " + o.argument();
        out.append(String.format("  %-15s %s%n", head, o.help()));
      }
      return out.append("\nSettings: see CONFIGURATION.md of each module; e.g. CIVICDIARY_WEB_PORT=8090 overrides"
          + " civicdiary.web.port.\n").toString();
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
