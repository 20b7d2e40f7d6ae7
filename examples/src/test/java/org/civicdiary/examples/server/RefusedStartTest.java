/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server refuses to start on contradicting keys or a removed one, before it opens the database
 * or a port, and says which.
 */
class RefusedStartTest {
  @TempDir Path data;

  @Test
  void contradictingKeysStopTheStartNamingBoth() {
    Map<String, Map<String, String>> cases = Map.of(
        "civicdiary.notify.public-base-url", Map.of("civicdiary.public-url", "https://diar.praha6.example",
            "civicdiary.notify.public-base-url", "https://jinde.praha6.example"),
        "civicdiary.staff.cookie-secure", Map.of("civicdiary.public-url", "http://diar.praha6.example",
            "civicdiary.staff.cookie-secure", "true"),
        "civicdiary.mail.smtp.host", Map.of("civicdiary.mail.transport", "smtp"));
    cases.forEach((key, keys) -> {
      Map<String, String> all = new LinkedHashMap<>(keys);
      all.put("civicdiary.db.url", "jdbc:h2:file:" + data.resolve("db").toAbsolutePath());
      all.put("civicdiary.web.port", "0");
      assertThatThrownBy(() -> StandaloneServer.start(Settings.of(all), false)).as(key)
          .isInstanceOf(InvalidSetting.class).hasMessageContaining(key)
          .hasMessageContaining(keys.keySet().stream().filter(k -> !k.equals(key)).findFirst().orElseThrow());
    });
    assertThat(data.resolve("db.mv.db")).as("the database was not even opened").doesNotExist();
  }

  @Test
  void theRemovedFeedCitizenNamesKeyStopsTheStartSayingToSetTheOfficePolicy() {
    Map<String, String> keys = Map.of("civicdiary.feed.citizen-names", "true",
        "civicdiary.db.url", "jdbc:h2:file:" + data.resolve("db").toAbsolutePath(), "civicdiary.web.port", "0");
    assertThatThrownBy(() -> StandaloneServer.start(Settings.of(keys), false))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.feed.citizen-names")
        .hasMessageContaining("feedShowsCitizenNames");
    assertThat(data.resolve("db.mv.db")).as("the database was not even opened").doesNotExist();
  }
}
