/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.Passwords;
import org.civicdiary.booking.usecase.SignedIn;
import org.civicdiary.guice.CoreModule;
import org.civicdiary.web.contract.ApiClient.Response;
import org.civicdiary.web.contract.ApiClient;
import org.civicdiary.web.contract.TestOffice;
import org.civicdiary.web.contract.TestServers;
import org.junit.jupiter.api.Test;

/** What a host gets from {@link WebModule}, and what it can replace. */
class WebModuleTest {
  @Test
  void providesCivicDiaryWithDefaultClockAndCzechHolidays() {
    Injector injector = Guice.createInjector(new WebModule(Settings.of(Map.of())),
        binder -> binder.bind(Storage.class).toInstance(InMemoryStorage.create()));
    assertThat(injector.getInstance(CivicDiary.class)).isSameAs(injector.getInstance(CivicDiary.class));
    assertThat(injector.getInstance(CoreModule.CLOCK)).isEqualTo(Clock.systemUTC());
    assertThat(injector.getInstance(HolidayCalendar.class).isHoliday(java.time.LocalDate.of(2027, 3, 26)))
        .as("Good Friday").isTrue();
  }

  @Test
  void aPortalPlugsItsOwnSignOnAndTheInitialAdministratorIsCreated() {
    Storage storage = InMemoryStorage.create();
    TestOffice.seed(storage);
    Map<String, String> settings = TestServers.defaults();
    settings.put("civicdiary.staff.initial-admin", "root");
    settings.put("civicdiary.staff.initial-admin-password", "a long initial password");
    StaffAuthenticator portal = new StaffAuthenticator() {
      @Override
      public Optional<StaffMember> authenticate(StaffRequest request) {
        return "ticket-42".equals(request.header().apply("X-Portal-Ticket"))
            ? Optional.of(new StaffMember("portal.user", Role.OPERATOR, null)) : Optional.empty();
      }

      @Override
      public Optional<SignedIn> login(String username, String password, String from) {
        return Optional.empty();
      }

      @Override
      public void logout(StaffRequest request) {}
    };
    Injector injector = Guice.createInjector(new WebModule(Settings.of(settings)), binder -> {
      binder.bind(Storage.class).toInstance(storage);
      OptionalBinder.newOptionalBinder(binder, StaffAuthenticator.class).setBinding().toInstance(portal);
    });
    try (BookingServer server = BookingServer.start(injector)) {
      ApiClient api = new ApiClient(ApiClient.newHttpClient(), server.uri());
      assertThat(api.get("/api/v1/staff/me", "X-Portal-Ticket", "ticket-42").json().path("username").asText())
          .isEqualTo("portal.user");
      assertThat(api.get("/api/v1/staff/me").status()).isEqualTo(401);
      assertThat(storage.staffAccounts().find("root")).hasValueSatisfying(a -> {
        assertThat(a.role()).isEqualTo(Role.ADMIN);
        assertThat(Passwords.verify("a long initial password", a.passwordHash())).isTrue();
      });
      Response file = api.get("/static/test/hello.txt");
      assertThat(file.status()).isEqualTo(200);
      assertThat(file.body()).contains("hello from the static folder");
      assertThat(file.header("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
      assertThat(api.get("/static/test/missing.txt").status()).isEqualTo(404);
    }
  }
}
