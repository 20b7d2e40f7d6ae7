/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One log for the standalone server: everything to logback ({@code logback.xml} beside this
 * class's jar), readable or as JSON lines by {@code civicdiary.log.format}.
 */
final class Logs {
  static final String FORMAT = "civicdiary.log.format";
  private static volatile boolean json;

  private Logs() {}

  /**
   * Chooses the format from the configuration and sends what uses JUL here too. Call before
   * Undertow is first used: jboss-logging picks its backend once.
   *
   * @throws InvalidSetting when the format is neither text nor json
   */
  static void configure(Settings settings) {
    String format = settings.string(FORMAT, "text").toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw new InvalidSetting(FORMAT + " (" + Settings.variable(FORMAT) + ") is '" + format + "' but must be text or json");
    }
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      URL config = Logs.class.getResource("/logback.xml");
      if (config == null) {
        return;
      }
      context.reset();
      context.putProperty(FORMAT, format);
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      try {
        configurator.doConfigure(config);
      } catch (JoranException e) {
        throw new IllegalStateException("logback.xml is part of the server's jar and valid", e);
      }
    }
    json = format.equals("json");
  }

  /** Whether the log is JSON lines, so that nothing else may be printed among them. */
  static boolean json() {
    return json;
  }
}
