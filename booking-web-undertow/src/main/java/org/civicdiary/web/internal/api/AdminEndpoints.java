/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Deputies;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.usecase.AccountChange;
import org.civicdiary.booking.usecase.Administering;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.web.internal.api.Bodies.AccountBody;
import org.civicdiary.web.internal.api.Bodies.AgendaBody;
import org.civicdiary.web.internal.api.Bodies.DepartmentBody;
import org.civicdiary.web.internal.api.Bodies.DeputiesBody;
import org.civicdiary.web.internal.api.Bodies.OfficeBody;
import org.civicdiary.web.internal.api.Bodies.OfficialBody;
import org.civicdiary.web.internal.api.Bodies.PolicyBody;
import org.civicdiary.web.internal.api.Views.AccountView;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.ResponseCache;

/**
 * The office's configuration (office, departments, officials, agendas), staff accounts and the
 * audit log: admins only, by the core's rules. Every staff member may read the directory as staff
 * see it (inactive officials and e-mail addresses included).
 */
final class AdminEndpoints {
  static final int DEFAULT_AUDIT_LIMIT = 100;
  private final CivicDiary diary;
  private final ResponseCache cache;
  private final Runnable officesChanged;
  private final OfficeScope scope;

  /** @param officesChanged told when an office's rules changed (the feeds' policy among them) */
  AdminEndpoints(CivicDiary diary, ResponseCache cache, Runnable officesChanged, OfficeScope scope) {
    this.diary = diary;
    this.cache = cache;
    this.officesChanged = officesChanged;
    this.scope = scope;
  }

  Reply offices(Call call) {
    call.member();
    // Every office to the deployment's administrator (the console's switcher), whatever office they chose.
    StaffMember member = call.member();
    return Reply.ok(new Views.OfficesView(diary.readingDirectory().offices().stream()
        .filter(o -> member.mayActIn(o.id())).map(Views.OfficeAdminView::of).toList()));
  }

  /** The names of the holiday calendars an office may name, sorted: for the console's select; any staff member. */
  Reply holidayCalendars(Call call) {
    call.member();
    return Reply.ok(diary.readingDirectory().holidayCalendars());
  }

  /**
   * Saves the office; {@code policy.feedShowsCitizenNames}, {@code policy.phoneShareRelease} and
   * {@code policy.maxDailyPerEmail} and {@code policy.proposalHold} left out keep the present values
   * (false, 48 hours, one and 48 hours for a new office).
   */
  Reply saveOffice(Call call) {
    OfficeId id = OfficeId.of(call.path("id"));
    OfficeBody body = call.body(OfficeBody.class);
    PolicyBody p = Bodies.required("policy", body.policy());
    java.util.Optional<Office> stored = diary.readingDirectory().offices().stream().filter(o -> o.id().equals(id))
        .findFirst();
    BookingPolicy present = stored.map(Office::policy).orElse(BookingPolicy.DEFAULT);
    String calendar = body.holidayCalendar() != null ? body.holidayCalendar()
        : stored.map(Office::holidayCalendar).orElse(Office.DEFAULT_HOLIDAY_CALENDAR);
    boolean names = p.feedShowsCitizenNames() != null ? p.feedShowsCitizenNames() : present.feedShowsCitizenNames();
    BookingPolicy policy = new BookingPolicy(Bodies.required("policy.horizonDays", p.horizonDays()),
        Bodies.required("policy.minimumNotice", p.minimumNotice()),
        Bodies.required("policy.maxOpenPerEmail", p.maxOpenPerEmail()),
        Bodies.required("policy.topicMaxLength", p.topicMaxLength()),
        Bodies.required("policy.retentionDays", p.retentionDays()),
        Bodies.required("policy.reminderLead", p.reminderLead()), names,
        p.phoneShareRelease() != null ? p.phoneShareRelease() : present.phoneShareRelease(),
        p.maxDailyPerEmail() != null ? p.maxDailyPerEmail() : present.maxDailyPerEmail(),
        p.proposalHold() != null ? p.proposalHold() : present.proposalHold());
    Office office = new Office(id, body.name(), zone(body.zone()),
        java.time.Duration.ofMinutes(Bodies.required("slotMinutes", body.slotMinutes())), body.place(),
        body.phones() == null ? List.of() : body.phones(), policy, calendar);
    diary.administering().saveOffice(call.member(), office);
    cache.invalidate();
    officesChanged.run();
    return Reply.ok(Views.OfficeAdminView.of(office));
  }

  Reply departments(Call call) {
    StaffMember member = call.member();
    return Reply.ok(new Views.StaffDirectoryView(diary.readingDirectory().departments().stream()
        .filter(d -> scope.shows(call, d.office())).map(d -> department(member, d)).toList()));
  }

  Reply saveDepartment(Call call) {
    DepartmentBody body = call.body(DepartmentBody.class);
    Department department = new Department(DepartmentId.of(call.path("id")),
        OfficeId.of(Bodies.required("office", body.office())), body.name(), body.place());
    StaffMember member = call.member();
    diary.administering().saveDepartment(member, department);
    cache.invalidate();
    return Reply.ok(department(member, department));
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

  Reply deputies(Call call) {
    OfficialId official = OfficialId.of(call.path("id"));
    return Reply.ok(new Views.OfficialDeputiesView(official.value(),
        diary.administering().deputies(call.member(), official).stream().map(Views.DeputiesView::of).toList()));
  }

  Reply replaceDeputies(Call call) {
    StaffMember member = call.member();
    DeputiesBody body = call.body(DeputiesBody.class);
    List<OfficialId> deputies = new ArrayList<>();
    for (String id : Bodies.required("deputies", body.deputies())) {
      deputies.add(OfficialId.of(Bodies.required("deputies", id)));
    }
    Deputies list = new Deputies(OfficialId.of(call.path("id")), AgendaId.of(call.path("agenda")), deputies);
    diary.administering().replaceDeputies(member, list);
    cache.invalidate();
    return Reply.ok(Views.DeputiesView.of(list));
  }

  Reply accounts(Call call) {
    return Reply.ok(new Views.AccountsView(diary.keepingStaffAccounts().accounts(call.member()).stream()
        // the deployment's administrators belong to every office's list
        .filter(a -> a.office() == null || scope.shows(call, a.office()))
        .map(AccountView::of).toList()));
  }

  /** Creates or changes an account; the password may be left out to keep the present one. */
  Reply saveAccount(Call call) {
    StaffMember actor = call.member();
    AccountBody body = call.body(AccountBody.class);
    AccountChange change = new AccountChange(call.path("username"), Bodies.required("role", body.role()),
        body.official() == null ? null : OfficialId.of(body.official()), Bodies.required("active", body.active()),
        body.password(), body.office() == null ? null : OfficeId.of(body.office()));
    return Reply.ok(AccountView.of(diary.keepingStaffAccounts().save(actor, change)));
  }

  Reply audit(Call call) {
    int limit = call.integer("limit", DEFAULT_AUDIT_LIMIT, 1, Administering.MAX_AUDIT_LIMIT);
    return Reply.ok(new Views.AuditView(diary.administering().auditLog(call.member(), limit).stream().map(Views.AuditEntryView::of).toList()));
  }

  private Views.StaffDepartmentView department(StaffMember member, Department d) {
    return new Views.StaffDepartmentView(d.id().value(), d.office().value(), d.name(), d.place(),
        diary.readingDirectory().walkInHours(d.id()),
        diary.readingDirectory().allOfficials(member, d.id()).stream().map(Views.OfficialAdminView::of).toList(),
        diary.readingDirectory().agendas(d.id()).stream().map(Views.AgendaView::of).toList());
  }

  private static ZoneId zone(String zone) {
    try {
      return ZoneId.of(Bodies.required("zone", zone));
    } catch (java.time.DateTimeException e) {
      throw new InvalidInput("zone", "must be a time-zone id such as Europe/Prague");
    }
  }
}
