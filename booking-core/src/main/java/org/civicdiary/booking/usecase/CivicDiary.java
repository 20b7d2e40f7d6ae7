/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.holidays.HolidayCalendars;
import java.util.Map;
import java.util.LinkedHashMap;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.civicdiary.booking.holidays.CzechHolidays;
import org.civicdiary.booking.port.Chore;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.PasswordStrength;
import org.civicdiary.booking.port.Storage;

/**
 * civic-diary's use cases over one storage. Build one per application and share it: it is
 * thread-safe and holds no state of its own.
 *
 * <pre>{@code
 * CivicDiary diary = CivicDiary.builder().storage(InMemoryStorage.create()).build();
 * List<FreeSlot> free = diary.findingFreeSlots().ofOfficial(official, agenda, from, to);
 * }</pre>
 */
public final class CivicDiary {
  private final Context context;
  private final FindingFreeSlots findingFreeSlots;
  private final Booking booking;
  private final ManagingOwnReservation managingOwnReservation;
  private final HandlingReservations handlingReservations;
  private final WorkingTheWorklist workingTheWorklist;
  private final RecordingAbsence recordingAbsence;
  private final RecordingClosureDay recordingClosureDay;
  private final ChangingSchedule changingSchedule;
  private final Administering administering;
  private final Anonymising anonymising;
  private final IssuingManageLinks issuingManageLinks;
  private final ImportingDirectory importingDirectory;
  private final OfficeTime officeTime;
  private final ReadingDirectory readingDirectory;
  private final KeepingStaffAccounts keepingStaffAccounts;
  private final SigningIn signingIn;
  private final KeepingSecondFactors keepingSecondFactors;
  private final ReportingStatistics reportingStatistics;
  private final KeepingApiKeys keepingApiKeys;
  private final KeepingWebhooks keepingWebhooks;
  private final KeepingBusyFeeds keepingBusyFeeds;
  private final SharingCalendars sharingCalendars;
  private final KeepingWaitingList keepingWaitingList;
  private final OfferingFreedTime offeringFreedTime;
  private final CheckingIn checkingIn;

  private CivicDiary(Context context, WaitingListRules waitingList, PasswordStrength passwordStrength) {
    this.context = context;
    this.findingFreeSlots = new FindingFreeSlots(context);
    this.booking = new Booking(context);
    this.managingOwnReservation = new ManagingOwnReservation(context);
    this.handlingReservations = new HandlingReservations(context);
    this.workingTheWorklist = new WorkingTheWorklist(context);
    this.recordingAbsence = new RecordingAbsence(context);
    this.recordingClosureDay = new RecordingClosureDay(context);
    this.changingSchedule = new ChangingSchedule(context);
    this.administering = new Administering(context);
    this.anonymising = new Anonymising(context);
    this.issuingManageLinks = new IssuingManageLinks(context);
    this.importingDirectory = new ImportingDirectory(context, administering, changingSchedule);
    this.officeTime = new OfficeTime(context);
    this.readingDirectory = new ReadingDirectory(context);
    this.keepingStaffAccounts = new KeepingStaffAccounts(context);
    this.keepingSecondFactors = new KeepingSecondFactors(context);
    this.signingIn = new SigningIn(context, passwordStrength, keepingSecondFactors);
    this.reportingStatistics = new ReportingStatistics(context);
    this.keepingApiKeys = new KeepingApiKeys(context);
    this.keepingWebhooks = new KeepingWebhooks(context);
    this.keepingBusyFeeds = new KeepingBusyFeeds(context);
    this.sharingCalendars = new SharingCalendars(context);
    this.keepingWaitingList = new KeepingWaitingList(context, waitingList);
    this.offeringFreedTime = new OfferingFreedTime(context, waitingList, keepingWaitingList);
    this.checkingIn = new CheckingIn(context);
  }

  /** The default of {@link Builder#messagesPerMailboxPerDay}: a citizen's busy day, far from a flood. */
  public static final int MESSAGES_PER_MAILBOX_PER_DAY = 10;

  public static Builder builder() {
    return new Builder();
  }

  public FindingFreeSlots findingFreeSlots() {
    return findingFreeSlots;
  }

  public Booking booking() {
    return booking;
  }

  public ManagingOwnReservation managingOwnReservation() {
    return managingOwnReservation;
  }

  public HandlingReservations handlingReservations() {
    return handlingReservations;
  }

  public WorkingTheWorklist workingTheWorklist() {
    return workingTheWorklist;
  }

  public RecordingAbsence recordingAbsence() {
    return recordingAbsence;
  }

  /** Closure days of an office or a department, which displace like absences. */
  public RecordingClosureDay recordingClosureDay() {
    return recordingClosureDay;
  }

  public ChangingSchedule changingSchedule() {
    return changingSchedule;
  }

  public Administering administering() {
    return administering;
  }

  public Anonymising anonymising() {
    return anonymising;
  }

  public SharingCalendars sharingCalendars() {
    return sharingCalendars;
  }

  public IssuingManageLinks issuingManageLinks() {
    return issuingManageLinks;
  }

  public ReadingDirectory readingDirectory() {
    return readingDirectory;
  }

  public KeepingStaffAccounts keepingStaffAccounts() {
    return keepingStaffAccounts;
  }

  public SigningIn signingIn() {
    return signingIn;
  }

  public KeepingSecondFactors keepingSecondFactors() {
    return keepingSecondFactors;
  }

  /** The reception's check-in, the start and end of meetings, and the hall's "now serving" screen. */
  public CheckingIn checkingIn() {
    return checkingIn;
  }

  public ReportingStatistics reportingStatistics() {
    return reportingStatistics;
  }

  /** The integrations' API keys, which spare their public writes the proof of work. */
  public KeepingApiKeys keepingApiKeys() {
    return keepingApiKeys;
  }

  /**
   * The proof-of-work check of public writes, signing with {@code hmacKey}, or when that is null
   * with the key kept in the storage (made by the first node that asks), so that every node agrees.
   *
   * @param ttl how long a challenge may be solved and used
   */
  public ProvingWork provingWork(String hmacKey, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    String key = hmacKey;
    if (key == null) {
      byte[] random = new byte[32];
      context.random.nextBytes(random);
      String candidate = java.util.HexFormat.of().formatHex(random);
      key = context.storage.transactions().inTransaction(() -> context.storage.challenges().signingKey(candidate));
    }
    return new ProvingWork(context, key, ttl);
  }

  /** The waiting list: citizens join and take offers, staff add callers and see the list. */
  public KeepingWaitingList keepingWaitingList() {
    return keepingWaitingList;
  }

  /**
   * The waiting list's matcher: run it often (the Guice integration's service does, every {@link
   * WaitingListRules#matchEvery()}).
   */
  public OfferingFreedTime offeringFreedTime() {
    return offeringFreedTime;
  }

  /**
   * The housekeeping of this storage with these periods, plus the adapters' own chores. Run it
   * regularly (every deployment must: it anonymises personal data); the Guice integration's
   * service does.
   */
  public Housekeeping housekeeping(HousekeepingPeriods periods, List<? extends Chore> chores) {
    return new Housekeeping(context, anonymising, Objects.requireNonNull(periods, "periods"), List.copyOf(chores));
  }

  public KeepingWebhooks keepingWebhooks() {
    return keepingWebhooks;
  }

  /** Busy time from officials' own calendars: their URLs, the poller's results, the conflicts. */
  public KeepingBusyFeeds keepingBusyFeeds() {
    return keepingBusyFeeds;
  }

  /** The offices' time zones, for reading the dates and wall-clock times people type. */
  public OfficeTime officeTime() {
    return officeTime;
  }

  /** Export and import of the directory as one document. */
  public ImportingDirectory importingDirectory() {
    return importingDirectory;
  }

  /** Storage is required; the clock defaults to the system's, holidays to the Czech ones. */
  public static final class Builder {
    private Storage storage;
    private Clock clock = Clock.systemUTC();
    private HolidayCalendar holidays = CzechHolidays.create();
    private final Map<String, HolidayCalendar> calendars = new LinkedHashMap<>();
    private SecureRandom random;
    private WaitingListRules waitingList = WaitingListRules.DEFAULT;
    private int messagesPerMailboxPerDay = MESSAGES_PER_MAILBOX_PER_DAY;
    private PasswordStrength passwordStrength = PasswordStrength.LENGTH_ONLY;

    private Builder() {}

    /** How new staff passwords are judged beyond their length; length only unless given. */
    public Builder passwordStrength(PasswordStrength strength) {
      this.passwordStrength = Objects.requireNonNull(strength, "strength");
      return this;
    }

    /**
     * How many messages a citizen's own actions (bookings, moves by the manage link, waiting-list
     * entries) may send one mailbox in an office's day, {@value #MESSAGES_PER_MAILBOX_PER_DAY}
     * unless given. Anyone can type anyone's address, so without it the town hall's mail could be
     * made to flood a stranger. The action that would send one more is refused as a per-address
     * limit, so that a booking that stands always gets its confirmation; the office's own messages
     * (displacements, reminders, offers) are never held back.
     */
    public Builder messagesPerMailboxPerDay(int messages) {
      if (messages < 1 || messages > 1000) {
        throw new IllegalArgumentException("messagesPerMailboxPerDay must be from 1 to 1000: " + messages);
      }
      this.messagesPerMailboxPerDay = messages;
      return this;
    }

    /** The waiting list's hold, limits and cadence; {@link WaitingListRules#DEFAULT} unless given. */
    public Builder waitingList(WaitingListRules rules) {
      this.waitingList = Objects.requireNonNull(rules, "rules");
      return this;
    }

    public Builder storage(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The built-in calendar ({@code CZ}, offices' default): the Czech public holidays unless given. */
    public Builder holidays(HolidayCalendar holidays) {
      this.holidays = Objects.requireNonNull(holidays, "holidays");
      return this;
    }

    /** Another country's calendar, for the offices that name it ({@link org.civicdiary.booking.model.Office#holidayCalendar()}). */
    public Builder holidayCalendar(String name, HolidayCalendar calendar) {
      calendars.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(calendar, "calendar"));
      return this;
    }

    /** The source of manage tokens; a new {@link SecureRandom} unless given. */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public CivicDiary build() {
      if (storage == null) {
        throw new IllegalStateException("CivicDiary needs a storage: call storage(...) before build()");
      }
      return new CivicDiary(new Context(storage, clock, HolidayCalendars.of(holidays, calendars), random == null ? new SecureRandom() : random,
          messagesPerMailboxPerDay),
          waitingList, passwordStrength);
    }
  }
}
