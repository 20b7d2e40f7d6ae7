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

  @Test
  void aStandbyForPublicReadsIsReadFromTheSettingsAndChecked() {
    PersistenceConfig read = PersistenceConfig.from(Settings.of(Map.of(
        "civicdiary.db.url", "jdbc:postgresql://db.example:5432/civic",
        "civicdiary.db.user", "civic",
        "civicdiary.db.password", "s3cret",
        "civicdiary.db.read-url", "jdbc:postgresql://standby.example:5432/civic",
        "civicdiary.db.read-max-lag", "PT2S")));

    assertThat(read.readUrl()).hasValue("jdbc:postgresql://standby.example:5432/civic");
    assertThat(read.readUser()).as("the primary's, which a physical standby shares").isEqualTo("civic");
    assertThat(read.readPassword()).isEqualTo("s3cret");
    assertThat(read.readMaxLag()).isEqualTo(Duration.ofSeconds(2));
    assertThat(read.readCheckEvery()).isEqualTo(PersistenceConfig.DEFAULT_READ_CHECK_EVERY);
    assertThat(read.toBuilder().build()).isEqualTo(read);
    assertThat(read.toString()).contains("standby.example").doesNotContain("s3cret");
    assertThat(PersistenceConfig.builder().build().readUrl()).as("none by default").isEmpty();

    assertThatThrownBy(() -> PersistenceConfig.builder().readUrl("jdbc:postgresql://standby/civic").build())
        .as("an H2 primary has no standby").isInstanceOf(InvalidSetting.class)
        .hasMessageContaining("civicdiary.db.read-url");
    assertThatThrownBy(() -> PersistenceConfig.builder().url("jdbc:postgresql://db/civic")
        .readUrl("jdbc:h2:file:./copy").build()).isInstanceOf(InvalidSetting.class)
        .hasMessageContaining("civicdiary.db.read-url");
    assertThatThrownBy(() -> PersistenceConfig.builder().url("jdbc:postgresql://db/civic")
        .readUrl("jdbc:postgresql://standby/civic").readMaxLag(Duration.ofMillis(10)).build())
        .isInstanceOf(InvalidSetting.class).hasMessageContaining("civicdiary.db.read-max-lag");
  }
}
