/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FreshDatabaseTest {
  @Test
  void anH2DatabaseIsAFolderUnderTargetRemovedWhenClosed() throws SQLException {
    Path folder;
    try (FreshDatabase db = FreshDatabase.h2("Kit Test")) {
      assertThat(db.name()).matches("cd_kit_test_[0-9a-f]{8}");
      db.execute("create table t (n int)");
      db.execute("insert into t values (1)");
      assertThat(one(db, "select count(*) from t")).isEqualTo("1");
      assertThat(one(db, "select setting_value from information_schema.settings where setting_name = 'TIME ZONE'")).isEqualTo(FreshDatabase.SESSION_ZONE);
      folder = Path.of("target", "h2", db.name()).toAbsolutePath();
      assertThat(folder).isDirectory();
    }
    assertThat(Files.exists(folder)).isFalse();
  }

  @Test
  @NeedsPostgres
  void aPostgresqlDatabaseIsCreatedUnderAUniqueNameAndDroppedWhenClosed() throws SQLException {
    FreshDatabase first = FreshDatabase.postgres("kit");
    try (first; FreshDatabase second = FreshDatabase.postgres("kit")) {
      assertThat(first.name()).isNotEqualTo(second.name());
      first.execute("create table t (n int)");
      assertThat(exists(first.name())).isTrue();
      assertThat(one(second, "select count(*) from information_schema.tables where table_name = 't'"))
          .as("the second database does not see the first's tables").isEqualTo("0");
      assertThat(first.user()).isNull();
    }
    assertThat(exists(first.name())).isFalse();
  }

  @Test
  void aServerUrlWithoutHostIsRefusedSayingWhatItNeeds() {
    assertThatThrownBy(() -> FreshDatabase.postgres("jdbc:postgresql:test?password=secret", "kit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://host:port/database")
        .hasMessageNotContaining("secret");
  }

  @Test
  void theServerIsChosenByTheSystemProperty() {
    String before = System.getProperty(FreshDatabase.SERVER_PROPERTY);
    try {
      System.setProperty(FreshDatabase.SERVER_PROPERTY, " jdbc:postgresql://db.example:5433/postgres?user=ci ");
      assertThat(FreshDatabase.server()).isEqualTo("jdbc:postgresql://db.example:5433/postgres?user=ci");
      FreshDatabase elsewhere = FreshDatabase.postgres(FreshDatabase.server(), "kit");
      assertThat(elsewhere.toString()).contains("jdbc:postgresql://db.example:5433/" + elsewhere.name() + "?user=ci&ApplicationName=");
    } finally {
      if (before == null) {
        System.clearProperty(FreshDatabase.SERVER_PROPERTY);
      } else {
        System.setProperty(FreshDatabase.SERVER_PROPERTY, before);
      }
    }
  }

  /** As an extension: one database for the class and its nested classes, removed after the outermost. */
  @Nested
  class AsAnExtension {
    @RegisterExtension
    static final FreshDatabase DB = FreshDatabase.h2("extension");

    @Test
    void theDatabaseExistsWhileTheClassRuns() throws SQLException {
      DB.execute("create table if not exists seen (n int)");
      assertThat(one(DB, "select count(*) from seen")).isEqualTo("0");
      assertThat(Path.of("target", "h2", DB.name())).isDirectory();
    }
  }

  private static String one(FreshDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static boolean exists(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(FreshDatabase.server());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from pg_database where datname = '" + name + "'")) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }
}
