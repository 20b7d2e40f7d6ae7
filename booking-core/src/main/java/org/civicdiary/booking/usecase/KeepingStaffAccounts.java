/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;

/**
 * Administrators keep the staff accounts of the built-in sign-in: who may sign in, with which role,
 * and (for officials) whose diary. Every change is audited, without the password's hash.
 */
public final class KeepingStaffAccounts {
  /** The actor of changes the deployment itself makes, such as the first administrator. */
  public static final String SYSTEM = "system";
  private final Context context;

  KeepingStaffAccounts(Context context) {
    this.context = context;
  }

  /** Every account of the actor's office (every account for a deployment administrator), ordered by user name; administrators only. */
  public List<StaffAccount> accounts(StaffMember actor) {
    Context.permit(actor.role() == Role.ADMIN, "see staff accounts");
    return context.storage.staffAccounts().all().stream().filter(a -> actor.office() == null
        || actor.office().equals(a.office())).toList();
  }

  /**
   * Creates or changes an account. An administrator cannot take away their own administration
   * rights (role or active), so that an office is never left without one by mistake.
   *
   * @throws org.civicdiary.booking.error.NotPermitted unless the actor is an administrator
   * @throws InvalidInput (field {@code official}) if the official does not exist, (field {@code
   *     password}) if a new account has none
   *     (field {@code office}) if the named office does not exist, or is not the official's
   * @throws org.civicdiary.booking.error.NotFound if an office's administrator names an account, an
   *     official or an office of another office: to them it does not exist
   * @throws StateConflict if administrators would demote or disable themselves
   */
  public StaffAccount save(StaffMember actor, AccountChange change) {
    Context.permit(actor.role() == Role.ADMIN, "change staff accounts");
    if (change.official() != null && context.storage.directory().official(change.official()).isEmpty()) {
      throw new InvalidInput("official", "official " + change.official() + " does not exist");
    }
    OfficeId office = officeOf(actor, change);
    if (change.username().equals(actor.username()) && (change.role() != Role.ADMIN || !change.active())) {
      throw new StateConflict("an administrator cannot take away their own administration rights");
    }
    // Hashing is slow on purpose: outside the unit of work, so that it holds no connection meanwhile.
    String newHash = change.password() == null ? null : Passwords.hash(change.password());
    return context.storage.transactions().inTransaction(() -> {
      Optional<StaffAccount> before = context.storage.staffAccounts().find(change.username());
      if (before.isPresent() && actor.office() != null && !actor.office().equals(before.get().office())) {
        throw new NotFound("account", change.username());
      }
      if (before.isEmpty() && newHash == null) {
        throw new InvalidInput("password", "is required for a new account");
      }
      StaffAccount account = new StaffAccount(change.username(),
          newHash != null ? newHash : before.get().passwordHash(), change.role(), change.official(), change.active(),
          newHash == null && before.get().mustChangePassword(), office);
      context.storage.staffAccounts().save(account);
      // A new password or a disabled account ends every session: none may outlive the password
      // it was opened with, nor come back when the account is enabled again.
      int ended = before.isPresent() && (newHash != null || !account.active())
          ? context.storage.staffAccounts().endSessions(account.username(), null) : 0;
      context.audit(actor, "staff.account.save", account.username(), before.map(KeepingStaffAccounts::describe).orElse(null),
          describe(account) + (newHash != null ? " password set" : "") + (ended > 0 ? " " + ended + " sessions ended" : ""));
      return account;
    });
  }

  /**
   * The changed account's office: an official's is their department's; an office's administrator
   * keeps accounts of their own office only; a deployment administrator names it, or it stays as it
   * was, or for a new account of anyone but an administrator it is the deployment's first office. A deployment administrator's own account has none.
   */
  private OfficeId officeOf(StaffMember actor, AccountChange change) {
    OfficeId office = change.office();
    if (change.official() != null) {
      OfficeId officials = context.officeOf(context.official(change.official()).department()).id();
      if (office != null && !office.equals(officials)) {
        throw new InvalidInput("office", "must be the official's office " + officials);
      }
      office = officials;
    }
    if (actor.office() != null) {
      if (office != null && !office.equals(actor.office())) {
        throw new NotFound(change.official() != null ? "official" : "office",
            change.official() != null ? change.official().value() : office.value());
      }
      return actor.office();
    }
    if (office != null) {
      if (context.storage.directory().office(office).isEmpty()) {
        throw new InvalidInput("office", "office " + office + " does not exist");
      }
      return office;
    }
    // Left out, an existing account keeps its office: an office's administrator never becomes the
    // deployment's by an omission.
    Optional<StaffAccount> existing = context.storage.staffAccounts().find(change.username());
    if (existing.isPresent()) {
      return existing.get().office();
    }
    if (change.role() == Role.ADMIN) {
      return null;
    }
    // The first office, as the console showed before there were several and as V20 placed existing staff.
    return context.storage.directory().offices().stream().map(org.civicdiary.booking.model.Office::id).findFirst()
        .orElseThrow(() -> new InvalidInput("office", "is required: the deployment has no office yet"));
  }

  /**
   * Creates the first administrator when no account of this name exists, so that a fresh
   * installation can be signed into. Their password stood in the settings (a file, the
   * environment, a shell's history), so their first sign-in may do nothing but change it.
   *
   * @return whether it was created
   * @throws InvalidInput (field {@code password}) if the password is too short or too long
   */
  public boolean ensureInitialAdmin(String username, String password) {
    if (username == null || context.storage.staffAccounts().find(username.strip()).isPresent()) {
      return false;
    }
    String hash = Passwords.hash(password);
    return context.storage.transactions().inTransaction(() -> {
      if (context.storage.staffAccounts().find(username.strip()).isPresent()) {
        return false;
      }
      StaffAccount admin = new StaffAccount(username, hash, Role.ADMIN, null, true, true);
      context.storage.staffAccounts().save(admin);
      context.storage.auditLog().record(new AuditEntry(context.now(), SYSTEM, "staff.account.save", admin.username(), null,
          describe(admin) + " (initial administrator from the settings)"));
      return true;
    });
  }

  /** What the audit log keeps of an account: never its password hash. */
  static String describe(StaffAccount a) {
    return "role=" + a.role() + (a.official() == null ? "" : " official=" + a.official()) + " active=" + a.active()
        + (a.office() == null ? "" : " office=" + a.office());
  }
}
