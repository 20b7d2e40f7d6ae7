package org.civicdiary.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;

/**
 * E-mail through an SMTP server (Jakarta Mail, Eclipse Angus). One connection is kept open while
 * messages flow, so a burst does not pay a handshake per message; it is checked before each use
 * and opened again when the server dropped it.
 */
final class SmtpNotifier implements Notifier {
  private final MailConfig config;
  private final MimeLetters letters;
  private final Clock clock;
  private final String protocol;
  private Transport transport;

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
  public synchronized void deliver(Notice notice) throws DeliveryFailed {
    MimeMessage message;
    try {
      message = letters.letter(notice, clock.instant());
    } catch (MessagingException e) {
      throw new DeliveryFailed("cannot build the message: " + Text.describe(e), e);
    }
    try {
      connected().sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      close();
      throw new DeliveryFailed(Text.describe(e), e);
    }
  }

  private Transport connected() throws MessagingException {
    if (transport != null && transport.isConnected()) {
      return transport;
    }
    close();
    Transport fresh = letters.session().getTransport(protocol);
    fresh.connect(config.host(), config.port(), config.user(), config.password());
    transport = fresh;
    return fresh;
  }

  @Override
  public synchronized void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // Already gone: nothing to let go of.
      }
      transport = null;
    }
  }
}
