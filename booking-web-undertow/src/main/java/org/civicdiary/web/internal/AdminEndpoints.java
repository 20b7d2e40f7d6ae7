/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.Passwords;
import org.civicdiary.web.internal.Bodies.AccountBody;
import org.civicdiary.web.internal.Bodies.AgendaBody;
import org.civicdiary.web.internal.Bodies.DepartmentBody;
import org.civicdiary.web.internal.Bodies.OfficeBody;
import org.civicdiary.web.internal.Bodies.OfficialBody;
import org.civicdiary.web.internal.Bodies.PolicyBody;
import org.civicdiary.web.internal.Views.AccountView;

/**
 * The office's configuration (office, departments, officials, agendas: admins only, by the core's
 * rule), staff accounts and the audit log (admins only, by this class's rule). Every staff member
 * may read the directory as staff see it (inactive officials and e-mail addresses included).
 */
final class AdminEndpoints {
  static final int DEFAULT_AUDIT_LIMIT = 100;
  private final CivicDiary diary;
  private final Storage storage;
  private final Clock clock;
  private final ResponseCache cache;

  AdminEndpoints(CivicDiary diary, Storage storage, Clock clock, ResponseCache cache) {
    this.diary = diary;
    this.storage = storage;
    this.clock = clock;
    this.cache = cache;
  }

  Reply offices(Call call) {
    call.member();
    return Reply.ok(new Views.OfficesView(storage.directory().offices().stream().map(Views.OfficeAdminView::of).toList()));
  }

  Reply saveOffice(Call call) {
    OfficeBody body = call.body(OfficeBody.class);
    PolicyBody p = Bodies.required("policy", body.policy());
    BookingPolicy policy = new BookingPolicy(Bodies.required("policy.horizonDays", p.horizonDays()),
        Bodies.required("policy.minimumNotice", p.minimumNotice()),
        Bodies.required("policy.maxOpenPerEmail", p.maxOpenPerEmail()),
        Bodies.required("policy.topicMaxLength", p.topicMaxLength()),
        Bodies.required("policy.retentionDays", p.retentionDays()),
        Bodies.required("policy.reminderLead", p.reminderLead()));
    Office office = new Office(OfficeId.of(call.path("id")), body.name(), zone(body.zone()),
        java.time.Duration.ofMinutes(Bodies.required("slotMinutes", body.slotMinutes())), body.place(),
        body.phones() == null ? List.of() : body.phones(), policy);
    diary.administering().saveOffice(call.member(), office);
    cache.invalidate();
    return Reply.ok(Views.OfficeAdminView.of(office));
  }

  Reply departments(Call call) {
    call.member();
    return Reply.ok(new Views.StaffDirectoryView(storage.directory().departments().stream().map(this::department).toList()));
  }

  Reply saveDepartment(Call call) {
    DepartmentBody body = call.body(DepartmentBody.class);
    Department department = new Department(DepartmentId.of(call.path("id")),
        OfficeId.of(Bodies.required("office", body.office())), body.name(), body.place());
    diary.administering().saveDepartment(call.member(), department);
    cache.invalidate();
    return Reply.ok(department(department));
  }

  Reply saveOfficial(Call call) {
    OfficialBody body = call.body(OfficialBody.class);
    Official official = new Official(OfficialId.of(call.path("id")),
        DepartmentId.of(Bodies.required("department", body.department())), body.name(), body.room(), body.email(),
        Bodies.required("active", body.active()));
    var displacement = diary.administering().saveOfficial(call.member(), official);
    cache.invalidate();
    return Reply.ok(Views.DisplacementView.of(displacement));
  }

  Reply saveAgenda(Call call) {
    AgendaBody body = call.body(AgendaBody.class);
    Set<OfficialId> officials = new HashSet<>();
    for (String id : Bodies.required("officials", body.officials())) {
      officials.add(OfficialId.of(id));
    }
    Agenda agenda = new Agenda(AgendaId.of(call.path("id")), DepartmentId.of(Bodies.required("department", body.department())),
        body.name(), Bodies.required("slots", body.slots()), officials);
    diary.administering().saveAgenda(call.member(), agenda);
    cache.invalidate();
    return Reply.ok(Views.AgendaView.of(agenda));
  }

  Reply accounts(Call call) {
    requireAdmin(call.member(), "see staff accounts");
    return Reply.ok(new Views.AccountsView(storage.staffAccounts().all().stream().map(AccountView::of).toList()));
  }

  /** Creates or changes an account; the password may be left out to keep the present one. */
  Reply saveAccount(Call call) {
    StaffMember actor = call.member();
    requireAdmin(actor, "change staff accounts");
    String username = call.path("username");
    AccountBody body = call.body(AccountBody.class);
    Role role = Bodies.required("role", body.role());
    boolean active = Bodies.required("active", body.active());
    OfficialId official = body.official() == null ? null : OfficialId.of(body.official());
    if (role == Role.OFFICIAL && official != null && storage.directory().official(official).isEmpty()) {
      throw new InvalidInput("official", "official " + official + " does not exist");
    }
    if (role != Role.OFFICIAL && official != null) {
      throw new InvalidInput("official", "is only for the OFFICIAL role");
    }
    if (username.equals(actor.username()) && (role != Role.ADMIN || !active)) {
      throw new StateConflict("an administrator cannot take away their own administration rights");
    }
    String newHash = body.password() == null ? null : Passwords.hash(body.password());
    StaffAccount saved = storage.transactions().inTransaction(() -> {
      Optional<StaffAccount> before = storage.staffAccounts().find(username);
      if (before.isEmpty() && newHash == null) {
        throw new InvalidInput("password", "is required for a new account");
      }
      StaffAccount account = new StaffAccount(username, newHash != null ? newHash : before.get().passwordHash(),
          role, official, active);
      storage.staffAccounts().save(account);
      storage.auditLog().record(new AuditEntry(clock.instant(), actor.username(), "staff.account.save", username,
          before.map(a -> AccountView.of(a).toString()).orElse(null),
          AccountView.of(account) + (newHash != null ? " password set" : "")));
      return account;
    });
    return Reply.ok(AccountView.of(saved));
  }

  Reply audit(Call call) {
    requireAdmin(call.member(), "read the audit log");
    int limit = call.integer("limit", DEFAULT_AUDIT_LIMIT, 1, 1000);
    return Reply.ok(new Views.AuditView(storage.auditLog().latest(limit).stream().map(Views.AuditEntryView::of).toList()));
  }

  static void requireAdmin(StaffMember member, String action) {
    if (member.role() != Role.ADMIN) {
      throw new NotPermitted(action);
    }
  }

  private Views.StaffDepartmentView department(Department d) {
    return new Views.StaffDepartmentView(d.id().value(), d.office().value(), d.name(), d.place(),
        storage.diaries().walkInHours(d.id()),
        storage.directory().officials(d.id()).stream().map(Views.OfficialAdminView::of).toList(),
        storage.directory().agendas(d.id()).stream().map(Views.AgendaView::of).toList());
  }

  private static ZoneId zone(String zone) {
    try {
      return ZoneId.of(Bodies.required("zone", zone));
    } catch (java.time.DateTimeException e) {
      throw new InvalidInput("zone", "must be a time-zone id such as Europe/Prague");
    }
  }
}
