/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.StaffMember;

/**
 * Free time citizens may book: of one official, or of every active official of a department who
 * handles the agenda ("first available"). Only times within the booking horizon and after the
 * minimum notice are offered; free/busy only, never who booked.
 */
public final class FindingFreeSlots {
  /**
   * The longest range one list of slots may ask for, so a query cannot ask the server for years of
   * slot objects. Lists of days may ask for more: see {@link #daysLimit(Office)}.
   */
  public static final int MAX_DAYS = 93;
  private final Context context;

  FindingFreeSlots(Context context) {
    this.context = context;
  }

  /** Citizens' free time, read where {@link org.civicdiary.booking.port.Transactions#publicRead} says. */
  public List<FreeSlot> ofOfficial(OfficialId officialId, AgendaId agendaId, LocalDate from, LocalDate to) {
    return publicRead(() -> find(ofOne(officialId, agendaId), from, to));
  }

  public List<FreeSlot> ofDepartment(DepartmentId departmentId, AgendaId agendaId, LocalDate from, LocalDate to) {
    return publicRead(() -> find(ofAll(departmentId, agendaId), from, to));
  }

  /**
   * What citizens are shown may be a moment behind (a standby's copy): booking reads the primary
   * and refuses a slot just taken. Staff views stay on the primary.
   */
  private <T> T publicRead(Supplier<T> work) {
    return context.storage.transactions().publicRead(work);
  }

  /**
   * Free time of one official as operators see it when they book for a caller: from now (staff may
   * book inside the minimum notice), the phone share of windows included and marked ({@link
   * FreeSlot#phoneShare()}).
   *
   * @throws org.civicdiary.booking.error.NotPermitted for the reception, and for an official's account
   *     about another diary: officials book in their own diary only
   */
  public List<FreeSlot> ofOfficialForStaff(StaffMember actor, OfficialId officialId, AgendaId agendaId, LocalDate from,
      LocalDate to) {
    Context.permit(actor.mayManage(officialId), "see another official's free time");
    Query q = ofOne(officialId, agendaId);
    if (!actor.mayActIn(q.office.id())) {
      throw new NotFound("official", officialId.value());
    }
    return staffView(q, from, to);
  }

  private List<FreeSlot> staffView(Query q, LocalDate from, LocalDate to) {
    Context.requireDates(from, to, MAX_DAYS);
    if (q.officials.isEmpty()) {
      return List.of();
    }
    LocalDate today = context.today(q.office);
    return context.freeTime.find(q.office, q.officials, first(from, today), last(q.office, to, today), context.now(),
        q.agenda.id(), q.agenda.slots(), FreeTime.Ignore.NOTHING, FreeTime.Seen.STAFF);
  }

  /**
   * Free time of every official of the department who handles the agenda, as operators see it when
   * they book for a caller who takes anyone: from now, the phone share of windows included and
   * marked; one entry per official and start.
   *
   * @throws org.civicdiary.booking.error.NotPermitted for officials and the reception, who do not
   *     book for callers
   */
  public List<FreeSlot> ofDepartmentForStaff(StaffMember actor, DepartmentId departmentId, AgendaId agendaId,
      LocalDate from, LocalDate to) {
    Context.permit(actor.role().worksEveryDiary(), "see the free time of a whole department");
    Query q = ofAll(departmentId, agendaId);
    if (!actor.mayActIn(q.office.id())) {
      throw new NotFound("department", departmentId.value());
    }
    return staffView(q, from, to);
  }

  /**
   * The days [from, to] on which the official has free time for the agenda, each with how many
   * meetings could start then; ascending, days without free time left out.
   */
  public NavigableMap<LocalDate, Integer> daysOfOfficial(OfficialId officialId, AgendaId agendaId, LocalDate from,
      LocalDate to) {
    return publicRead(() -> {
      Query q = ofOne(officialId, agendaId);
      return days(q, from, to, earliest(q.office), FreeTime.Seen.WEB);
    });
  }

  /**
   * The days [from, to] on which any official of the department has free time for the agenda,
   * each with how many distinct start times it offers (officials free at the same time count once).
   */
  public NavigableMap<LocalDate, Integer> daysOfDepartment(DepartmentId departmentId, AgendaId agendaId, LocalDate from,
      LocalDate to) {
    return publicRead(() -> {
      Query q = ofAll(departmentId, agendaId);
      return days(q, from, to, earliest(q.office), FreeTime.Seen.WEB);
    });
  }

  /**
   * The days [from, to] on which the official has free time for the agenda as operators see it
   * (from now, the phone share of windows counted), each with how many meetings could start then.
   *
   * @throws org.civicdiary.booking.error.NotPermitted as {@link #ofOfficialForStaff}
   */
  public NavigableMap<LocalDate, Integer> daysOfOfficialForStaff(StaffMember actor, OfficialId officialId,
      AgendaId agendaId, LocalDate from, LocalDate to) {
    Context.permit(actor.mayManage(officialId), "see another official's free time");
    Query q = ofOne(officialId, agendaId);
    if (!actor.mayActIn(q.office.id())) {
      throw new NotFound("official", officialId.value());
    }
    return days(q, from, to, context.now(), FreeTime.Seen.STAFF);
  }

  /**
   * The days [from, to] on which any official of the department has free time for the agenda as
   * operators see it, each with how many distinct start times it offers.
   *
   * @throws org.civicdiary.booking.error.NotPermitted as {@link #ofDepartmentForStaff}
   */
  public NavigableMap<LocalDate, Integer> daysOfDepartmentForStaff(StaffMember actor, DepartmentId departmentId,
      AgendaId agendaId, LocalDate from, LocalDate to) {
    Context.permit(actor.role().worksEveryDiary(), "see the free time of a whole department");
    Query q = ofAll(departmentId, agendaId);
    if (!actor.mayActIn(q.office.id())) {
      throw new NotFound("department", departmentId.value());
    }
    return days(q, from, to, context.now(), FreeTime.Seen.STAFF);
  }

  /**
   * The longest range one list of days may ask for in the office: its whole booking horizon
   * (today and {@code horizonDays} after it), and never less than {@link #MAX_DAYS}, so a calendar
   * asks for every bookable day at once. Counting days is linear in the range.
   */
  public static int daysLimit(Office office) {
    return Math.max(MAX_DAYS, office.policy().horizonDays() + 1);
  }

  /**
   * When the official has no free time for the agenda anywhere within the booking horizon (or no
   * longer takes bookings), the first free time of the first of their deputies for the agenda, in
   * deputy order, who has some; empty when the official has free time or no deputy has.
   *
   * @throws InvalidInput (field {@code agenda}) if the official does not handle the agenda
   * @throws org.civicdiary.booking.error.NotFound if there is no such official or agenda
   */
  public Optional<FreeSlot> deputyOffer(OfficialId officialId, AgendaId agendaId) {
    return publicRead(() -> firstDeputyFree(officialId, agendaId));
  }

  private Optional<FreeSlot> firstDeputyFree(OfficialId officialId, AgendaId agendaId) {
    Query q = ofOne(officialId, agendaId);
    LocalDate today = context.today(q.office);
    if (firstFree(q, today).isPresent()) {
      return Optional.empty();
    }
    for (OfficialId deputy : context.storage.directory().deputies(officialId, agendaId).deputies()) {
      Optional<Official> standingIn = context.storage.directory().official(deputy);
      if (standingIn.isPresent() && standingIn.get().active() && q.agenda.handledBy(deputy)) {
        Optional<FreeSlot> first = firstFree(new Query(q.office, List.of(deputy), q.agenda), today);
        if (first.isPresent()) {
          return first;
        }
      }
    }
    return Optional.empty();
  }

  /** The first free time within the horizon, found day by day from the counts so that a full diary costs one pass. */
  private Optional<FreeSlot> firstFree(Query q, LocalDate today) {
    if (q.officials.isEmpty()) {
      return Optional.empty();
    }
    LocalDate last = today.plusDays(q.office.policy().horizonDays());
    int[] perDay = context.freeTime.startsPerDay(q.office, q.officials, today, last, earliest(q.office), q.agenda.id(), q.agenda.slots(),
        FreeTime.Seen.WEB);
    for (int d = 0; d < perDay.length; d++) {
      if (perDay[d] > 0) {
        LocalDate day = today.plusDays(d);
        return context.freeTime.find(q.office, q.officials, day, day, earliest(q.office), q.agenda.id(), q.agenda.slots(),
            FreeTime.Ignore.NOTHING, FreeTime.Seen.WEB).stream().findFirst();
      }
    }
    return Optional.empty();
  }

  /** Whose diaries a query reads, and for which agenda. */
  private record Query(Office office, List<OfficialId> officials, Agenda agenda) {}

  private Query ofOne(OfficialId officialId, AgendaId agendaId) {
    Objects.requireNonNull(officialId, "official");
    Agenda agenda = context.agenda(Objects.requireNonNull(agendaId, "agenda"));
    Official official = context.official(officialId);
    if (!official.department().equals(agenda.department()) || !agenda.handledBy(officialId)) {
      throw new InvalidInput("agenda", "is not handled by official " + officialId);
    }
    return new Query(context.officeOf(official.department()), official.active() ? List.of(officialId) : List.of(), agenda);
  }

  private Query ofAll(DepartmentId departmentId, AgendaId agendaId) {
    Agenda agenda = context.agenda(Objects.requireNonNull(agendaId, "agenda"));
    if (!agenda.department().equals(Objects.requireNonNull(departmentId, "department"))) {
      throw new NotFound("agenda", agendaId.value());
    }
    List<OfficialId> officials = new ArrayList<>();
    for (Official official : context.storage.directory().officials(departmentId)) {
      if (official.active() && agenda.handledBy(official.id())) {
        officials.add(official.id());
      }
    }
    return new Query(context.officeOf(departmentId), officials, agenda);
  }

  private List<FreeSlot> find(Query q, LocalDate from, LocalDate to) {
    Context.requireDates(from, to, MAX_DAYS);
    if (q.officials.isEmpty()) {
      return List.of();
    }
    LocalDate today = context.today(q.office);
    return context.freeTime.find(q.office, q.officials, first(from, today), last(q.office, to, today), earliest(q.office),
        q.agenda.id(), q.agenda.slots(), FreeTime.Ignore.NOTHING, FreeTime.Seen.WEB);
  }

  private NavigableMap<LocalDate, Integer> days(Query q, LocalDate from, LocalDate to, Instant earliest,
      FreeTime.Seen seen) {
    Context.requireDates(from, to, daysLimit(q.office), "the booking horizon");
    NavigableMap<LocalDate, Integer> days = new TreeMap<>();
    if (q.officials.isEmpty()) {
      return days;
    }
    LocalDate today = context.today(q.office);
    LocalDate first = first(from, today);
    int[] perDay = context.freeTime.startsPerDay(q.office, q.officials, first, last(q.office, to, today), earliest,
        q.agenda.id(), q.agenda.slots(), seen);
    for (int d = 0; d < perDay.length; d++) {
      if (perDay[d] > 0) {
        days.put(first.plusDays(d), perDay[d]);
      }
    }
    return days;
  }

  private Instant earliest(Office office) {
    return context.now().plus(office.policy().minimumNotice());
  }

  private static LocalDate first(LocalDate from, LocalDate today) {
    return from.isBefore(today) ? today : from;
  }

  private static LocalDate last(Office office, LocalDate to, LocalDate today) {
    LocalDate lastDay = today.plusDays(office.policy().horizonDays());
    return to.isAfter(lastDay) ? lastDay : to;
  }
}
