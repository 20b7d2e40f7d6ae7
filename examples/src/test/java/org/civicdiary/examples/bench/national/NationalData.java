/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.bench.national;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import org.civicdiary.booking.holidays.CzechHolidays;
import org.civicdiary.booking.model.BookingCode;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.HolidayCalendar;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A country's town halls for the national-scale benchmark, written straight into a PostgreSQL
 * database that the Flyway migrations have set up (start {@code JdbcStorage} on it once first):
 * the directory with batched inserts, reservations and held slots with {@code COPY}, one office
 * per transaction (the adapter writes one booking per unit of work, and the national scale has
 * millions).
 *
 * <p>Each office has {@link Scale#departments} departments with three agendas each (one slot, two
 * slots, one slot) that all the department's officials handle. An official receives on two days a
 * week, 08:00-12:00 and 13:00-17:00 (Monday and Wednesday, or Tuesday and Thursday, alternately,
 * so a department receives four days a week), in the office's default 15-minute slots. From
 * {@link #FIRST_DAY} for {@link Scale#days} days, about half of the slots on working days that are
 * not Czech public holidays are booked (one- and two-slot meetings), each by another citizen.
 *
 * <p>Everything follows from the seed: {@link #windows} and {@link #bookings} give the plan of one
 * official without a database, which is how the test checks what was loaded. What the adapter's
 * caches read is set as the adapter would: every official's busy stamp and every office's
 * directory stamp is a random non-zero number. Reservations are {@code ACTIVE} web bookings with
 * distinct booking codes (a bijection of a counter, as migration V8 numbers old ones) and one
 * {@code held_slot} row per slot; no messages, tokens or audit entries are written.
 */
public final class NationalData {
  /** The first day with bookings: a Monday. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 1);
  /** "Now" of the benchmark and the test: 07:00 in Prague on the first day. */
  public static final Instant NOW = Instant.parse("2027-03-01T06:00:00Z");
  /** Agendas of every department: the number of slots each takes. */
  static final int[] AGENDA_SLOTS = {1, 2, 1};
  private static final String[][] AGENDA_NAMES = {{"Občanský průkaz", "Identity card"},
      {"Cestovní pas", "Passport"}, {"Ověření podpisu", "Signature verification"}};
  private static final ZoneId ZONE = Office.DEFAULT_ZONE;
  private static final int SLOT_MINUTES = (int) Office.DEFAULT_SLOT.toMinutes();
  private static final LocalTime[][] HOURS = {{LocalTime.of(8, 0), LocalTime.of(12, 0)},
      {LocalTime.of(13, 0), LocalTime.of(17, 0)}};
  /** Chance that a meeting starts at a free position: with a quarter of them two slots long, half the slots end up booked. */
  private static final double START_CHANCE = 1 / 2.25;
  private static final HolidayCalendar HOLIDAYS = CzechHolidays.create();

  private static final String INSERT_OFFICE = """
      insert into office (id, name_cs, name_en, zone_id, slot_minutes, place_name, place_address, horizon_days,
                          minimum_notice_seconds, max_open_per_email, topic_max_length, retention_days,
                          reminder_lead_seconds, feed_shows_citizen_names, phone_share_release_seconds,
                          max_daily_per_email, proposal_hold_seconds, directory_version)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_DEPARTMENT = """
      insert into department (id, office_id, name_cs, name_en, place_name, place_address) values (?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_OFFICIAL = """
      insert into official (id, department_id, name, room, email, active, busy_version) values (?, ?, ?, ?, ?, true, ?)
      """;
  private static final String INSERT_AGENDA = """
      insert into agenda (id, department_id, name_cs, name_en, slots) values (?, ?, ?, ?, ?)
      """;
  private static final String INSERT_AGENDA_OFFICIAL = "insert into agenda_official (agenda_id, official_id) values (?, ?)";
  private static final String INSERT_WINDOW = """
      insert into diary_window (official_id, ordinal, weekday, start_time, end_time, valid_from) values (?, ?, ?, ?, ?, ?)
      """;
  private static final String COPY_RESERVATIONS = """
      copy reservation (id, department_id, official_id, agenda_id, start_at, end_at, citizen_name, citizen_email,
                        email_key, search_text, topic, channel, language, status, created_at, updated_at, version,
                        sequence_number, open_code, booking_code) from stdin
      """;
  private static final String COPY_HELD_SLOTS = "copy held_slot (official_id, slot_start, reservation_id) from stdin";

  private NationalData() {}

  /**
   * How much to generate.
   *
   * @param offices town halls
   * @param officials officials per office, spread over its departments in turn
   * @param departments departments per office
   * @param days days with bookings from {@link #FIRST_DAY} (also every office's booking horizon)
   * @param seed what every random choice follows from
   */
  public record Scale(int offices, int officials, int departments, int days, long seed) {
    /** The size: 200 offices of 50 officials (10,000), ten departments each, 60 days. */
    public static final Scale NATIONAL = new Scale(200, 50, 10, 60, 15);

    public Scale {
      if (offices < 1 || officials < 1 || departments < 1 || days < 1 || days > 365) {
        throw new IllegalArgumentException("offices, officials, departments and days (up to 365) must be positive");
      }
    }

    /** The national scale with {@code --offices N --officials N --departments N --days N --seed N} applied; other options pass. */
    public static Scale parse(List<String> args) {
      Scale s = NATIONAL;
      for (int i = 0; i + 1 < args.size(); i += 2) {
        String name = args.get(i);
        if (!List.of("--offices", "--officials", "--departments", "--days", "--seed").contains(name)) {
          continue;
        }
        int n = Integer.parseInt(args.get(i + 1));
        s = switch (name) {
          case "--offices" -> new Scale(n, s.officials, s.departments, s.days, s.seed);
          case "--officials" -> new Scale(s.offices, n, s.departments, s.days, s.seed);
          case "--departments" -> new Scale(s.offices, s.officials, n, s.days, s.seed);
          case "--days" -> new Scale(s.offices, s.officials, s.departments, n, s.seed);
          case "--seed" -> new Scale(s.offices, s.officials, s.departments, s.days, n);
          default -> s;
        };
      }
      return s;
    }

    /** Departments that have officials: no more than the officials of an office. */
    public int departmentsWithOfficials() {
      return Math.min(departments, officials);
    }
  }

  /** What was written. */
  public record Summary(int offices, int departments, int officials, int agendas, int windows, long reservations,
      long heldSlots, Duration took) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d offices, %d departments, %d officials, %d agendas, %d windows, %d reservations,"
          + " %d held slots in %.1f s", offices, departments, officials, agendas, windows, reservations, heldSlots,
          took.toMillis() / 1000.0);
    }
  }

  /** One planned meeting of an official. */
  public record Booking(String agenda, String topic, Instant start, Instant end, int slots) {}

  static String office(int o) {
    return String.format(Locale.ROOT, "o%03d", o);
  }

  /** Official {@code i} of office {@code o} belongs to department {@code i % departments}. */
  static String department(int o, int d) {
    return office(o) + "-d" + d;
  }

  static String official(int o, int i) {
    return String.format(Locale.ROOT, "%s-u%02d", office(o), i);
  }

  static String agenda(int o, int d, int a) {
    return department(o, d) + "-a" + a;
  }

  /** Official {@code i}'s weekly windows: two days, two blocks each. */
  public static List<Window> windows(int i) {
    List<DayOfWeek> days = i % 2 == 0 ? List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)
        : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
    List<Window> windows = new ArrayList<>();
    for (DayOfWeek day : days) {
      for (LocalTime[] block : HOURS) {
        windows.add(Window.weekly(day, block[0], block[1], FIRST_DAY.minusYears(1)));
      }
    }
    return windows;
  }

  /** The meetings planned for official {@code i} of office {@code o}, in time order. */
  public static List<Booking> bookings(Scale scale, int o, int i) {
    SplittableRandom random = new SplittableRandom(scale.seed() * 1_000_003L + (long) o * 1_009 + i);
    int d = i % scale.departmentsWithOfficials();
    List<Window> windows = windows(i);
    List<Booking> bookings = new ArrayList<>();
    for (LocalDate day = FIRST_DAY; day.isBefore(FIRST_DAY.plusDays(scale.days())); day = day.plusDays(1)) {
      if (HOLIDAYS.isHoliday(day)) {
        continue;
      }
      for (Window w : windows) {
        if (w.day() != day.getDayOfWeek()) {
          continue;
        }
        int positions = (int) (Duration.between(w.start(), w.end()).toMinutes() / SLOT_MINUTES);
        int p = 0;
        while (p < positions) {
          if (random.nextDouble() >= START_CHANCE) {
            p++;
            continue;
          }
          int a = p + 1 < positions && random.nextInt(4) == 0 ? 1 : random.nextBoolean() ? 0 : 2;
          int slots = AGENDA_SLOTS[a];
          Instant start = day.atTime(w.start().plusMinutes((long) p * SLOT_MINUTES)).atZone(ZONE).toInstant();
          bookings.add(new Booking(agenda(o, d, a), AGENDA_NAMES[a][0], start, start.plus(Duration.ofMinutes((long) slots * SLOT_MINUTES)),
              slots));
          p += slots;
        }
      }
    }
    return bookings;
  }

  /**
   * Writes the data set into an empty, migrated database, one office per transaction, printing a
   * line to {@code progress} every {@code every} reservations.
   */
  public static Summary load(Connection c, Scale scale, PrintStream progress, int every)
      throws SQLException, IOException {
    long started = System.nanoTime();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    Random random = new Random(scale.seed());
    BookingPolicy policy = BookingPolicy.DEFAULT;
    int departments = scale.departmentsWithOfficials();
    long reservations = 0;
    long heldSlots = 0;
    int windowRows = 0;
    long nextReport = every;
    try {
      for (int o = 0; o < scale.offices(); o++) {
        try (PreparedStatement office = c.prepareStatement(INSERT_OFFICE);
            PreparedStatement department = c.prepareStatement(INSERT_DEPARTMENT);
            PreparedStatement official = c.prepareStatement(INSERT_OFFICIAL);
            PreparedStatement agenda = c.prepareStatement(INSERT_AGENDA);
            PreparedStatement handles = c.prepareStatement(INSERT_AGENDA_OFFICIAL);
            PreparedStatement window = c.prepareStatement(INSERT_WINDOW)) {
          String place = "Náměstí " + (o + 1);
          set(office, office(o), "Městský úřad " + (o + 1), "Town hall " + (o + 1), ZONE.getId(), SLOT_MINUTES,
              "Radnice", place, scale.days(), policy.minimumNotice().getSeconds(), policy.maxOpenPerEmail(),
              policy.topicMaxLength(), policy.retentionDays(), policy.reminderLead().getSeconds(),
              policy.feedShowsCitizenNames(), policy.phoneShareRelease().getSeconds(), policy.maxDailyPerEmail(),
              policy.proposalHold().getSeconds(), stamp(random));
          office.executeUpdate();
          for (int d = 0; d < departments; d++) {
            set(department, department(o, d), office(o), "Odbor " + (d + 1), "Department " + (d + 1), "Radnice", place);
            department.addBatch();
            for (int a = 0; a < AGENDA_SLOTS.length; a++) {
              set(agenda, agenda(o, d, a), department(o, d), AGENDA_NAMES[a][0], AGENDA_NAMES[a][1], AGENDA_SLOTS[a]);
              agenda.addBatch();
            }
          }
          department.executeBatch();
          agenda.executeBatch();
          for (int i = 0; i < scale.officials(); i++) {
            int d = i % departments;
            set(official, official(o, i), department(o, d), "Úředník " + (o + 1) + "/" + (i + 1), "Kancelář " + (i + 1),
                official(o, i) + "@urad.example.cz", stamp(random));
            official.addBatch();
            for (int a = 0; a < AGENDA_SLOTS.length; a++) {
              set(handles, agenda(o, d, a), official(o, i));
              handles.addBatch();
            }
            List<Window> windows = windows(i);
            windowRows += windows.size();
            for (int w = 0; w < windows.size(); w++) {
              Window win = windows.get(w);
              set(window, official(o, i), w, win.day().getValue(), win.start(), win.end(), win.validFrom());
              window.addBatch();
            }
          }
          official.executeBatch();
          handles.executeBatch();
          window.executeBatch();
        }
        StringBuilder rows = new StringBuilder();
        StringBuilder held = new StringBuilder();
        for (int i = 0; i < scale.officials(); i++) {
          String departmentId = department(o, i % departments);
          for (Booking b : bookings(scale, o, i)) {
            reservations++;
            UUID id = new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
            String code = code(reservations);
            Citizen citizen = new Citizen("Občan " + reservations, "obcan" + reservations + "@example.cz", null);
            Instant created = b.start().minus(Duration.ofDays(20));
            tsv(rows, id, departmentId, official(o, i), b.agenda(), b.start(), b.end(), citizen.name(), citizen.email(),
                citizen.emailKey(), citizen.name().toLowerCase(Locale.ROOT) + "\\n" + citizen.email() + "\\n",
                b.topic(), "WEB", "CS", "ACTIVE",
                created, created, 0, 0, code, code);
            for (int s = 0; s < b.slots(); s++) {
              tsv(held, official(o, i), b.start().plus(Duration.ofMinutes((long) s * SLOT_MINUTES)), id);
              heldSlots++;
            }
          }
        }
        copy.copyIn(COPY_RESERVATIONS, new StringReader(rows.toString()));
        copy.copyIn(COPY_HELD_SLOTS, new StringReader(held.toString()));
        c.commit();
        if (reservations >= nextReport || o == scale.offices() - 1) {
          progress.printf(Locale.ROOT, "  %d of %d offices, %d reservations, %d held slots, %.0f s%n", o + 1,
              scale.offices(), reservations, heldSlots, (System.nanoTime() - started) / 1e9);
          nextReport = (reservations / every + 1) * every;
        }
      }
      try (Statement s = c.createStatement()) {
        c.setAutoCommit(true);
        s.execute("analyze");
      }
    } catch (SQLException | IOException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return new Summary(scale.offices(), scale.offices() * departments, scale.offices() * scale.officials(),
        scale.offices() * departments * AGENDA_SLOTS.length, windowRows, reservations,
        heldSlots, Duration.ofNanos(System.nanoTime() - started));
  }

  /** A random stamp as the adapter sets it: never 0, which means "not stamped, never kept". */
  private static long stamp(Random random) {
    long stamp;
    do {
      stamp = random.nextLong();
    } while (stamp == 0);
    return stamp;
  }

  /** The n-th booking code (n from 1): a bijection onto the codes, as migration V8 numbers old reservations. */
  static String code(long n) {
    long codes = 1;
    for (int i = 0; i < BookingCode.LENGTH; i++) {
      codes *= BookingCode.ALPHABET.length();
    }
    long number = Math.floorMod(n * 2_654_435_761L, codes);
    StringBuilder code = new StringBuilder(BookingCode.LENGTH);
    for (int i = 0; i < BookingCode.LENGTH; i++) {
      code.append(BookingCode.ALPHABET.charAt((int) (number % BookingCode.ALPHABET.length())));
      number /= BookingCode.ALPHABET.length();
    }
    return new BookingCode(code.toString()).value();
  }

  private static void set(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      s.setObject(i + 1, values[i]);
    }
  }

  /** One line of COPY's text format; the values hold no tab, newline or backslash except escapes already made. */
  private static void tsv(StringBuilder out, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      out.append(values[i] == null ? "\\N" : values[i].toString());
    }
    out.append('\n');
  }
}
