/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;

class WebSettingsTest {
  private static WebSettings read(Map<String, String> properties) {
    return WebSettings.from(Settings.of(properties));
  }

  @Test
  void defaultsAreSafe() {
    WebSettings s = read(Map.of());
    assertThat(s.host()).isEqualTo("127.0.0.1");
    assertThat(s.maxBodyBytes()).isEqualTo(16 * 1024);
    assertThat(s.corsOrigins()).isEmpty();
    assertThat(s.staff().trustedHeader()).as("single sign-on header off by default").isNull();
    assertThat(s.bookingPerAddress()).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
    assertThat(s.staff().sessionTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(s.staff().sessionIdle()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void everyMistakeSaysWhichKeyToSet() {
    assertThatThrownBy(() -> read(Map.of("civicdiary.web.prefix", "booking/")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.web.prefix");
    assertThatThrownBy(() -> read(Map.of("civicdiary.web.rate.booking-per-email", "five")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.web.rate.booking-per-email");
    assertThatThrownBy(() -> read(Map.of("civicdiary.staff.trusted-header", "X-Remote-User")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.web.trusted-proxies");
    assertThatThrownBy(() -> read(Map.of("civicdiary.staff.cookie-secure", "maybe")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.staff.cookie-secure");
    assertThatThrownBy(() -> read(Map.of("civicdiary.staff.initial-admin", "root")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.staff.initial-admin-password");
    assertThatThrownBy(() -> read(Map.of("civicdiary.staff.session-idle", "PT13H")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.staff.session-idle");
    assertThatThrownBy(() -> read(Map.of("civicdiary.staff.session-idle", "PT0S")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.staff.session-idle");
    assertThatThrownBy(() -> read(Map.of("civicdiary.web.manage-link", "https://portal.example/manage")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("{token}");
  }

  @Test
  void theRemovedFeedCitizenNamesSettingStopsTheStartSayingToSetTheOfficePolicy() {
    for (String value : List.of("true", "false")) {
      assertThatThrownBy(() -> read(Map.of("civicdiary.feed.citizen-names", value)))
          .isInstanceOf(InvalidSetting.class)
          .hasMessageContaining("civicdiary.feed.citizen-names")
          .hasMessageContaining("CIVICDIARY_FEED_CITIZEN_NAMES")
          .hasMessageContaining("feedShowsCitizenNames");
    }
    assertThatThrownBy(() -> WebSettings.from(Settings.of(new java.util.Properties(),
        Map.of("CIVICDIARY_FEED_CITIZEN_NAMES", "true"))))
        .as("set in the environment too").isInstanceOf(InvalidSetting.class);
    assertThat(read(Map.of("civicdiary.feed.citizen-names", " ")).feed().topicLength())
        .as("an empty value is as good as none").isEqualTo(40);
  }

  @Test
  void theManageLinkIsBuiltFromThePublicUrlAndPrefix() {
    WebSettings s = read(Map.of("civicdiary.web.public-url", "https://praha6.example/", "civicdiary.web.prefix", "/booking",
        "civicdiary.web.manage-link", "{base}/m/{token}"));
    assertThat(s.manageLink("abc")).isEqualTo("https://praha6.example/booking/m/abc");
    assertThat(s.toString()).doesNotContain("initialAdminPassword=");
  }

  @Test
  void linksFollowTheOnePublicUrlOrThePort() {
    assertThat(read(Map.of("civicdiary.web.port", "9090")).manageLink("t")).isEqualTo("http://localhost:9090/manage/t");
    assertThat(read(Map.of("civicdiary.public-url", "https://diar.praha6.example", "civicdiary.web.prefix", "/b"))
        .manageLink("t")).isEqualTo("https://diar.praha6.example/b/manage/t");
  }

  @Test
  void aSecureCookieOnAnHttpPublicUrlIsRefusedNamingBothKeys() {
    assertThatThrownBy(() -> read(Map.of("civicdiary.staff.cookie-secure", "true", "civicdiary.public-url", "http://diar.praha6.example")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.staff.cookie-secure")
        .hasMessageContaining("civicdiary.public-url");
    assertThatThrownBy(() -> read(Map.of("civicdiary.staff.cookie-secure", "true", "civicdiary.web.public-url", "http://diar.praha6.example")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.staff.cookie-secure")
        .hasMessageContaining("civicdiary.web.public-url");
  }

  @Test
  void anInsecureCookieOnAnHttpsPublicUrlIsRefusedNamingBothKeys() {
    assertThatThrownBy(() -> read(Map.of("civicdiary.staff.cookie-secure", "false", "civicdiary.public-url", "https://diar.praha6.example")))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.staff.cookie-secure")
        .hasMessageContaining("civicdiary.public-url");
  }

  @Test
  void onLoopbackEitherCookieSettingIsAllowed() {
    assertThat(read(Map.of("civicdiary.staff.cookie-secure", "true", "civicdiary.public-url", "http://localhost:8080"))
        .staff().cookieSecure()).isEqualTo("true");
    assertThat(read(Map.of("civicdiary.staff.cookie-secure", "false", "civicdiary.public-url", "https://127.0.0.1:8443"))
        .staff().cookieSecure()).isEqualTo("false");
  }

  @Test
  void anInitialAdminWithoutPasswordOrThePasswordAloneIsRefusedNamingBothKeys() {
    for (Map<String, String> half : List.of(Map.of("civicdiary.staff.initial-admin", "root"),
        Map.of("civicdiary.staff.initial-admin-password", "correct horse battery"))) {
      assertThatThrownBy(() -> read(half)).isInstanceOf(InvalidSetting.class)
          .hasMessageContaining("civicdiary.staff.initial-admin ").hasMessageContaining("civicdiary.staff.initial-admin-password");
    }
  }

  @Test
  void aCorsEntryThatIsNotAnOriginIsRefusedNamingTheKeyAndEntry() {
    for (String bad : List.of("https://www.praha6.example/", "https://www.praha6.example/booking", "*", "https://*.praha6.example",
        "www.praha6.example", "null", "https://www.praha6.example:443", "HTTPS://www.praha6.example")) {
      assertThatThrownBy(() -> read(Map.of("civicdiary.web.cors-origins", "http://localhost:8081, " + bad))).as(bad)
          .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.web.cors-origins").hasMessageContaining("'" + bad + "'");
    }
    assertThat(read(Map.of("civicdiary.web.cors-origins", "https://www.praha6.example, http://localhost:8081")).corsOrigins())
        .containsExactly("https://www.praha6.example", "http://localhost:8081");
  }
}
