/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;

class PersistenceConfigTest {
  @Test
  void withoutSettingsItIsTheEmbeddedH2DatabaseUnderData() {
    PersistenceConfig config = PersistenceConfig.from(Settings.of(Map.of()));
    assertThat(config.url()).startsWith("jdbc:h2:file:./data/civic-diary;MODE=PostgreSQL;").contains(";WRITE_DELAY=0");
    assertThat(config.user()).isNull();
    assertThat(config.poolSize()).isEqualTo(10);
    assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(Dialect.of(config.url())).isEqualTo(Dialect.H2);
  }

  @Test
  void environmentVariablesOverrideTheFile() {
    Properties file = new Properties();
    file.setProperty("civicdiary.db.url", "jdbc:h2:mem:x");
    file.setProperty("civicdiary.db.pool-size", "4");
    PersistenceConfig config = PersistenceConfig.from(Settings.of(file, Map.of(
        "CIVICDIARY_DB_URL", "jdbc:postgresql://db.example:5432/civic",
        "CIVICDIARY_DB_USER", "civic",
        "CIVICDIARY_DB_PASSWORD", "s3cret",
        "CIVICDIARY_DB_CONNECTION_TIMEOUT", "PT2S")));
    assertThat(config).isEqualTo(PersistenceConfig.builder().url("jdbc:postgresql://db.example:5432/civic")
        .user("civic").password("s3cret").poolSize(4).connectionTimeout(Duration.ofSeconds(2)).build());
    assertThat(Dialect.of(config.url())).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void aWrongValueNamesTheKeyToSet() {
    assertThatThrownBy(() -> PersistenceConfig.from(Settings.of(Map.of("civicdiary.db.url", "jdbc:mysql://x/y"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.db.url").hasMessageContaining("CIVICDIARY_DB_URL");
    assertThatThrownBy(() -> PersistenceConfig.from(Settings.of(Map.of("civicdiary.db.pool-size", "0"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.db.pool-size");
    assertThatThrownBy(() -> PersistenceConfig.from(Settings.of(Map.of("civicdiary.db.connection-timeout", "PT0.1S"))))
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.db.connection-timeout");
  }

  @Test
  void neverShowsThePassword() {
    PersistenceConfig config = PersistenceConfig.of("jdbc:postgresql://db/civic?user=civic&password=s3cret&ssl=true",
        "civic", "s3cret");
    assertThat(config.toString()).doesNotContain("s3cret");
    assertThat(config.safeUrl()).isEqualTo("jdbc:postgresql://db/civic?user=civic&password=***&ssl=true");
    assertThat(PersistenceConfig.of("jdbc:h2:file:./x;PASSWORD=s3cret", null, null).safeUrl())
        .startsWith("jdbc:h2:file:./x;PASSWORD=***;MODE=PostgreSQL").doesNotContain("s3cret");
  }
}
