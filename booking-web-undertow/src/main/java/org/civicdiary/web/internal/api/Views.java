/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Absence;
import org.civicdiary.booking.model.CheckIn;
import org.civicdiary.booking.model.ContactPhone;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.usecase.OpenSession;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.model.WorkNote;

/**
 * The JSON the API answers with: flat, ids as strings, times as ISO-8601, names in both languages.
 * Built from the core's records here, so the wire format changes only on purpose.
 */
public final class Views {
  private Views() {}

  /** The office as citizens see it; {@code booking} says what the widget should know of the rules. */
  record OfficeView(String id, LocalizedText name, String zone, int slotMinutes, Place place,
      List<ContactPhone> phones, BookingRules booking) {
    static OfficeView of(Office o) {
      return new OfficeView(o.id().value(), o.name(), o.zone().getId(), o.slotMinutes(), o.place(), o.phones(),
          new BookingRules(o.policy().horizonDays(), o.policy().minimumNotice(), o.policy().maxOpenPerEmail(),
              o.policy().topicMaxLength()));
    }
  }

  record BookingRules(int horizonDays, Duration minimumNotice, int maxOpenPerEmail, int topicMaxLength) {}

  record PolicyView(int horizonDays, Duration minimumNotice, int maxOpenPerEmail, int topicMaxLength,
      int retentionDays, Duration reminderLead, boolean feedShowsCitizenNames, Duration phoneShareRelease,
      int maxDailyPerEmail,
      Duration proposalHold) {}

  /** The whole office for staff, policy included. */
  record OfficeAdminView(String id, LocalizedText name, String zone, int slotMinutes, Place place,
      List<ContactPhone> phones, PolicyView policy, String holidayCalendar) {
    static OfficeAdminView of(Office o) {
      var p = o.policy();
      return new OfficeAdminView(o.id().value(), o.name(), o.zone().getId(), o.slotMinutes(), o.place(), o.phones(),
          new PolicyView(p.horizonDays(), p.minimumNotice(), p.maxOpenPerEmail(), p.topicMaxLength(),
              p.retentionDays(), p.reminderLead(), p.feedShowsCitizenNames(), p.phoneShareRelease(),
              p.maxDailyPerEmail(), p.proposalHold()),
          o.holidayCalendar());
    }
  }

  record DirectoryView(List<OfficeView> offices, List<DepartmentView> departments) {}

  record DepartmentView(String id, String office, LocalizedText name, Place place, List<WalkInHours> walkInHours,
      List<OfficialView> officials, List<AgendaView> agendas) {
    static DepartmentView of(Department d, List<WalkInHours> hours, List<OfficialView> officials, List<AgendaView> agendas) {
      return new DepartmentView(d.id().value(), d.office().value(), d.name(), d.place(), hours, officials, agendas);
    }
  }

  /** An official as citizens see them: no e-mail address. */
  record OfficialView(String id, String name, String room, List<String> agendas) {
    static OfficialView of(Official o, List<Agenda> agendas) {
      return new OfficialView(o.id().value(), o.name(), o.room(),
          agendas.stream().filter(a -> a.handledBy(o.id())).map(a -> a.id().value()).toList());
    }
  }

  /** An official for staff: with e-mail and whether active. */
  record OfficialAdminView(String id, String department, String name, String room, String email, boolean active) {
    static OfficialAdminView of(Official o) {
      return new OfficialAdminView(o.id().value(), o.department().value(), o.name(), o.room(), o.email(), o.active());
    }
  }

  record AgendaView(String id, LocalizedText name, int slots, List<String> officials) {
    static AgendaView of(Agenda a) {
      return new AgendaView(a.id().value(), a.name(), a.slots(), a.officials().stream().map(o -> o.value()).sorted().toList());
    }
  }

  record SlotView(String official, Instant start, Instant end, Place place) {
    static SlotView of(FreeSlot s) {
      return new SlotView(s.official().value(), s.start(), s.end(), s.place());
    }
  }

  /** Free time as operators see it: {@code phoneShare} marks the part of a window kept for the phone, not yet released to the web. */
  record StaffSlotView(String official, Instant start, Instant end, Place place, boolean phoneShare) {
    static StaffSlotView of(FreeSlot s) {
      return new StaffSlotView(s.official().value(), s.start(), s.end(), s.place(), s.phoneShare());
    }
  }

  record StaffSlots(String official, String agenda, List<StaffSlotView> slots) {}

  record StaffDepartmentSlots(String department, String agenda, List<StaffSlotView> slots) {}

  /** One start time of a department: the official suggested for it, and who else is free then. */
  record DepartmentSlotView(Instant start, Instant end, String official, Place place, List<String> alsoFree) {}

  record DayView(LocalDate date, int free) {}

  record OfficialSlots(String official, String agenda, List<SlotView> slots) {}

  record DepartmentSlots(String department, String agenda, List<DepartmentSlotView> slots) {}

  record OfficialDays(String official, String agenda, List<DayView> days) {}

  /** The first deputy's first free time when the official has none within the horizon; offer null otherwise. */
  record DeputyOfferView(String official, String agenda, SlotView offer) {}

  /** An official's deputies for one agenda, in the order they are asked. */
  record DeputiesView(String agenda, List<String> deputies) {
    static DeputiesView of(org.civicdiary.booking.model.Deputies d) {
      return new DeputiesView(d.agenda().value(), d.deputies().stream().map(o -> o.value()).toList());
    }
  }

  record OfficialDeputiesView(String official, List<DeputiesView> agendas) {}

  record DepartmentDays(String department, String agenda, List<DayView> days) {}

  record CitizenView(String name, String email, String phone) {}

  record ReservationView(String id, String code, String status, String department, String official, String agenda,
      Instant start, Instant end, CitizenView citizen, String topic, String channel, String language,
      String note, Instant createdAt, Instant updatedAt) {
    static ReservationView of(Reservation r) {
      return new ReservationView(r.id().toString(), r.code().value(), r.status().name(), r.department().value(), r.official().value(),
          r.agenda().value(), r.start(), r.end(),
          new CitizenView(r.citizen().name(), r.citizen().email(), r.citizen().phone()),
          r.topic(), r.channel().name(), r.language().tag(), r.note(), r.createdAt(), r.updatedAt());
    }
  }

  record ManageLink(String token, String link) {}

  record BookedView(ReservationView reservation, ManageLink manage) {}

  record Named(String id, LocalizedText name) {}

  record OfficialRef(String id, String name, String room) {}

  /** What the manage page shows: the reservation, whom and where, and what the citizen may do. */
  record ManageView(ReservationView reservation, Named department, Place place, OfficialRef official, Named agenda,
      boolean canCancel, boolean canReschedule) {}

  /**
   * A displaced reservation's proposals, by start, with the room of each one's official (the page
   * shows it before the citizen accepts).
   *
   * @param heldUntil until when the proposals are held for the citizen, or null when they are not
   * @param callRequested when the citizen asked to be called, or null
   */
  record ProposalsView(List<ProposalView> proposals, Instant heldUntil, Instant callRequested) {}

  record ProposalView(String official, String officialName, String room, Instant start, Instant end, Place place) {}

  /**
   * What undoing an absence did: the reservations back at their time and those that stay displaced.
   */
  record RestorationView(String absence, List<ReservationView> restored, List<ReservationView> stillDisplaced) {}

  record ReservationsView(List<ReservationView> reservations) {}

  record DisplacementView(String subject, List<ReservationView> displaced) {
    static DisplacementView of(org.civicdiary.booking.usecase.Displacement d) {
      return new DisplacementView(d.subject(), d.displaced().stream().map(ReservationView::of).toList());
    }
  }

  /** @param callRequested when the citizen asked to be called ("please call me"), or null */
  record WorklistItemView(ReservationView reservation, List<SlotView> proposals, List<WorkNoteView> notes,
      Instant callRequested) {}

  /** An operator's note or contact attempt: what, who and when; never shown to the citizen. */
  record WorkNoteView(String kind, String body, String author, Instant at) {
    static WorkNoteView of(WorkNote n) {
      return new WorkNoteView(n.kind().name(), n.body(), n.author(), n.at());
    }
  }

  /** A message that could not be delivered: which reservation, what kind, why. */
  record UndeliveredView(String id, String kind, String reservation, String official, Instant start,
      int attempts, String lastError, Instant createdAt) {
    static UndeliveredView of(OutboxMessage m) {
      return new UndeliveredView(m.id().toString(), m.kind().name(), m.reservation().toString(),
          m.official().value(), m.start(), m.attempts(), m.lastError(), m.createdAt());
    }
  }

  record WorklistView(List<WorklistItemView> displaced, List<UndeliveredView> undelivered,
      List<BusyFeedEndpoints.ConflictView> conflicts) {}

  record AbsenceView(String id, String official, Instant start, Instant end, String kind, String reason) {
    static AbsenceView of(Absence a) {
      return new AbsenceView(a.id().toString(), a.official().value(), a.start(), a.end(), a.kind().name(), a.reason());
    }
  }

  record AbsencesView(List<AbsenceView> absences) {}

  record RecordedAbsenceView(AbsenceView absence, List<ReservationView> displaced) {}

  record DayPlanView(String official, LocalDate date, LocalizedText holiday, List<Window> windows,
      List<AbsenceView> absences, List<ReservationView> reservations, List<CheckInView> checkIns,
      List<ClosureDayEndpoints.ClosureDayView> closures) {}

  /** Who of the day's citizens has arrived (and waits since), is in, or is done. */
  record CheckInView(String reservation, Instant arrivedAt, Instant startedAt, Instant endedAt) {
    static CheckInView of(CheckIn k) {
      return new CheckInView(k.reservation().toString(), k.arrivedAt(), k.startedAt(), k.endedAt());
    }
  }

  record WindowsView(String official, List<Window> windows) {}

  record WalkInHoursView(String department, List<WalkInHours> hours) {}

  /** @param mustChangePassword whether every other staff request is refused until the password is changed */
  /** @param office their office; null for the deployment's administrator (and staff bound to none) */
  public record MemberView(String username, String role, String official, boolean mustChangePassword, String office) {
    public static MemberView of(StaffMember m) {
      return new MemberView(m.username(), m.role().name(), m.official() == null ? null : m.official().value(),
          m.mustChangePassword(), m.office() == null ? null : m.office().value());
    }
  }

  /** One's own open sessions, oldest first. */
  public record SessionsView(List<SessionView> sessions) {}

  /** An open session as its owner sees it: never its secret; the browser's name cut short. */
  public record SessionView(String id, Instant createdAt, Instant lastSeenAt, Instant endsAt, String client,
      String userAgent, boolean current) {
    private static final int AGENT = 80;

    public static SessionView of(OpenSession s) {
      String agent = s.userAgent() == null || s.userAgent().length() <= AGENT ? s.userAgent()
          : s.userAgent().substring(0, AGENT - 1) + "…";
      return new SessionView(s.id(), s.createdAt(), s.lastSeenAt(), s.endsAt(), s.client(), agent, s.current());
    }
  }

  public record SessionsEnded(int ended) {}

  public record LoginView(MemberView member, Instant expiresAt, String token) {}

  /** A started enrolment: the secret for typing in, and the URI an authenticator app takes. */
  public record EnrolmentView(String secret, String uri) {}

  /** The recovery codes, shown once. */
  public record RecoveryCodesView(List<String> recoveryCodes) {}

  public record SecondFactorView(boolean active, int recoveryCodesLeft) {}

  /** A staff account without its password hash. */
  record AccountView(String username, String role, String official, boolean active, String office) {
    static AccountView of(StaffAccount a) {
      return new AccountView(a.username(), a.role().name(), a.official() == null ? null : a.official().value(), a.active(),
          a.office() == null ? null : a.office().value());
    }
  }

  record AccountsView(List<AccountView> accounts) {}

  record AuditEntryView(Instant at, String actor, String action, String subject, String before, String after) {
    static AuditEntryView of(AuditEntry e) {
      return new AuditEntryView(e.at(), e.actor(), e.action(), e.subject(), e.before(), e.after());
    }
  }

  record AuditView(List<AuditEntryView> entries) {}

  record OfficesView(List<OfficeAdminView> offices) {}

  record StaffDepartmentView(String id, String office, LocalizedText name, Place place,
      List<WalkInHours> walkInHours, List<OfficialAdminView> officials, List<AgendaView> agendas) {}

  record StaffDirectoryView(List<StaffDepartmentView> departments) {}

  record WeekStatistics(String department, String week, LocalDate weekStart, long bookings, long web, long phone,
      long active, long displaced, long cancelled, long completed, long noShows, long phoneShare, long phoneShareUsed,
      long phoneShareReleasedOnline) {}

  record WaitingStatistics(String department, String week, long visits, Long medianSeconds, Long p90Seconds) {}

  record NoShowStatistics(String channel, long completed, long noShows, double rate) {}

  record StatisticsView(LocalDate from, LocalDate to, List<WeekStatistics> weeks, List<WaitingStatistics> waiting,
      List<NoShowStatistics> noShows) {}

  public record Status(String status) {}
}
