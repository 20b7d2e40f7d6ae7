/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * E-mail through an SMTP server (Jakarta Mail, Eclipse Angus). Each dispatcher thread keeps its own
 * connection open while messages flow, so a burst does not pay a handshake per message; a connection
 * idle for a while is checked before use and opened again when the server dropped it.
 */
final class SmtpNotifier implements Notifier {
  private final MailConfig config;
  private final MimeLetters letters;
  private final Clock clock;
  private static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private final String protocol;
  private final Map<Thread, Connection> connections = new ConcurrentHashMap<>();

  /** One thread's connection and when it last carried a message. */
  private static final class Connection {
    final Transport transport;
    long lastUse = System.nanoTime();

    Connection(Transport transport) {
      this.transport = transport;
    }
  }

  SmtpNotifier(MailConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.protocol = config.security() == MailConfig.Security.SMTPS ? "smtps" : "smtp";
    this.letters = new MimeLetters(config, Session.getInstance(properties(config, protocol)));
  }

  static Properties properties(MailConfig config, String protocol) {
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol);
    props.put(p + "host", config.host());
    props.put(p + "port", Integer.toString(config.port()));
    props.put(p + "connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
    props.put(p + "timeout", Long.toString(config.timeout().toMillis()));
    props.put(p + "writetimeout", Long.toString(config.timeout().toMillis()));
    props.put(p + "auth", Boolean.toString(config.user() != null));
    if (config.security() == MailConfig.Security.STARTTLS) {
      props.put(p + "starttls.enable", "true");
      // A server that does not offer STARTTLS must not receive personal data in clear.
      props.put(p + "starttls.required", "true");
    }
    if (config.security() != MailConfig.Security.NONE) {
      props.put(p + "ssl.checkserveridentity", "true");
    }
    props.put(p + "from", config.from().getAddress());
    if (config.security() == MailConfig.Security.SMTPS) {
      props.put(p + "ssl.socketFactory", NoDelaySockets.tls());
    } else {
      props.put(p + "socketFactory", NoDelaySockets.plain());
    }
    return props;
  }

  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public void deliver(Notice notice) throws DeliveryFailed {
    MimeMessage message;
    try {
      message = letters.letter(notice, clock.instant());
    } catch (MessagingException e) {
      throw new DeliveryFailed("cannot build the message: " + SafeText.describe(e), e);
    }
    try {
      Connection connection = connected();
      connection.transport.sendMessage(message, message.getAllRecipients());
      connection.lastUse = System.nanoTime();
    } catch (MessagingException e) {
      closeQuietly(connections.remove(Thread.currentThread()));
      throw new DeliveryFailed(SafeText.describe(e), e);
    }
  }

  private Connection connected() throws MessagingException {
    Connection connection = connections.get(Thread.currentThread());
    // Within a burst the connection is trusted; after a pause a NOOP checks it is still there.
    if (connection != null && (System.nanoTime() - connection.lastUse < CHECK_AFTER_IDLE_NANOS
        || connection.transport.isConnected())) {
      return connection;
    }
    closeQuietly(connection);
    Transport fresh = letters.session().getTransport(protocol);
    fresh.connect(config.host(), config.port(), config.user(), config.password());
    Connection opened = new Connection(fresh);
    connections.put(Thread.currentThread(), opened);
    return opened;
  }

  @Override
  public void close() {
    for (Thread thread : List.copyOf(connections.keySet())) {
      closeQuietly(connections.remove(thread));
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.transport.close();
      } catch (MessagingException e) {
        // Already gone: nothing to let go of.
      }
    }
  }
}
