/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.ReservationSearch;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;

/**
 * A town hall on the in-memory storage, driven through {@link CivicDiary} with a settable clock:
 * one office in Prague, one department, and whatever officials, windows and agendas a test adds.
 */
public final class TownHall {
  public static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  public static final OfficeId OFFICE = OfficeId.of("prague-6");
  public static final DepartmentId CIVIL = DepartmentId.of("civil");
  public static final Place TOWN_HALL = new Place("Radnice", "Čs. armády 23, Praha 6");
  /** Windows of the tests apply from this date on. */
  public static final LocalDate SINCE = LocalDate.of(2027, 1, 1);
  public static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null);
  public static final StaffMember OPERATOR = new StaffMember("operator", Role.OPERATOR, null);
  private static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");

  public final Storage storage;
  public final MutableClock clock;
  public final CivicDiary diary;
  private final List<OfficialId> officials = new ArrayList<>();
  private final AtomicInteger citizens = new AtomicInteger();

  private TownHall(Instant now, BookingPolicy policy, int messagesPerMailboxPerDay) {
    this.storage = InMemoryStorage.create();
    this.clock = new MutableClock(now);
    this.diary = CivicDiary.builder().storage(storage).clock(clock).messagesPerMailboxPerDay(messagesPerMailboxPerDay)
        .build();
    storage.transactions().run(() -> {
      storage.directory().save(new Office(OFFICE, LocalizedText.of("Praha 6", "Prague 6"), PRAGUE,
          Office.DEFAULT_SLOT, TOWN_HALL, List.of(), policy));
      storage.directory().save(new Department(CIVIL, OFFICE, LocalizedText.of("Občanské záležitosti", "Civil affairs"),
          TOWN_HALL));
    });
  }

  /** A town hall whose clock shows this instant, with the default policy. */
  public static TownHall at(String instant) {
    return new TownHall(Instant.parse(instant), BookingPolicy.DEFAULT, CivicDiary.MESSAGES_PER_MAILBOX_PER_DAY);
  }

  public static TownHall at(Instant now, BookingPolicy policy) {
    return new TownHall(now, policy, CivicDiary.MESSAGES_PER_MAILBOX_PER_DAY);
  }

  /** For tests that move one citizen's reservation more often than a day's messages allow. */
  public static TownHall busyCitizens(String instant) {
    return new TownHall(Instant.parse(instant), BookingPolicy.DEFAULT, 1000);
  }

  /** Gives the office another policy. */
  public void policy(BookingPolicy policy) {
    storage.transactions().run(() -> storage.directory().save(new Office(OFFICE, LocalizedText.of("Praha 6", "Prague 6"),
        PRAGUE, Office.DEFAULT_SLOT, TOWN_HALL, List.of(), policy)));
  }

  /** An active official of the department with these windows. */
  public OfficialId official(String id, Window... windows) {
    return official(id, true, windows);
  }

  public OfficialId official(String id, boolean active, Window... windows) {
    OfficialId official = OfficialId.of(id);
    storage.transactions().run(() -> {
      storage.directory().save(new Official(official, CIVIL, "Úředník " + id, "room " + id, null, active));
      storage.diaries().replaceWindows(official, List.of(windows));
    });
    officials.add(official);
    return official;
  }

  public AgendaId agenda(String id, int slots, OfficialId... handledBy) {
    AgendaId agenda = AgendaId.of(id);
    storage.transactions().run(() -> storage.directory().save(
        new Agenda(agenda, CIVIL, LocalizedText.of("Agenda " + id, "Agenda " + id), slots, Set.of(handledBy))));
    return agenda;
  }

  /** A weekly window from {@link #SINCE}, times as "HH:mm". */
  public static Window weekly(DayOfWeek day, String start, String end) {
    return Window.weekly(day, LocalTime.parse(start), LocalTime.parse(end), SINCE);
  }

  /** The same window on each day of the week. */
  public static Window[] daily(String start, String end) {
    return java.util.Arrays.stream(DayOfWeek.values()).map(d -> weekly(d, start, end)).toArray(Window[]::new);
  }

  /** The same window Monday to Friday. */
  public static Window[] workdays(String start, String end) {
    return java.util.Arrays.stream(DayOfWeek.values())
        .filter(d -> d.getValue() <= 5).map(d -> weekly(d, start, end)).toArray(Window[]::new);
  }

  /** Prague local time "2027-03-01T09:00" as an instant (not for the repeated hour of autumn). */
  public static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(PRAGUE).toInstant();
  }

  public static StaffMember officialMember(OfficialId official) {
    return new StaffMember("login-" + official.value(), Role.OFFICIAL, official);
  }

  /** A citizen nobody else in this town hall is. */
  public Citizen citizen() {
    int n = citizens.incrementAndGet();
    return new Citizen("Citizen " + n, "citizen-" + n + "@example.cz", "+420 777 000 " + String.format("%03d", n % 1000));
  }

  public static BookingRequest request(OfficialId official, AgendaId agenda, Instant start, Citizen citizen) {
    return new BookingRequest(official, agenda, start, citizen, "New ID card", Channel.WEB, Language.CS);
  }

  public Booked book(OfficialId official, AgendaId agenda, Instant start) {
    return book(official, agenda, start, citizen());
  }

  public Booked book(OfficialId official, AgendaId agenda, Instant start, Citizen citizen) {
    return diary.booking().book(request(official, agenda, start, citizen));
  }

  public Booked book(OfficialId official, AgendaId agenda, Instant start, Citizen citizen, String topic) {
    return diary.booking().book(new BookingRequest(official, agenda, start, citizen, topic, Channel.WEB, Language.CS));
  }

  public List<FreeSlot> free(OfficialId official, AgendaId agenda, LocalDate from, LocalDate to) {
    return diary.findingFreeSlots().ofOfficial(official, agenda, from, to);
  }

  public List<FreeSlot> free(OfficialId official, AgendaId agenda, LocalDate day) {
    return free(official, agenda, day, day);
  }

  public Reservation reservation(Reservation r) {
    return storage.reservations().find(r.id()).orElseThrow();
  }

  public List<Reservation> reservations() {
    return storage.reservations().search(new ReservationSearch(null, null, null, null, null, null, 10_000));
  }

  /** Time held by active reservations of every official of the town hall. */
  public List<BusyTime> held() {
    return storage.reservations().busy(officials, Instant.EPOCH, END_OF_TIME);
  }

  /**
   * Checks the store's held time against the reservations: each active one holds its time, and
   * nothing else is held; and every slot of the windows that no active reservation covers can be
   * booked (a stale hold would refuse it). Leaves those extra bookings in place.
   */
  public void assertHeldExactlyByActiveReservations(AgendaId singleSlotAgenda, LocalDate day) {
    List<Reservation> active = reservations().stream().filter(r -> r.status().holdsSlots()).toList();
    org.assertj.core.api.Assertions.assertThat(held()).containsExactlyInAnyOrderElementsOf(
        active.stream().map(r -> new BusyTime(r.official(), r.start(), r.end())).toList());
    for (OfficialId official : officials) {
      for (Window window : storage.diaries().windows(official)) {
        if (!window.appliesOn(day)) {
          continue;
        }
        Instant end = day.atTime(window.end()).atZone(PRAGUE).toInstant();
        for (Instant t = day.atTime(window.start()).atZone(PRAGUE).toInstant(); t.isBefore(end); t = t.plus(Office.DEFAULT_SLOT)) {
          Instant slot = t;
          boolean covered = active.stream().anyMatch(r -> r.official().equals(official) && r.overlaps(slot, slot.plus(Office.DEFAULT_SLOT)));
          if (!covered) {
            diary.booking().bookForCaller(OPERATOR, new BookingRequest(official, singleSlotAgenda, slot, citizen(),
                "checking the slot is free", Channel.PHONE, Language.CS));
          }
        }
      }
    }
  }

  /**
   * The pending messages not taken before, whenever due (claimed, so that the next call returns
   * only newer ones).
   */
  public List<OutboxMessage> takeMessages() {
    return storage.outbox().claim(100_000, END_OF_TIME.minus(Duration.ofDays(1)), Duration.ofMinutes(1));
  }

  /** Everything a refused request must leave as it was. */
  public State state() {
    return new State(reservations(), storage.outbox().pendingCount(), held(), storage.auditLog().latest(10_000).size());
  }

  public record State(List<Reservation> reservations, long pendingMessages, List<BusyTime> held, int auditEntries) {}
}
