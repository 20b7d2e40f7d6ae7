/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PublicUrlTest {
  @Test
  void withoutAnyKeyItFollowsTheWebPort() {
    assertThat(PublicUrl.of(Settings.of(Map.of()))).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(PublicUrl.of(Settings.of(Map.of("civicdiary.web.port", "9090")))).isEqualTo(URI.create("http://localhost:9090"));
    assertThat(PublicUrl.isSet(Settings.of(Map.of("civicdiary.web.port", "9090")))).isFalse();
  }

  @Test
  void theOneKeyWinsAndTheWebKeyStillWorksAlone() {
    assertThat(PublicUrl.of(Settings.of(Map.of("civicdiary.public-url", "https://diar.praha6.example/"))))
        .isEqualTo(URI.create("https://diar.praha6.example"));
    Settings old = Settings.of(Map.of("civicdiary.web.public-url", "https://old.praha6.example"));
    assertThat(PublicUrl.of(old)).isEqualTo(URI.create("https://old.praha6.example"));
    assertThat(PublicUrl.sourceKey(old)).isEqualTo("civicdiary.web.public-url");
  }

  @Test
  void thePrefixIsPartOfTheLinksBase() {
    Settings s = Settings.of(Map.of("civicdiary.public-url", "https://www.praha6.example", "civicdiary.web.prefix", "/booking"));
    assertThat(PublicUrl.withPrefix(s)).isEqualTo(URI.create("https://www.praha6.example/booking"));
    assertThatThrownBy(() -> PublicUrl.prefix(Settings.of(Map.of("civicdiary.web.prefix", "/booking/"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.web.prefix");
  }

  @Test
  void aPublicUrlThatIsNotAbsoluteHttpIsRefusedNamingTheKey() {
    for (String bad : new String[] {"diar.praha6.example", "ftp://diar.praha6.example", "/booking",
        "https://diar.praha6.example/?x=1", "https://user@diar.praha6.example"}) {
      assertThatThrownBy(() -> PublicUrl.of(Settings.of(Map.of("civicdiary.public-url", bad)))).as(bad)
          .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.public-url").hasMessageContaining(bad);
    }
  }

  @Test
  void theWebKeyNamingAnotherOriginIsRefusedNamingBothKeys() {
    Settings s = Settings.of(Map.of("civicdiary.public-url", "https://diar.praha6.example",
        "civicdiary.web.public-url", "http://diar.praha6.example"));
    assertThatThrownBy(() -> PublicUrl.of(s)).isInstanceOf(InvalidSetting.class)
        .hasMessageContaining("civicdiary.public-url").hasMessageContaining("civicdiary.web.public-url");
    Settings samePlace = Settings.of(Map.of("civicdiary.public-url", "https://diar.praha6.example",
        "civicdiary.web.public-url", "https://DIAR.praha6.example:443/"));
    assertThat(PublicUrl.of(samePlace)).isEqualTo(URI.create("https://diar.praha6.example"));
  }

  @Test
  void originsAndLoopback() {
    assertThat(PublicUrl.origin(URI.create("https://Diar.example:443/a/b"))).isEqualTo("https://diar.example");
    assertThat(PublicUrl.origin(URI.create("http://localhost:9090/x"))).isEqualTo("http://localhost:9090");
    assertThat(PublicUrl.isLoopback(URI.create("http://127.0.0.1:8080"))).isTrue();
    assertThat(PublicUrl.isLoopback(URI.create("http://localhost"))).isTrue();
    assertThat(PublicUrl.isLoopback(URI.create("http://diar.example"))).isFalse();
  }

  @Test
  void defaultsLieBeneathAndDecidedValuesAboveFileAndEnvironment() {
    Properties file = new Properties();
    file.setProperty("civicdiary.web.port", "8080");
    file.setProperty("civicdiary.web.cors-origins", "");
    Settings s = Settings.of(file, Map.of("CIVICDIARY_WEB_HOST", "0.0.0.0", "CIVICDIARY_WEB_PORT", "0"));
    Settings derived = s.withDefaults(Map.of("civicdiary.web.cors-origins", "http://localhost:1", "civicdiary.web.host", "x"));
    assertThat(derived.list("civicdiary.web.cors-origins")).as("a blank key does not hide a default").containsExactly("http://localhost:1");
    assertThat(derived.string("civicdiary.web.host", null)).as("the environment beats a default").isEqualTo("0.0.0.0");
    Settings decided = s.with(Map.of("civicdiary.web.port", "41000"));
    assertThat(decided.integer("civicdiary.web.port", 1, 0, 65535)).as("a decided value beats the environment").isEqualTo(41000);
  }
}
