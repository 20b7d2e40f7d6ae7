/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.persistence.JdbcStorage;
import org.civicdiary.persistence.PersistenceConfig;
import org.civicdiary.testkit.FreshDatabase;
import org.civicdiary.web.BookingServer;
import org.civicdiary.booking.usecase.Passwords;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.ApiClient.Response;
import org.civicdiary.web.contract.TestOffice;
import org.civicdiary.web.contract.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The directory document over HTTP on H2 and PostgreSQL: exported from a town hall, imported into an
 * empty database and exported again, it is the same bytes; a second import changes nothing; a bad
 * document names its paths and changes nothing.
 */
@org.civicdiary.testkit.NeedsPostgres
class DirectoryRoundTripOnDatabasesTest {
  private static final String DIRECTORY = "/api/v1/admin/directory";
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final MutableClock clock = new MutableClock(TestOffice.START);

  @AfterEach
  void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private Storage database(String engine, String purpose) {
    FreshDatabase database = engine.equals("h2") ? FreshDatabase.h2(purpose) : FreshDatabase.postgres(purpose);
    opened.add(database);
    JdbcStorage storage = JdbcStorage.start(PersistenceConfig.builder().url(database.url()).user(database.user()).password(database.password()).poolSize(4).connectionTimeout(java.time.Duration.ofSeconds(60)).build());
    opened.add(storage);
    return storage.storage();
  }

  private ApiClient adminOf(Storage storage) {
    BookingServer server = TestServers.start(storage, clock, Map.of());
    opened.add(server::stop);
    ApiClient api = new ApiClient(ApiClient.newHttpClient(), server.uri());
    Response login = api.post("/api/v1/staff/login", Map.of("username", TestOffice.ADMIN, "password",
        TestOffice.PASSWORD, "bearer", true));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return api.bearer(login.json().path("token").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void exportImportExportIsByteIdenticalAndASecondImportChangesNothing(String engine) {
    Storage source = database(engine, "dirsource");
    TestOffice.seed(source);
    Storage target = database(engine, "dirtarget");
    target.transactions().run(() -> target.staffAccounts().save(new StaffAccount(TestOffice.ADMIN,
        Passwords.hash(TestOffice.PASSWORD), Role.ADMIN, null, true)));
    String exported = adminOf(source).get(DIRECTORY).body();
    ApiClient api = adminOf(target);

    Response first = api.send("PUT", DIRECTORY, exported, "application/json");
    String again = api.get(DIRECTORY).body();
    int audit = target.transactions().inTransaction(() -> target.auditLog().latest(100_000).size());
    Response second = api.send("PUT", DIRECTORY, exported, "application/json");

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(again).isEqualTo(exported);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().path("created").size() + second.json().path("updated").size()).isZero();
    assertThat(target.transactions().inTransaction(() -> target.auditLog().latest(100_000).size())).isEqualTo(audit);
    assertThat(api.get(DIRECTORY).body()).isEqualTo(exported);

    String bad = exported.replace("\"office\" : \"p6\"", "\"office\" : \"nowhere\"")
        .replace("\"novak@praha6.example\"", "\"not an address\"");
    Response refused = api.send("PUT", DIRECTORY, bad, "application/json");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    List<String> paths = new ArrayList<>();
    refused.json().path("errors").forEach(e -> paths.add(e.path("path").asText()));
    assertThat(paths).contains("$.departments[0].office", "$.departments[1].office",
        "$.departments[0].officials[1].email");
    assertThat(api.get(DIRECTORY).body()).isEqualTo(exported);
  }
}
