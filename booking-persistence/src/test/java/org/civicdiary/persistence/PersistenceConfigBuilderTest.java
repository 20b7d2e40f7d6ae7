/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;

class PersistenceConfigBuilderTest {
  @Test
  void theBuilderAndTheSettingsGiveEqualConfigs() {
    PersistenceConfig built = PersistenceConfig.builder().url("jdbc:postgresql://db.example:5432/civic").user("civic")
        .password("s3cret").poolSize(7).connectionTimeout(Duration.ofSeconds(3)).cache(false).build();
    PersistenceConfig read = PersistenceConfig.from(Settings.of(Map.of(
        "civicdiary.db.url", "jdbc:postgresql://db.example:5432/civic",
        "civicdiary.db.user", "civic",
        "civicdiary.db.password", "s3cret",
        "civicdiary.db.pool-size", "7",
        "civicdiary.db.connection-timeout", "PT3S",
        "civicdiary.db.cache", "false")));

    assertThat(built).isEqualTo(read).hasSameHashCodeAs(read);
    assertThat(built.poolSize()).isEqualTo(7);
    assertThat(built.cache()).isFalse();
    assertThat(PersistenceConfig.builder().build().cache()).as("kept in memory by default").isTrue();
    assertThat(built.toString()).doesNotContain("s3cret");
    assertThat(PersistenceConfig.builder().build()).isEqualTo(PersistenceConfig.from(Settings.of(Map.of())));
  }

  @Test
  void theBuilderRefusesAnInvalidValueNamingTheKey() {
    assertThatThrownBy(() -> PersistenceConfig.builder().poolSize(0).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.db.pool-size");
    assertThatThrownBy(() -> PersistenceConfig.builder().url("jdbc:mysql://db/civic").build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.db.url");
    assertThatThrownBy(() -> PersistenceConfig.builder().connectionTimeout(Duration.ofMillis(100)).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.db.connection-timeout");
  }

  @Test
  void toBuilderChangesOneValueAndKeepsTheRest() {
    PersistenceConfig config = PersistenceConfig.of("jdbc:h2:mem:x", "sa", "");

    PersistenceConfig smaller = config.toBuilder().poolSize(2).build();

    assertThat(smaller.poolSize()).isEqualTo(2);
    assertThat(smaller.url()).isEqualTo(config.url());
    assertThat(smaller.user()).isEqualTo("sa");
    assertThat(smaller.password()).isEmpty();
    assertThat(smaller.connectionTimeout()).isEqualTo(PersistenceConfig.DEFAULT_CONNECTION_TIMEOUT);
    assertThat(config.toBuilder().cache(false).build().toBuilder().poolSize(2).build().cache()).isFalse();
  }
}
