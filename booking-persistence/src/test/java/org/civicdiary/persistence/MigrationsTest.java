/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.civicdiary.persistence.DatabaseNotReady.Problem;
import org.civicdiary.testkit.NeedsPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@NeedsPostgres
class MigrationsTest {
  private static final List<String> TABLES = List.of("office", "office_phone", "department", "official", "agenda",
      "agenda_official", "diary_window", "walk_in_hours", "absence", "reservation", "held_slot", "manage_token",
      "outbox_message", "audit_entry", "idempotency_record", "staff_account", "staff_session");
  /** Applied SQL migrations (H2 also records a row for the schema Flyway created). */
  private static final String MIGRATIONS = "select count(*) from flyway_schema_history where type = 'SQL'";
  /** The scripts this version ships, counted rather than written down, so a new one needs no edit here. */
  private static final long SCRIPTS = scripts();

  private static long scripts() {
    try (Stream<Path> files = Files.list(Path.of(MigrationsTest.class.getResource("/db/migration/common").toURI()))) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TestDatabase database(String engine) {
    Function<String, TestDatabase> create = engine.equals("postgres") ? TestDatabase::postgres : TestDatabase::h2;
    return create.apply("migrations");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void createEverythingFromAnEmptyDatabaseAndStartAgainUnchanged(String engine) {
    try (TestDatabase db = database(engine)) {
      db.start();
      for (String table : TABLES) {
        assertThat(db.count("select count(*) from " + table)).as(table).isZero();
      }
      assertThat(SCRIPTS).isGreaterThanOrEqualTo(2);
      assertThat(db.count(MIGRATIONS + " and success")).isEqualTo(SCRIPTS);
      db.jdbc().close();
      db.start();
      assertThat(db.count(MIGRATIONS)).as("nothing migrated again").isEqualTo(SCRIPTS);
      assertThat(db.storage().directory().offices()).isEmpty();
    }
  }

  @Test
  void migratesWithAPoolOfOneConnection() {
    try (TestDatabase db = TestDatabase.postgres("migrations", 1)) {
      db.start();
      db.storage().transactions().run(() -> db.storage().directory().save(org.civicdiary.testkit.contract.Fixtures.office()));
      assertThat(db.storage().directory().offices()).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void refusesASchemaThatANewerVersionMigrated(String engine) {
    try (TestDatabase db = database(engine)) {
      Flyway.configure().dataSource(db.config.url(), db.config.user(), db.config.password())
          .locations("classpath:db/migration/common", "classpath:db/future").load().migrate();
      assertThatThrownBy(db::start)
          .isInstanceOfSatisfying(DatabaseNotReady.class, e -> assertThat(e.problem()).isEqualTo(Problem.SCHEMA_NEWER_THAN_CODE))
          .hasMessageContaining("[999]")
          .hasMessageContaining("newer version");
      assertThat(db.count(MIGRATIONS)).as("nothing migrated").isEqualTo(SCRIPTS + 1);
    }
  }

  @Test
  void refusesASchemaWhoseAppliedMigrationWasChanged() {
    try (TestDatabase db = TestDatabase.h2("migrations")) {
      db.start();
      db.jdbc().close();
      db.execute("update flyway_schema_history set checksum = 42 where version = '1'");
      assertThatThrownBy(db::start)
          .isInstanceOfSatisfying(DatabaseNotReady.class, e -> assertThat(e.problem()).isEqualTo(Problem.SCHEMA_INVALID))
          .hasMessageContaining("flyway_schema_history");
    }
  }

  @Test
  void anUnreachableDatabaseSaysWhatToCheck() {
    PersistenceConfig nowhere = PersistenceConfig.builder().url("jdbc:postgresql://127.0.0.1:1/civic?password=secret")
        .user("civic").password("secret").poolSize(2).connectionTimeout(Duration.ofMillis(500)).build();
    assertThatThrownBy(() -> JdbcStorage.start(nowhere))
        .isInstanceOfSatisfying(DatabaseNotReady.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE))
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/civic?password=***")
        .hasMessageContaining("civicdiary.db.url")
        .hasMessageContaining("civicdiary.db.password")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aWrongPasswordIsUnreachableToo() {
    try (TestDatabase db = TestDatabase.h2("migrations")) {
      db.start();
      db.jdbc().close();
      PersistenceConfig wrong = db.config.toBuilder().user("sa").password("not-the-password").poolSize(2)
          .connectionTimeout(Duration.ofMillis(500)).build();
      assertThatThrownBy(() -> JdbcStorage.start(wrong))
          .isInstanceOfSatisfying(DatabaseNotReady.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE))
          .hasMessageContaining("civicdiary.db.user");
    }
  }
}
