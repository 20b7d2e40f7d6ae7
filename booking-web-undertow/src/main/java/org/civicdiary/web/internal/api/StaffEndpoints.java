/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.AbsenceId;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.MessageId;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationId;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.model.WorkNote;
import org.civicdiary.booking.usecase.Restoration;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.DayPlan;
import org.civicdiary.booking.usecase.Displacement;
import org.civicdiary.booking.usecase.Worklist;
import org.civicdiary.web.internal.api.Bodies.AbsenceBody;
import org.civicdiary.web.internal.api.Bodies.MoveBody;
import org.civicdiary.web.internal.api.Bodies.NoteBody;
import org.civicdiary.web.internal.api.Bodies.OutcomeBody;
import org.civicdiary.web.internal.api.Views.AbsenceView;
import org.civicdiary.web.internal.api.Views.ReservationView;
import org.civicdiary.web.internal.api.Views.SlotView;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.ResponseCache;

/**
 * Staff work: the worklist, reservations (search, move, cancel, outcome), an official's day plan,
 * absences and schedule. The core decides what each role may read and do (NotPermitted becomes 403):
 * an official sees only their own diary.
 */
final class StaffEndpoints {
  static final int DEFAULT_SEARCH_LIMIT = 100;
  private final CivicDiary diary;
  private final ResponseCache cache;
  private final OfficeScope scope;

  StaffEndpoints(CivicDiary diary, ResponseCache cache, OfficeScope scope) {
    this.diary = diary;
    this.cache = cache;
    this.scope = scope;
  }

  Reply worklist(Call call) {
    Worklist worklist = diary.workingTheWorklist().worklist(call.member());
    return Reply.ok(new Views.WorklistView(
        worklist.displaced().stream().filter(i -> scope.showsDepartment(call, i.reservation().department()))
            .map(i -> new Views.WorklistItemView(ReservationView.of(i.reservation()),
                i.proposals().stream().map(SlotView::of).toList(),
                i.notes().stream().map(Views.WorkNoteView::of).toList(), i.callRequested())).toList(),
        worklist.undelivered().stream().filter(m -> scope.shows(call,
            m.reservation() == null ? null : scope.ofReservation(m.reservation()).orElse(null)))
            .map(Views.UndeliveredView::of).toList(),
        BusyFeedEndpoints.conflicts(diary, call.member(), worklist.conflicts().stream()
            .filter(c -> scope.showsOfficial(call, c.official())).toList())));
  }

  Reply retryMessage(Call call) {
    call.noBody();
    diary.workingTheWorklist().retryMessage(call.member(), MessageId.parse(call.path("id")));
    return Reply.noContent();
  }

  Reply search(Call call) {
    String department = call.query("department");
    String official = call.query("official");
    String status = call.query("status");
    DepartmentId departmentId = department == null ? null : DepartmentId.of(department);
    OfficialId officialId = official == null ? null : OfficialId.of(official);
    TypedTime from = TypedTime.query(call, "from");
    TypedTime to = TypedTime.query(call, "to");
    ReservationSearch search = new ReservationSearch(call.query("text"), departmentId, officialId,
        status == null ? null : status(status),
        from.start(() -> searchZone(departmentId, officialId, "fromDate")),
        to.end(() -> searchZone(departmentId, officialId, "toDate")),
        call.integer("limit", DEFAULT_SEARCH_LIMIT, 1, 1000));
    return Reply.ok(new Views.ReservationsView(diary.handlingReservations().search(call.member(), search).stream()
        .filter(r -> scope.showsDepartment(call, r.department())).map(ReservationView::of).toList()));
  }

  Reply reservation(Call call) {
    return Reply.ok(ReservationView.of(diary.handlingReservations().find(call.member(), reservationId(call))));
  }

  Reply move(Call call) {
    MoveBody body = call.body(MoveBody.class);
    OfficialId official = body.official() == null ? null : OfficialId.of(body.official());
    Instant start = body.typedStart().exact(() -> diary.officeTime().zoneOf(Bodies.required("official", official)));
    Reservation moved = diary.handlingReservations().move(call.member(), reservationId(call), official, start, body.note());
    cache.invalidate();
    return Reply.ok(ReservationView.of(moved));
  }

  Reply cancel(Call call) {
    NoteBody body = call.body(NoteBody.class);
    Reservation cancelled = diary.handlingReservations().cancel(call.member(), reservationId(call), body.note());
    cache.invalidate();
    return Reply.ok(ReservationView.of(cancelled));
  }

  /** The operators' notes and contact attempts on a reservation, oldest first. */
  Reply workNotes(Call call) {
    return Reply.ok(diary.workingTheWorklist().notes(call.member(), reservationId(call)).stream()
        .map(Views.WorkNoteView::of).toList());
  }

  /** Adds a note or a contact attempt; the time and the operator are the server's. */
  Reply addWorkNote(Call call) {
    Bodies.WorkNoteBody body = call.body(Bodies.WorkNoteBody.class);
    WorkNote note = diary.workingTheWorklist().addNote(call.member(), reservationId(call), body.kind(), body.body());
    return Reply.json(201, Views.WorkNoteView.of(note));
  }

  Reply outcome(Call call) {
    OutcomeBody body = call.body(OutcomeBody.class);
    Reservation ended = diary.handlingReservations().recordOutcome(call.member(), reservationId(call),
        Bodies.required("status", body.status()));
    return Reply.ok(ReservationView.of(ended));
  }

  Reply dayPlan(Call call) {
    DayPlan plan = diary.handlingReservations().dayPlan(call.member(), officialId(call), call.date("date"));
    return Reply.ok(new Views.DayPlanView(plan.official().value(), plan.date(), plan.holiday(), plan.windows(),
        plan.absences().stream().map(AbsenceView::of).toList(),
        plan.reservations().stream().map(ReservationView::of).toList(),
        plan.checkIns().stream().map(Views.CheckInView::of).toList(),
        plan.closures().stream().map(ClosureDayEndpoints.ClosureDayView::of).toList()));
  }

  Reply absences(Call call) {
    OfficialId official = officialId(call);
    Instant from = Bodies.required("from", TypedTime.query(call, "from").start(() -> diary.officeTime().zoneOf(official)));
    Instant to = Bodies.required("to", TypedTime.query(call, "to").end(() -> diary.officeTime().zoneOf(official)));
    if (!from.isBefore(to)) {
      throw new InvalidInput("to", "must be after from");
    }
    return Reply.ok(new Views.AbsencesView(diary.recordingAbsence().absences(call.member(), official, from, to).stream()
        .map(AbsenceView::of).toList()));
  }

  Reply recordAbsence(Call call) {
    OfficialId official = officialId(call);
    AbsenceBody body = call.body(AbsenceBody.class);
    StaffMember member = call.member();
    Displacement displacement = diary.recordingAbsence().record(member,
        new AbsenceRequest(official, body.typedStart().start(() -> diary.officeTime().zoneOf(official)),
            body.typedEnd().end(() -> diary.officeTime().zoneOf(official)), body.kind(), body.reason()));
    cache.invalidate();
    Absence absence = diary.recordingAbsence().absence(member, AbsenceId.parse(displacement.subject()));
    return Reply.json(201, new Views.RecordedAbsenceView(AbsenceView.of(absence),
        displacement.displaced().stream().map(ReservationView::of).toList()))
        .header("Location", call.mount() + "/api/v1/staff/absences/" + absence.id());
  }

  /**
   * Removes an absence; with {@code restore=true}, also puts the reservations it displaced back at
   * their time where it is still free, and answers what was restored and what stays displaced.
   */
  Reply removeAbsence(Call call) {
    call.noBody();
    String restore = call.query("restore");
    if (restore != null && !restore.equals("true") && !restore.equals("false")) {
      throw new InvalidInput("restore", "must be true or false");
    }
    Restoration done = diary.recordingAbsence().remove(call.member(), AbsenceId.parse(call.path("id")),
        "true".equals(restore));
    cache.invalidate();
    if (!"true".equals(restore)) {
      return Reply.noContent();
    }
    return Reply.ok(new Views.RestorationView(done.absence(),
        done.restored().stream().map(ReservationView::of).toList(),
        done.stillDisplaced().stream().map(ReservationView::of).toList()));
  }

  /** The reservations an absence displaced that are still displaced: what undoing it may restore. */
  Reply absenceDisplaced(Call call) {
    return Reply.ok(new Views.ReservationsView(diary.recordingAbsence()
        .displacedBy(call.member(), AbsenceId.parse(call.path("id"))).stream().map(ReservationView::of).toList()));
  }

  /** An official's free time as operators book it for a caller: the phone share of windows included and marked. */
  Reply officialSlots(Call call) {
    OfficialId official = officialId(call);
    PublicEndpoints.Range range = PublicEndpoints.Range.of(call);
    return Reply.ok(new Views.StaffSlots(official.value(), range.agenda().value(), diary.findingFreeSlots()
        .ofOfficialForStaff(call.member(), official, range.agenda(), range.from(), range.to()).stream()
        .map(Views.StaffSlotView::of).toList()));
  }

  /** A department's free time as operators book it for a caller who takes anyone: every official's, phone share marked. */
  Reply departmentSlots(Call call) {
    DepartmentId department = DepartmentId.of(call.path("id"));
    PublicEndpoints.Range range = PublicEndpoints.Range.of(call);
    return Reply.ok(new Views.StaffDepartmentSlots(department.value(), range.agenda().value(), diary.findingFreeSlots()
        .ofDepartmentForStaff(call.member(), department, range.agenda(), range.from(), range.to()).stream()
        .map(Views.StaffSlotView::of).toList()));
  }

  /** The days with an official's free time as operators see it, for the console's calendar over the whole horizon. */
  Reply officialDays(Call call) {
    OfficialId official = officialId(call);
    PublicEndpoints.Range range = PublicEndpoints.Range.of(call);
    return Reply.ok(new Views.OfficialDays(official.value(), range.agenda().value(), PublicEndpoints.days(diary
        .findingFreeSlots().daysOfOfficialForStaff(call.member(), official, range.agenda(), range.from(), range.to()))));
  }

  /** The days with free time of any official of a department as operators see it. */
  Reply departmentDays(Call call) {
    DepartmentId department = DepartmentId.of(call.path("id"));
    PublicEndpoints.Range range = PublicEndpoints.Range.of(call);
    return Reply.ok(new Views.DepartmentDays(department.value(), range.agenda().value(), PublicEndpoints.days(diary
        .findingFreeSlots().daysOfDepartmentForStaff(call.member(), department, range.agenda(), range.from(),
            range.to()))));
  }

  Reply windows(Call call) {
    OfficialId official = officialId(call);
    return Reply.ok(new Views.WindowsView(official.value(), diary.changingSchedule().windows(call.member(), official)));
  }

  Reply replaceWindows(Call call) {
    Bodies.WindowsBody body = call.body(Bodies.WindowsBody.class);
    List<Window> windows = body.toWindows();
    Displacement displacement = diary.changingSchedule().replaceWindows(call.member(), officialId(call), windows);
    cache.invalidate();
    return Reply.ok(Views.DisplacementView.of(displacement));
  }

  Reply replaceWalkInHours(Call call) {
    DepartmentId department = DepartmentId.of(call.path("id"));
    Bodies.WalkInHoursBody body = call.body(Bodies.WalkInHoursBody.class);
    diary.changingSchedule().replaceWalkInHours(call.member(), department, Bodies.required("hours", body.hours()));
    cache.invalidate();
    return Reply.ok(new Views.WalkInHoursView(department.value(), diary.readingDirectory().walkInHours(department)));
  }

  /** The zone a search's local times are read in: the official's, the department's, or the one all offices share. */
  private ZoneId searchZone(DepartmentId department, OfficialId official, String field) {
    if (official != null) {
      return diary.officeTime().zoneOf(official);
    }
    return department != null ? diary.officeTime().zoneOf(department) : diary.officeTime().sharedZone(field);
  }

  private static OfficialId officialId(Call call) {
    return OfficialId.of(call.path("id"));
  }

  private static ReservationId reservationId(Call call) {
    return ReservationId.parse(call.path("id"));
  }

  private static Status status(String text) {
    try {
      return Status.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("status", "must be one of ACTIVE DISPLACED CANCELLED COMPLETED NO_SHOW");
    }
  }
}
