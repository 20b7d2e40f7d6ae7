/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal;

import java.time.Clock;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.web.Passwords;
import org.civicdiary.web.WebSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first administrator, so that a fresh installation can be logged into: created from
 * {@code civicdiary.staff.initial-admin} and its password when no account of that name exists.
 */
final class InitialAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

  private InitialAdmin() {}

  static void ensure(Storage storage, Clock clock, WebSettings.Staff settings) {
    String username = settings.initialAdmin();
    if (username == null || storage.staffAccounts().find(username).isPresent()) {
      return;
    }
    String hash = Passwords.hash(settings.initialAdminPassword());
    storage.transactions().run(() -> {
      storage.staffAccounts().save(new StaffAccount(username, hash, Role.ADMIN, null, true));
      storage.auditLog().record(new AuditEntry(clock.instant(), "system", "staff.account.save", username, null,
          "role=ADMIN active=true (initial administrator from the settings)"));
    });
    LOG.info("created the initial administrator account '{}'", username);
  }
}
