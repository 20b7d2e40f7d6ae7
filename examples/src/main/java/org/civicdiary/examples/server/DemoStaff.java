/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import java.time.Clock;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.examples.demo.SampleNeighbour;
import org.civicdiary.examples.demo.SampleTownHall;
import org.civicdiary.booking.usecase.Passwords;

/**
 * The demo's staff logins, one per role, printed at start. Demo only: a production server gets
 * its first administrator from {@code civicdiary.staff.initial-admin}.
 */
final class DemoStaff {
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "demo-admin-2026";
  static final String OPERATOR = "operator";
  static final String OPERATOR_PASSWORD = "demo-operator-2026";
  static final String OFFICIAL = "jana-novakova";
  static final String OFFICIAL_PASSWORD = "demo-official-2026";
  static final String RECEPTION = "recepce";
  static final String RECEPTION_PASSWORD = "demo-reception-2026";
  /** Administrators of one office each; "admin" administers the whole deployment. */
  static final String PRAGUE_ADMIN = "admin-praha6";
  static final String PRAGUE_ADMIN_PASSWORD = "demo-praha6-2026";
  static final String NEIGHBOUR_ADMIN = "admin-horomerice";
  static final String NEIGHBOUR_ADMIN_PASSWORD = "demo-horomerice-2026";

  private DemoStaff() {}

  static void ensure(Storage storage, Clock clock) {
    OfficeId prague = SampleTownHall.OFFICE;
    account(storage, clock, new Login(ADMIN, ADMIN_PASSWORD, Role.ADMIN, null, null));
    account(storage, clock, new Login(OPERATOR, OPERATOR_PASSWORD, Role.OPERATOR, null, prague));
    account(storage, clock, new Login(OFFICIAL, OFFICIAL_PASSWORD, Role.OFFICIAL, OfficialId.of("jana-novakova"), prague));
    account(storage, clock, new Login(RECEPTION, RECEPTION_PASSWORD, Role.RECEPTION, null, prague));
    account(storage, clock, new Login(PRAGUE_ADMIN, PRAGUE_ADMIN_PASSWORD, Role.ADMIN, null, prague));
    account(storage, clock, new Login(NEIGHBOUR_ADMIN, NEIGHBOUR_ADMIN_PASSWORD, Role.ADMIN, null,
        SampleNeighbour.OFFICE));
  }

  static String describe() {
    return ADMIN + " / " + ADMIN_PASSWORD + " (both offices), " + PRAGUE_ADMIN + " / " + PRAGUE_ADMIN_PASSWORD
        + " (Praha 6), " + NEIGHBOUR_ADMIN + " / " + NEIGHBOUR_ADMIN_PASSWORD + " (Horoměřice), "
        + OPERATOR + " / " + OPERATOR_PASSWORD + ", " + OFFICIAL + " / " + OFFICIAL_PASSWORD + " (official), "
        + RECEPTION + " / " + RECEPTION_PASSWORD + " (reception, Praha 6)";
  }

  private static void account(Storage storage, Clock clock, Login login) {
    if (storage.staffAccounts().find(login.username()).isPresent()) {
      return;
    }
    String hash = Passwords.hash(login.password());
    storage.transactions().run(() -> {
      storage.staffAccounts().save(new StaffAccount(login.username(), hash, login.role(), login.official(), true, false,
          login.office()));
      storage.auditLog().record(new AuditEntry(clock.instant(), "system", "staff.account.save", login.username(),
          null, "role=" + login.role() + " (demo login)"));
    });
  }

  private record Login(String username, String password, Role role, OfficialId official, OfficeId office) {}
}
