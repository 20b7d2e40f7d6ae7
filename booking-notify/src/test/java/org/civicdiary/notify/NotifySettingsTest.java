/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;

/** Links in e-mails follow the one public URL, and mail keys that contradict each other stop the start. */
class NotifySettingsTest {
  private static NotifyConfig notify(Map<String, String> keys) {
    return NotifyConfig.from(Settings.of(keys));
  }

  @Test
  void manageLinksFollowThePublicUrlAndThePrefix() {
    assertThat(notify(Map.of("civicdiary.public-url", "https://www.praha6.example/", "civicdiary.web.prefix", "/booking"))
        .manageLink("t")).isEqualTo("https://www.praha6.example/booking/manage/t");
    assertThat(notify(Map.of("civicdiary.web.public-url", "https://old.praha6.example")).manageLink("t"))
        .as("the web module's older key alone").isEqualTo("https://old.praha6.example/manage/t");
    assertThat(notify(Map.of("civicdiary.web.port", "9090")).manageLink("t")).isEqualTo("http://localhost:9090/manage/t");
  }

  @Test
  void anExplicitBaseOnTheSameOriginOverrides() {
    assertThat(notify(Map.of("civicdiary.public-url", "https://www.praha6.example",
        "civicdiary.notify.public-base-url", "https://www.praha6.example/rezervace")).manageLink("t"))
        .isEqualTo("https://www.praha6.example/rezervace/manage/t");
  }

  @Test
  void anExplicitBaseOnAnotherOriginIsRefusedNamingBothKeys() {
    for (String publicKey : List.of("civicdiary.public-url", "civicdiary.web.public-url")) {
      assertThatThrownBy(() -> notify(Map.of(publicKey, "https://www.praha6.example",
          "civicdiary.notify.public-base-url", "https://diar.praha6.example"))).as(publicKey)
          .isInstanceOf(InvalidSetting.class).hasMessageContaining(publicKey)
          .hasMessageContaining("civicdiary.notify.public-base-url");
    }
  }

  @Test
  void aBaseThatIsNotAbsoluteHttpIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> notify(Map.of("civicdiary.notify.public-base-url", "www.praha6.example")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.notify.public-base-url");
  }

  @Test
  void smtpWithoutHostIsRefusedNamingBothKeys() {
    assertThatThrownBy(() -> MailConfig.from(Settings.of(Map.of("civicdiary.mail.transport", "smtp"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.mail.smtp.host")
        .hasMessageContaining("civicdiary.mail.transport");
  }

  @Test
  void anSmtpUserWithoutPasswordOrThePasswordAloneIsRefusedNamingBothKeys() {
    for (String half : List.of("civicdiary.mail.smtp.user", "civicdiary.mail.smtp.password")) {
      assertThatThrownBy(() -> MailConfig.from(Settings.of(Map.of("civicdiary.mail.transport", "smtp",
          "civicdiary.mail.smtp.host", "mail.praha6.example", half, "diar")))).as(half)
          .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.mail.smtp.user")
          .hasMessageContaining("civicdiary.mail.smtp.password");
    }
  }
}
