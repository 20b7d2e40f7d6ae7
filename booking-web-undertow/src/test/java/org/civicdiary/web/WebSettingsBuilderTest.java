/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;

class WebSettingsBuilderTest {
  @Test
  void theBuilderAndTheSettingsGiveEqualSettings() {
    WebSettings built = WebSettings.builder().host("0.0.0.0").port(9090).prefix("/booking")
        .publicUrl("https://diar.praha6.cz").manageLink("{base}/sprava/{token}").maxBodyBytes(32 * 1024)
        .requestTimeout(Duration.ofSeconds(5)).corsOrigins(List.of("https://www.praha6.cz", "https://praha6.cz"))
        .frameAncestors(List.of("https://www.praha6.cz")).trustedProxies(List.of("10.0.0.1"))
        .metricsFrom(List.of("10.0.0.0/8")).bookingPerAddress(new RateLimit(3, Duration.ofMinutes(1)))
        .bookingPerEmail(new RateLimit(2, Duration.ofHours(1))).queriesPerAddress(new RateLimit(100, Duration.ofMinutes(1))).rateShared(true)
        .idempotencyTtl(Duration.ofHours(2)).freeTimeCache(Duration.ofSeconds(1)).ioThreads(2).workerThreads(8)
        .sessionTtl(Duration.ofHours(4)).sessionIdle(Duration.ofMinutes(20)).cookieSecure("true").loginPerUser(new RateLimit(4, Duration.ofMinutes(10)))
        .loginPerAddress(new RateLimit(10, Duration.ofMinutes(10))).trustedHeader("X-Remote-User")
        .initialAdmin("admin", "change-me-now").build();
    WebSettings read = WebSettings.from(Settings.of(Map.ofEntries(
        entry("civicdiary.web.host", "0.0.0.0"),
        entry("civicdiary.web.port", "9090"),
        entry("civicdiary.web.prefix", "/booking"),
        entry("civicdiary.public-url", "https://diar.praha6.cz"),
        entry("civicdiary.web.manage-link", "{base}/sprava/{token}"),
        entry("civicdiary.web.max-body-bytes", "32768"),
        entry("civicdiary.web.request-timeout", "PT5S"),
        entry("civicdiary.web.cors-origins", "https://www.praha6.cz, https://praha6.cz"),
        entry("civicdiary.web.frame-ancestors", "https://www.praha6.cz"),
        entry("civicdiary.web.trusted-proxies", "10.0.0.1"),
        entry("civicdiary.web.metrics-from", "10.0.0.0/8"),
        entry("civicdiary.web.rate.booking-per-address", "3/PT1M"),
        entry("civicdiary.web.rate.booking-per-email", "2/PT1H"),
        entry("civicdiary.web.rate.queries-per-address", "100/60"),
        entry("civicdiary.web.rate.shared", "true"),
        entry("civicdiary.web.idempotency-ttl", "PT2H"),
        entry("civicdiary.web.free-time-cache", "PT1S"),
        entry("civicdiary.web.io-threads", "2"),
        entry("civicdiary.web.worker-threads", "8"),
        entry("civicdiary.staff.session-ttl", "PT4H"),
        entry("civicdiary.staff.session-idle", "PT20M"),
        entry("civicdiary.staff.cookie-secure", "true"),
        entry("civicdiary.staff.login-per-user", "4/PT10M"),
        entry("civicdiary.staff.login-per-address", "10/PT10M"),
        entry("civicdiary.staff.trusted-header", "X-Remote-User"),
        entry("civicdiary.staff.initial-admin", "admin"),
        entry("civicdiary.staff.initial-admin-password", "change-me-now"))));

    assertThat(built).isEqualTo(read).hasSameHashCodeAs(read);
    assertThat(built.port()).isEqualTo(9090);
    assertThat(built.publicUrl()).isEqualTo("https://diar.praha6.cz");
    assertThat(built.manageLink("t0k3n")).isEqualTo("https://diar.praha6.cz/booking/sprava/t0k3n");
    assertThat(built.staff().trustedHeader()).isEqualTo("X-Remote-User");
    assertThat(built.rateShared()).isTrue();
    assertThat(built.toString()).doesNotContain("change-me-now");
    assertThat(WebSettings.builder().build()).isEqualTo(WebSettings.from(Settings.of(Map.of())));
  }

  @Test
  void theBuilderRefusesAnInvalidValueNamingTheKey() {
    assertThatThrownBy(() -> WebSettings.builder().port(70_000).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.web.port");
    assertThatThrownBy(() -> WebSettings.builder().corsOrigins(List.of("https://www.praha6.cz/")).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.web.cors-origins");
    assertThatThrownBy(() -> WebSettings.builder().manageLink("{base}/manage").build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.web.manage-link");
    assertThatThrownBy(() -> WebSettings.builder().publicUrl("http://diar.praha6.cz").cookieSecure("true").build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.staff.cookie-secure");
    assertThatThrownBy(() -> WebSettings.builder().initialAdmin("admin", null).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.staff.initial-admin");
  }
}
