/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.junit.jupiter.api.Test;

class H2UrlTest {
  private static final String FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

  @Test
  void aPathAloneGetsEverySettingTheSqlNeeds() {
    assertThat(H2Url.complete("jdbc:h2:file:./data/civic-diary")).isEqualTo("jdbc:h2:file:./data/civic-diary" + FLAGS);
    assertThat(H2Url.complete("jdbc:h2:mem:x;")).isEqualTo("jdbc:h2:mem:x" + FLAGS);
  }

  @Test
  void settingsTheUserWroteAreKeptOnceAndInTheirPlace() {
    assertThat(H2Url.complete("jdbc:h2:file:./x;mode=postgresql;TIME ZONE=Asia/Tokyo;write_delay=500"))
        .isEqualTo("jdbc:h2:file:./x;mode=postgresql;TIME ZONE=Asia/Tokyo;write_delay=500"
            + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    String full = "jdbc:h2:file:./x" + FLAGS;
    assertThat(H2Url.complete(full)).isEqualTo(full);
  }

  @Test
  void anEscapedSemicolonStaysInsideItsValue() {
    String init = "jdbc:h2:mem:x;INIT=create schema if not exists a\\;set schema a";
    assertThat(H2Url.complete(init)).isEqualTo(init + FLAGS);
  }

  @Test
  void aContradictingSettingIsRefusedNamingTheKey() {
    for (String url : new String[] {"jdbc:h2:file:./x;MODE=MySQL", "jdbc:h2:file:./x;DATABASE_TO_LOWER=FALSE",
        "jdbc:h2:file:./x;DEFAULT_NULL_ORDERING=LOW", "jdbc:h2:file:./x;DATABASE_TO_UPPER=TRUE"}) {
      assertThatThrownBy(() -> PersistenceConfig.from(Settings.of(Map.of("civicdiary.db.url", url))))
          .as(url).isInstanceOf(InvalidSetting.class)
          .hasMessageContaining("civicdiary.db.url").hasMessageContaining("CIVICDIARY_DB_URL")
          .hasMessageContaining(url.substring(url.indexOf(';') + 1));
    }
  }

  @Test
  void postgresqlUrlsAreLeftAsWritten() {
    String url = "jdbc:postgresql://db.example:5432/civic?ssl=true";
    assertThat(PersistenceConfig.of(url, "civic", null).url()).isEqualTo(url);
  }

  @Test
  void h2RunsInTheModeTheSqlNeedsWhenOnlyThePathIsGiven() throws Exception {
    PersistenceConfig config = PersistenceConfig.of("jdbc:h2:mem:h2urltest", "sa", "");
    try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
        Statement s = c.createStatement()) {
      s.execute("create table Mixed_Case (n int)");
      s.execute("insert into mixed_case values (null), (1)");
      try (ResultSet mode = s.executeQuery("select setting_value from information_schema.settings where setting_name = 'MODE'");
          ResultSet order = c.createStatement().executeQuery("select n from mixed_case order by n")) {
        assertThat(mode.next()).isTrue();
        assertThat(mode.getString(1)).isEqualToIgnoringCase("PostgreSQL");
        assertThat(order.next()).isTrue();
        assertThat(order.getObject(1)).as("nulls last, as on PostgreSQL").isEqualTo(1);
      }
      try (ResultSet tables = s.executeQuery("select table_name from information_schema.tables where table_name = 'mixed_case'")) {
        assertThat(tables.next()).as("names in lower case").isTrue();
      }
    }
  }
}
