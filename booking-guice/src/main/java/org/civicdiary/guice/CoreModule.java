/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.guice;

import java.util.Map;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.civicdiary.booking.holidays.CzechHolidays;
import org.civicdiary.booking.port.Chore;
import org.civicdiary.booking.port.HolidayCalendar;
import org.civicdiary.booking.port.PasswordStrength;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.Housekeeping;
import org.civicdiary.booking.usecase.HousekeepingPeriods;
import org.civicdiary.booking.usecase.WaitingListRules;

/**
 * The core for Guice: {@link CivicDiary} over the {@link Storage} another module binds, its clock
 * ({@link #CLOCK}, the system's in UTC), its {@link HolidayCalendar} (Czech public holidays, the
 * calendar {@code CZ}; other countries' calendars are added by name with {@code
 * MapBinder.newMapBinder(binder(), String.class, HolidayCalendar.class).addBinding("SK")}, for the
 * offices that name them),
 * {@link Housekeeping} with the {@code civicdiary.housekeeping.*} periods and the adapters' {@link
 * Chore}s, and {@link CivicDiaryService}, which runs it all.
 *
 * <p>{@link PasswordStrength} is left for another module to set (the web module binds zxcvbn);
 * without one new staff passwords are judged by length only.
 *
 * <p>The clock, the holidays and {@code CivicDiary} are defaults a host replaces with {@link
 * OptionalBinder#setBinding()}, e.g. {@code OptionalBinder.newOptionalBinder(binder(),
 * CoreModule.CLOCK).setBinding().toInstance(clock)}.
 *
 * <p>Every adapter module built from {@link Settings} installs this module itself, and modules
 * with the same periods are equal, so Guice installs it once however many adapters (and the host)
 * name it. Give every module the same settings: two core modules with different periods fail with
 * a duplicate binding of {@link HousekeepingPeriods}.
 */
public final class CoreModule extends AbstractModule {
  /** civic-diary's clock; set it to give civic-diary another time (tests, a fixed demo day). */
  public static final Key<Clock> CLOCK = Key.get(Clock.class, ForCivicDiary.class);
  private final HousekeepingPeriods periods;
  private final WaitingListRules waitingList;
  private final MailboxCap mailboxCap;

  /**
   * Reads the {@code civicdiary.housekeeping.*} and {@code civicdiary.waiting-list.*} keys, and
   * {@code civicdiary.booking.messages-per-mailbox-per-day}.
   *
   * @throws org.civicdiary.booking.settings.InvalidSetting naming the key to fix
   */
  public CoreModule(Settings settings) {
    this(HousekeepingPeriods.from(settings), WaitingListRules.from(settings), new MailboxCap(settings.integer(
        "civicdiary.booking.messages-per-mailbox-per-day", CivicDiary.MESSAGES_PER_MAILBOX_PER_DAY, 1, 1000)));
  }

  public CoreModule(HousekeepingPeriods periods) {
    this(periods, WaitingListRules.DEFAULT);
  }

  public CoreModule(HousekeepingPeriods periods, WaitingListRules waitingList) {
    this(periods, waitingList, new MailboxCap(CivicDiary.MESSAGES_PER_MAILBOX_PER_DAY));
  }

  private CoreModule(HousekeepingPeriods periods, WaitingListRules waitingList, MailboxCap mailboxCap) {
    this.periods = Objects.requireNonNull(periods, "periods");
    this.waitingList = Objects.requireNonNull(waitingList, "waitingList");
    this.mailboxCap = mailboxCap;
  }

  /** How many messages a citizen's own actions may send one mailbox a day. */
  record MailboxCap(int perDay) {}

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), CLOCK).setDefault().toInstance(Clock.systemUTC());
    OptionalBinder.newOptionalBinder(binder(), HolidayCalendar.class).setDefault().toInstance(CzechHolidays.create());
    MapBinder.newMapBinder(binder(), String.class, HolidayCalendar.class);
    // no default here: the core judges length only unless a module (the web's) sets one
    OptionalBinder.newOptionalBinder(binder(), PasswordStrength.class);
    OptionalBinder.newOptionalBinder(binder(), CivicDiary.class).setDefault()
        .toProvider(DiaryProvider.class).in(Singleton.class);
    bind(HousekeepingPeriods.class).toInstance(periods);
    bind(WaitingListRules.class).toInstance(waitingList);
    bind(MailboxCap.class).toInstance(mailboxCap);
    Multibinder.newSetBinder(binder(), Chore.class);
    Multibinder<Lifecycle> lifecycles = Multibinder.newSetBinder(binder(), Lifecycle.class);
    lifecycles.addBinding().to(ScheduledHousekeeping.class);
    lifecycles.addBinding().to(ScheduledMatching.class);
    bind(CivicDiaryService.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  Housekeeping housekeeping(CivicDiary diary, HousekeepingPeriods periods, Set<Chore> chores) {
    return diary.housekeeping(periods, List.copyOf(chores));
  }

  @Provides
  @Singleton
  ScheduledHousekeeping scheduledHousekeeping(Housekeeping housekeeping) {
    return new ScheduledHousekeeping(housekeeping);
  }

  @Provides
  @Singleton
  ScheduledMatching scheduledMatching(CivicDiary diary) {
    return new ScheduledMatching(diary.offeringFreedTime());
  }

  /** Equal to every core module with the same settings, so that Guice installs it once. */
  @Override
  public boolean equals(Object other) {
    return other instanceof CoreModule module && module.periods.equals(periods)
        && module.waitingList.equals(waitingList) && module.mailboxCap.equals(mailboxCap);
  }

  @Override
  public int hashCode() {
    return Objects.hash(CoreModule.class, periods, waitingList, mailboxCap);
  }

  /** The default {@link CivicDiary}, from the bound storage, clock and holidays. */
  static final class DiaryProvider implements Provider<CivicDiary> {
    private final Storage storage;
    private final Clock clock;
    private final HolidayCalendar holidays;
    private final Map<String, HolidayCalendar> calendars;
    private final WaitingListRules waitingList;
    private final MailboxCap mailboxCap;
    private final PasswordStrength passwordStrength;

    @Inject
    DiaryProvider(Storage storage, @ForCivicDiary Clock clock, HolidayCalendar holidays,
        Map<String, HolidayCalendar> calendars, WaitingListRules waitingList, MailboxCap mailboxCap,
        Optional<PasswordStrength> passwordStrength) {
      this.storage = storage;
      this.clock = clock;
      this.holidays = holidays;
      this.calendars = calendars;
      this.waitingList = waitingList;
      this.mailboxCap = mailboxCap;
      this.passwordStrength = passwordStrength.orElse(PasswordStrength.LENGTH_ONLY);
    }

    @Override
    public CivicDiary get() {
      CivicDiary.Builder builder = CivicDiary.builder().storage(storage).clock(clock).holidays(holidays)
          .waitingList(waitingList).messagesPerMailboxPerDay(mailboxCap.perDay()).passwordStrength(passwordStrength);
      calendars.forEach(builder::holidayCalendar);
      return builder.build();
    }
  }
}
