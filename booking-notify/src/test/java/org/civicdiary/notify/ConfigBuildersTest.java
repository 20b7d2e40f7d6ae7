/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.notify.MailConfig.Security;
import org.civicdiary.notify.MailConfig.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigBuildersTest {
  @TempDir
  Path templates;

  @Test
  void notifyConfigFromTheBuilderEqualsTheOneFromSettings() {
    NotifyConfig built = NotifyConfig.builder().publicBaseUrl(URI.create("https://diar.praha6.cz/booking"))
        .templates(templates).pollInterval(Duration.ofSeconds(1)).batchSize(20).lease(Duration.ofMinutes(2))
        .maxAttempts(5).retryInitial(Duration.ofSeconds(10)).retryMax(Duration.ofMinutes(10))
        .stopGrace(Duration.ofSeconds(3)).threads(4).build();
    NotifyConfig read = NotifyConfig.from(Settings.of(Map.ofEntries(
        entry("civicdiary.notify.public-base-url", "https://diar.praha6.cz/booking"),
        entry("civicdiary.notify.templates", templates.toString()),
        entry("civicdiary.notify.poll-interval", "PT1S"),
        entry("civicdiary.notify.batch-size", "20"),
        entry("civicdiary.notify.lease", "PT2M"),
        entry("civicdiary.notify.max-attempts", "5"),
        entry("civicdiary.notify.retry-initial", "10"),
        entry("civicdiary.notify.retry-max", "PT10M"),
        entry("civicdiary.notify.stop-grace", "PT3S"),
        entry("civicdiary.notify.threads", "4"))));

    assertThat(built).isEqualTo(read).hasSameHashCodeAs(read);
    assertThat(built.threads()).isEqualTo(4);
    assertThat(built.manageLink("t0k3n")).isEqualTo("https://diar.praha6.cz/booking/manage/t0k3n");
    NotifyConfig defaults = NotifyConfig.builder().build();
    assertThat(defaults).isEqualTo(NotifyConfig.from(Settings.of(Map.of())));
    assertThat(defaults.threads()).as("two workers by default").isEqualTo(2);
    assertThat(defaults.lease()).as("a dead node's messages back within a minute").isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.batchSize()).as("small claims").isEqualTo(10);
  }

  @Test
  void theNotifyBuilderRefusesAnInvalidValueNamingTheKey() {
    assertThatThrownBy(() -> NotifyConfig.builder().threads(0).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.notify.threads");
    assertThatThrownBy(() -> NotifyConfig.builder().lease(Duration.ZERO).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.notify.lease");
    assertThatThrownBy(() -> NotifyConfig.builder().retryInitial(Duration.ofMinutes(5)).retryMax(Duration.ofMinutes(1))
        .build()).isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.notify.retry-max");
    assertThatThrownBy(() -> NotifyConfig.builder().templates(templates.resolve("missing")).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.notify.templates");
  }

  @Test
  void mailConfigFromTheBuilderEqualsTheOneFromSettings() {
    MailConfig built = MailConfig.builder().transport(Transport.SMTP).from("Praha 6 <diar@praha6.cz>")
        .replyTo("podatelna@praha6.cz").messageIdDomain("diar.praha6.cz").host("smtp.praha6.cz").port(2525)
        .security(Security.SMTPS).login("diar", "s3cret").connectTimeout(Duration.ofSeconds(5))
        .timeout(Duration.ofSeconds(20)).dropFolder(Path.of("mail")).build();
    MailConfig read = MailConfig.from(Settings.of(Map.ofEntries(
        entry("civicdiary.mail.transport", "smtp"),
        entry("civicdiary.mail.from", "Praha 6 <diar@praha6.cz>"),
        entry("civicdiary.mail.reply-to", "podatelna@praha6.cz"),
        entry("civicdiary.mail.message-id-domain", "diar.praha6.cz"),
        entry("civicdiary.mail.smtp.host", "smtp.praha6.cz"),
        entry("civicdiary.mail.smtp.port", "2525"),
        entry("civicdiary.mail.smtp.security", "smtps"),
        entry("civicdiary.mail.smtp.user", "diar"),
        entry("civicdiary.mail.smtp.password", "s3cret"),
        entry("civicdiary.mail.smtp.connect-timeout", "PT5S"),
        entry("civicdiary.mail.smtp.timeout", "PT20S"),
        entry("civicdiary.mail.drop.folder", "mail"))));

    assertThat(built).isEqualTo(read).hasSameHashCodeAs(read);
    assertThat(built.security()).isEqualTo(Security.SMTPS);
    assertThat(built.port()).isEqualTo(2525);
    assertThat(built.toString()).doesNotContain("s3cret");
    assertThat(MailConfig.builder().build()).isEqualTo(MailConfig.from(Settings.of(Map.of())));
  }

  @Test
  void theMailBuilderRefusesAnInvalidValueNamingTheKey() {
    assertThatThrownBy(() -> MailConfig.builder().port(70_000).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.mail.smtp.port");
    assertThatThrownBy(() -> MailConfig.builder().from("not an address").build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.mail.from");
    assertThatThrownBy(() -> MailConfig.builder().transport(Transport.SMTP).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.mail.smtp.host");
    assertThatThrownBy(() -> MailConfig.builder().login("diar", null).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.mail.smtp.password");
  }
}
