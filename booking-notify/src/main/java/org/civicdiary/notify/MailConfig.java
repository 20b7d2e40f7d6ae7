/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;

/**
 * How e-mail leaves civic-diary: the {@code civicdiary.mail.*} keys (see CONFIGURATION.md).
 *
 * @param transport SMTP for a real server, DROP to write {@code .eml} files into {@code dropFolder},
 *     NONE for no built-in channel (only the integrator's own {@link Notifier}s)
 * @param from the sender, e.g. {@code Praha 6 <diar@praha6.cz>}
 * @param replyTo where replies go, or null for the sender
 * @param messageIdDomain the right-hand side of every Message-ID and iCalendar UID
 * @param user SMTP user, or null for no authentication
 * @param password SMTP password; never printed
 */
public record MailConfig(
    Transport transport,
    InternetAddress from,
    InternetAddress replyTo,
    String messageIdDomain,
    String host,
    int port,
    Security security,
    String user,
    String password,
    Duration connectTimeout,
    Duration timeout,
    Path dropFolder) {

  /** Where messages go. */
  public enum Transport {
    SMTP,
    DROP,
    /** No e-mail: an integrator's own channels replace it. */
    NONE
  }

  /** How the SMTP connection is protected. */
  public enum Security {
    /** Plain connection (a local relay only). */
    NONE,
    /** Plain connection upgraded with STARTTLS, which must succeed (port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    SMTPS
  }

  public static final String DEFAULT_FROM = "civic-diary <no-reply@civicdiary.localhost>";

  public MailConfig {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(messageIdDomain, "messageIdDomain");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(dropFolder, "dropFolder");
    if (transport == Transport.SMTP && (host == null || host.isBlank())) {
      throw new InvalidSetting("set civicdiary.mail.smtp.host (CIVICDIARY_MAIL_SMTP_HOST) when civicdiary.mail.transport is smtp");
    }
    if ((user == null) != (password == null)) {
      throw new InvalidSetting("set both civicdiary.mail.smtp.user and civicdiary.mail.smtp.password, or neither: "
          + "one without the other cannot sign in to the SMTP server");
    }
  }

  /** Reads and checks the {@code civicdiary.mail.*} keys. */
  public static MailConfig from(Settings settings) {
    Transport transport = choice(settings, "civicdiary.mail.transport", Transport.DROP, Transport.class);
    InternetAddress from = address("civicdiary.mail.from", settings.string("civicdiary.mail.from", DEFAULT_FROM));
    String replyToText = settings.string("civicdiary.mail.reply-to", null);
    InternetAddress replyTo = replyToText == null ? null : address("civicdiary.mail.reply-to", replyToText);
    String domain = settings.string("civicdiary.mail.message-id-domain", domainOf(from));
    if (!domain.matches("[A-Za-z0-9.-]{1,253}")) {
      throw new InvalidSetting("civicdiary.mail.message-id-domain (CIVICDIARY_MAIL_MESSAGE_ID_DOMAIN) is '"
          + domain + "' but must be a domain name such as diar.praha6.cz");
    }
    Security security = choice(settings, "civicdiary.mail.smtp.security", Security.STARTTLS, Security.class);
    int defaultPort = switch (security) {
      case NONE -> 25;
      case STARTTLS -> 587;
      case SMTPS -> 465;
    };
    return new MailConfig(
        transport,
        from,
        replyTo,
        domain,
        settings.string("civicdiary.mail.smtp.host", null),
        settings.integer("civicdiary.mail.smtp.port", defaultPort, 1, 65535),
        security,
        settings.string("civicdiary.mail.smtp.user", null),
        settings.string("civicdiary.mail.smtp.password", null),
        settings.duration("civicdiary.mail.smtp.connect-timeout", Duration.ofSeconds(10)),
        settings.duration("civicdiary.mail.smtp.timeout", Duration.ofSeconds(30)),
        Path.of(settings.string("civicdiary.mail.drop.folder", "data/mail")));
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "MailConfig[transport=" + transport + ", from=" + from + ", host=" + host + ", port=" + port
        + ", security=" + security + ", user=" + user + ", password=" + (password == null ? "none" : "***")
        + ", dropFolder=" + dropFolder + "]";
  }

  private static <E extends Enum<E>> E choice(Settings settings, String key, E fallback, Class<E> type) {
    String value = settings.string(key, fallback.name());
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
      }
      throw new InvalidSetting(key + " (" + Settings.variable(key) + ") is '" + value + "' but must be one of " + allowed);
    }
  }

  private static InternetAddress address(String key, String value) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new InvalidSetting(key + " (" + Settings.variable(key) + ") is '" + value
          + "' but must be an e-mail address such as 'Praha 6 <diar@praha6.cz>'");
    }
  }

  private static String domainOf(InternetAddress address) {
    String email = address.getAddress();
    return email.substring(email.indexOf('@') + 1);
  }
}
