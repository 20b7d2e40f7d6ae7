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
import java.util.Map;
import java.util.Objects;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;

/**
 * How e-mail leaves civic-diary: the {@code civicdiary.mail.*} keys (see CONFIGURATION.md), read
 * with {@link #from(Settings)} or set in code with {@link #builder()}.
 */
public final class MailConfig {
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

  private final Values values;

  /** The checked values; a record for equality, private so that a new setting breaks no caller. */
  private record Values(
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
    Values {
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
  }

  private MailConfig(Values values) {
    this.values = values;
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
    return new MailConfig(new Values(
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
        Path.of(settings.string("civicdiary.mail.drop.folder", "data/mail"))));
  }

  /**
   * Starts from the defaults CONFIGURATION.md lists. The builder sets the same keys that
   * {@link #from(Settings)} reads, and its {@code build()} reads them there: one set of checks.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** SMTP for a real server, DROP to write {@code .eml} files into {@link #dropFolder()}, NONE for none. */
  public Transport transport() {
    return values.transport();
  }

  /** The sender, e.g. {@code Praha 6 <diar@praha6.cz>}. */
  public InternetAddress from() {
    return values.from();
  }

  /** Where replies go, or null for the sender. */
  public InternetAddress replyTo() {
    return values.replyTo();
  }

  /** The right-hand side of every Message-ID and iCalendar UID. */
  public String messageIdDomain() {
    return values.messageIdDomain();
  }

  public String host() {
    return values.host();
  }

  public int port() {
    return values.port();
  }

  public Security security() {
    return values.security();
  }

  /** SMTP user, or null for no authentication. */
  public String user() {
    return values.user();
  }

  /** SMTP password; never printed. */
  public String password() {
    return values.password();
  }

  public Duration connectTimeout() {
    return values.connectTimeout();
  }

  public Duration timeout() {
    return values.timeout();
  }

  public Path dropFolder() {
    return values.dropFolder();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MailConfig that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "MailConfig[transport=" + transport() + ", from=" + from() + ", host=" + host() + ", port=" + port()
        + ", security=" + security() + ", user=" + user() + ", password=" + (password() == null ? "none" : "***")
        + ", dropFolder=" + dropFolder() + "]";
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

  /** Sets {@code civicdiary.mail.*} keys in code; a null value means the default. */
  public static final class Builder {
    private Settings keys = Settings.of(Map.of());

    private Builder() {}

    /** {@code civicdiary.mail.transport}; DROP by default. */
    public Builder transport(Transport value) {
      return set("civicdiary.mail.transport", value == null ? null : value.name().toLowerCase(Locale.ROOT));
    }

    /** {@code civicdiary.mail.from}: an address such as {@code Praha 6 <diar@praha6.cz>}. */
    public Builder from(String value) {
      return set("civicdiary.mail.from", value);
    }

    /** {@code civicdiary.mail.reply-to}. */
    public Builder replyTo(String value) {
      return set("civicdiary.mail.reply-to", value);
    }

    /** {@code civicdiary.mail.message-id-domain}; the sender's domain by default. */
    public Builder messageIdDomain(String value) {
      return set("civicdiary.mail.message-id-domain", value);
    }

    /** {@code civicdiary.mail.smtp.host}: required for SMTP. */
    public Builder host(String value) {
      return set("civicdiary.mail.smtp.host", value);
    }

    /** {@code civicdiary.mail.smtp.port}: 1 to 65535; by default the one the security implies. */
    public Builder port(int value) {
      return set("civicdiary.mail.smtp.port", value);
    }

    /** {@code civicdiary.mail.smtp.security}; STARTTLS by default. */
    public Builder security(Security value) {
      return set("civicdiary.mail.smtp.security", value == null ? null : value.name().toLowerCase(Locale.ROOT));
    }

    /** {@code civicdiary.mail.smtp.user} and {@code civicdiary.mail.smtp.password}: both or neither. */
    public Builder login(String user, String password) {
      set("civicdiary.mail.smtp.user", user);
      return set("civicdiary.mail.smtp.password", password);
    }

    /** {@code civicdiary.mail.smtp.connect-timeout}. */
    public Builder connectTimeout(Duration value) {
      return set("civicdiary.mail.smtp.connect-timeout", value);
    }

    /** {@code civicdiary.mail.smtp.timeout}. */
    public Builder timeout(Duration value) {
      return set("civicdiary.mail.smtp.timeout", value);
    }

    /** {@code civicdiary.mail.drop.folder}: where DROP writes its files. */
    public Builder dropFolder(Path value) {
      return set("civicdiary.mail.drop.folder", value);
    }

    /** Checks the values as {@link MailConfig#from(Settings)} does; {@link InvalidSetting} names the key. */
    public MailConfig build() {
      return MailConfig.from(keys);
    }

    private Builder set(String key, Object value) {
      keys = keys.with(key, value);
      return this;
    }
  }
}
