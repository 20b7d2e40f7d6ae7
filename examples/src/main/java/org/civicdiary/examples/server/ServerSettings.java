/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.PublicUrl;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.notify.MailConfig;
import org.civicdiary.notify.NotifyConfig;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.web.WebSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the standalone server derives before the modules read their keys, so that the ports alone
 * decide every address: a port of 0 is replaced by a free one picked now (links need it before the
 * server binds), and the demo's portal port and CORS origins follow from the API's port.
 */
final class ServerSettings {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);
  static final String WEB_PORT = "civicdiary.web.port";
  static final String PORTAL_PORT = "civicdiary.demo.portal-port";
  static final String CORS_ORIGINS = "civicdiary.web.cors-origins";

  private ServerSettings() {}

  /**
   * Reads every module's keys once before anything opens, so that a wrong or contradicting key
   * stops the start at once, with the {@link InvalidSetting} naming the keys, rather than from
   * inside Guice once the database is open.
   */
  static void check(Settings settings) {
    PersistenceConfig.from(settings);
    MailConfig.from(settings);
    NotifyConfig.from(settings);
    WebSettings.from(settings);
  }

  /**
   * Listening beyond this machine while links name localhost is not always wrong (a container
   * mapped to the same port), so it is said, not refused.
   */
  static void warnIfLinksNameLocalhost(Settings settings) {
    String host = settings.string("civicdiary.web.host", "127.0.0.1");
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    if (!loopback && !PublicUrl.isSet(settings)) {
      LOG.warn("civicdiary.web.host is {} but {} is not set: links in e-mails and pages point to {}. "
          + "Set {} to the address citizens use", host, PublicUrl.KEY, PublicUrl.of(settings), PublicUrl.KEY);
    }
  }

  static Settings resolve(Settings settings, boolean demo) {
    Map<String, String> decided = new LinkedHashMap<>();
    int webPort = settings.integer(WEB_PORT, 8080, 0, 65535);
    if (webPort == 0 && !PublicUrl.isSet(settings)) {
      webPort = freePort();
      decided.put(WEB_PORT, Integer.toString(webPort));
    }
    if (!demo) {
      return settings.with(decided);
    }
    int portalPort = settings.integer(PORTAL_PORT, webPort + 1, 0, 65535);
    if (portalPort == 0) {
      portalPort = freePort();
    }
    if (portalPort == webPort) {
      throw new InvalidSetting(PORTAL_PORT + " and " + WEB_PORT + " are both " + webPort
          + ": the demo portal needs a port of its own");
    }
    decided.put(PORTAL_PORT, Integer.toString(portalPort));
    // The portal's page is opened as localhost, but some open it as 127.0.0.1: allow both.
    Map<String, String> derived = Map.of(CORS_ORIGINS,
        "http://localhost:" + portalPort + ",http://127.0.0.1:" + portalPort);
    return settings.with(decided).withDefaults(derived);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }
}
