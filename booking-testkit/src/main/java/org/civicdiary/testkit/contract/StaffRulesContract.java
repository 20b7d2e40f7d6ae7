/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.CIVIL;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.SVOBODA;
import static org.civicdiary.testkit.contract.Fixtures.TRADE;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.AbsenceRequest;
import org.civicdiary.booking.usecase.AccountChange;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.OpenSession;
import org.civicdiary.booking.usecase.PasswordChange;
import org.civicdiary.booking.usecase.Passwords;
import org.civicdiary.booking.usecase.SignIn;
import org.civicdiary.booking.usecase.SignedIn;
import org.civicdiary.booking.usecase.Statistics;
import org.civicdiary.booking.usecase.StatisticsQuery;
import org.civicdiary.booking.usecase.WeekCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of staff accounts, signing in, what each role may read, and the weekly statistics, as
 * every caller of {@link CivicDiary} gets them, on every storage. An adapter's test extends this
 * class and returns a new, empty storage from {@link #emptyStorage()}.
 */
public abstract class StaffRulesContract {
  private static final StaffMember ADMIN = new StaffMember("alena.admin", Role.ADMIN, null);
  // Staff accounts belong to the deployment's only office; its administrator to the whole deployment.
  private static final StaffMember OPERATOR = new StaffMember("olga.operator", Role.OPERATOR, null, false,
      Fixtures.OFFICE);
  private static final StaffMember OFFICIAL_NOVAK = new StaffMember("jan.novak", Role.OFFICIAL, NOVAK, false,
      Fixtures.OFFICE);
  private static final String PASSWORD = "correct horse battery staple";
  private static final Duration SESSION = Duration.ofHours(8);
  protected Storage storage;
  private MutableClock clock;
  private CivicDiary diary;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    clock = new MutableClock(NOW);
    diary = CivicDiary.builder().storage(storage).clock(clock).random(new SecureRandom()).build();
  }

  private List<AuditEntry> audit() {
    return storage.auditLog().latest(100);
  }

  @Nested
  class StaffAccounts {
    @Test
    void anAdministratorCreatesAnAccountAndTheAuditLogKeepsItWithoutTheHash() {
      StaffAccount saved = diary.keepingStaffAccounts().save(ADMIN,
          new AccountChange("olga.operator", Role.OPERATOR, null, true, PASSWORD));

      assertThat(storage.staffAccounts().find("olga.operator")).contains(saved);
      assertThat(Passwords.verify(PASSWORD, saved.passwordHash())).isTrue();
      assertThat(audit()).singleElement().satisfies(e -> {
        assertThat(e.actor()).isEqualTo(ADMIN.username());
        assertThat(e.action()).isEqualTo("staff.account.save");
        assertThat(e.subject()).isEqualTo("olga.operator");
        assertThat(e.before()).isNull();
        assertThat(e.after()).contains("role=OPERATOR", "active=true", "password set").doesNotContain("pbkdf2");
      });
    }

    @Test
    void aChangeWithoutPasswordKeepsThePresentOneAndAuditsBeforeAndAfter() {
      StaffAccount first = diary.keepingStaffAccounts().save(ADMIN,
          new AccountChange("jan.novak", Role.OFFICIAL, NOVAK, true, PASSWORD));
      StaffAccount disabled = diary.keepingStaffAccounts().save(ADMIN,
          new AccountChange("jan.novak", Role.OFFICIAL, NOVAK, false, null));

      assertThat(disabled.passwordHash()).isEqualTo(first.passwordHash());
      assertThat(audit().get(0).before()).contains("active=true");
      assertThat(audit().get(0).after()).contains("active=false").doesNotContain("password set");
    }

    @Test
    void aNewAccountNeedsAPasswordAndNothingIsWrittenWithout() {
      assertThatThrownBy(() -> diary.keepingStaffAccounts().save(ADMIN,
          new AccountChange("olga.operator", Role.OPERATOR, null, true, null)))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
      assertThat(storage.staffAccounts().all()).isEmpty();
      assertThat(audit()).isEmpty();
    }

    @Test
    void anOfficialsAccountNamesAnOfficialThatExists() {
      assertThatThrownBy(() -> diary.keepingStaffAccounts().save(ADMIN,
          new AccountChange("ghost", Role.OFFICIAL, OfficialId.of("nobody-here"), true, PASSWORD)))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("official"));
      assertThat(storage.staffAccounts().find("ghost")).isEmpty();
    }

    @Test
    void theRoleAndTheOfficialAgree() {
      assertThatThrownBy(() -> new AccountChange("x", Role.OFFICIAL, null, true, PASSWORD))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("official"));
      assertThatThrownBy(() -> new AccountChange("x", Role.OPERATOR, NOVAK, true, PASSWORD))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("official"));
      assertThatThrownBy(() -> new AccountChange("x", Role.OPERATOR, null, true, "short"))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
      assertThatThrownBy(() -> new AccountChange(" ", Role.OPERATOR, null, true, PASSWORD))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("username"));
    }

    @Test
    void anAdministratorCannotDemoteOrDisableThemself() {
      StaffAccount before = diary.keepingStaffAccounts().save(ADMIN,
          new AccountChange(ADMIN.username(), Role.ADMIN, null, true, PASSWORD));

      assertThatThrownBy(() -> diary.keepingStaffAccounts().save(ADMIN,
          new AccountChange(ADMIN.username(), Role.OPERATOR, null, true, null))).isInstanceOf(StateConflict.class);
      assertThatThrownBy(() -> diary.keepingStaffAccounts().save(ADMIN,
          new AccountChange(ADMIN.username(), Role.ADMIN, null, false, null))).isInstanceOf(StateConflict.class);
      assertThat(storage.staffAccounts().find(ADMIN.username())).contains(before);
      assertThat(audit()).hasSize(1);
    }

    @Test
    void onlyAdministratorsSeeOrChangeAccounts() {
      for (StaffMember notAdmin : List.of(OPERATOR, OFFICIAL_NOVAK)) {
        assertThatThrownBy(() -> diary.keepingStaffAccounts().accounts(notAdmin)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> diary.keepingStaffAccounts().save(notAdmin,
            new AccountChange("mallory", Role.ADMIN, null, true, PASSWORD))).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> diary.administering().auditLog(notAdmin, 10)).isInstanceOf(NotPermitted.class);
      }
      assertThat(storage.staffAccounts().all()).isEmpty();
      assertThat(diary.keepingStaffAccounts().accounts(ADMIN)).isEmpty();
    }

    @Test
    void theFirstAdministratorIsCreatedOnceByTheSystem() {
      assertThat(diary.keepingStaffAccounts().ensureInitialAdmin("root", PASSWORD)).isTrue();
      assertThat(diary.keepingStaffAccounts().ensureInitialAdmin("root", "another long password")).isFalse();

      StaffAccount root = storage.staffAccounts().find("root").orElseThrow();
      assertThat(root.role()).isEqualTo(Role.ADMIN);
      assertThat(root.active()).isTrue();
      assertThat(Passwords.verify(PASSWORD, root.passwordHash())).isTrue();
      assertThat(audit()).singleElement().satisfies(e -> {
        assertThat(e.actor()).isEqualTo("system");
        assertThat(e.subject()).isEqualTo("root");
      });
      assertThat(diary.keepingStaffAccounts().ensureInitialAdmin(null, null)).isFalse();
    }
  }

  @Nested
  class SigningIn {
    @BeforeEach
    void accounts() {
      diary.keepingStaffAccounts().save(ADMIN, new AccountChange("olga.operator", Role.OPERATOR, null, true, PASSWORD));
      diary.keepingStaffAccounts().save(ADMIN, new AccountChange("karel.gone", Role.OPERATOR, null, false, PASSWORD));
    }

    private Optional<SignedIn> signIn(String username, String password) {
      return diary.signingIn().signIn(new SignIn(username, password, "192.0.2.7", SESSION));
    }

    @Test
    void theRightPasswordOpensASessionThatNamesTheMemberAndIsAudited() {
      SignedIn signedIn = signIn(" olga.operator ", PASSWORD).orElseThrow();

      assertThat(signedIn.member()).isEqualTo(OPERATOR);
      assertThat(signedIn.expiresAt()).isEqualTo(NOW.plus(SESSION));
      assertThat(diary.signingIn().member(signedIn.token())).contains(OPERATOR);
      assertThat(audit().get(0)).satisfies(e -> {
        assertThat(e.action()).isEqualTo("staff.login");
        assertThat(e.actor()).isEqualTo("olga.operator");
        assertThat(e.after()).contains("from 192.0.2.7");
      });
    }

    @Test
    void aWrongPasswordAnUnknownNameOrADisabledAccountOpenNothingAndAreAudited() {
      assertThat(signIn("olga.operator", "not the password at all")).isEmpty();
      assertThat(signIn("nobody", PASSWORD)).isEmpty();
      assertThat(signIn("karel.gone", PASSWORD)).isEmpty();
      assertThat(signIn("x".repeat(101), PASSWORD)).isEmpty();
      assertThat(signIn("Hunter2-typed-as-a-name", PASSWORD)).isEmpty();

      assertThat(audit()).filteredOn(e -> e.action().equals("staff.login-failed"))
          .extracting(AuditEntry::subject)
          .containsExactlyInAnyOrder("olga.operator", "unknown", "karel.gone", "unknown", "unknown");
      assertThat(audit()).as("a name no account has is not kept: it is often a password in the wrong field")
          .noneMatch(e -> String.valueOf(e).contains("nobody") || String.valueOf(e).contains("Hunter2"));
      assertThat(audit()).noneMatch(e -> e.action().equals("staff.login"));
    }

    @Test
    void signingOutEndsTheSessionAndIsAudited() {
      SignedIn signedIn = signIn("olga.operator", PASSWORD).orElseThrow();

      diary.signingIn().signOut(signedIn.token());

      assertThat(diary.signingIn().member(signedIn.token())).isEmpty();
      assertThat(audit().get(0).action()).isEqualTo("staff.logout");
      diary.signingIn().signOut(signedIn.token());
      diary.signingIn().signOut("not a token");
      assertThat(audit()).filteredOn(e -> e.action().equals("staff.logout")).hasSize(1);
    }

    @Test
    void aSessionEndsWhenItExpiresOrItsAccountIsDisabled() {
      SignedIn first = signIn("olga.operator", PASSWORD).orElseThrow();
      clock.advance(SESSION.plusSeconds(1));
      assertThat(diary.signingIn().member(first.token())).isEmpty();

      SignedIn second = signIn("olga.operator", PASSWORD).orElseThrow();
      diary.keepingStaffAccounts().save(ADMIN, new AccountChange("olga.operator", Role.OPERATOR, null, false, null));
      assertThat(diary.signingIn().member(second.token())).isEmpty();
      assertThat(diary.signingIn().activeMember("olga.operator")).isEmpty();
    }
  }

  @Nested
  class Sessions {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final String NEW_PASSWORD = "a brand new and long passphrase";

    @BeforeEach
    void accounts() {
      diary.keepingStaffAccounts().save(ADMIN, new AccountChange("olga.operator", Role.OPERATOR, null, true, PASSWORD));
    }

    private SignedIn signIn(String userAgent) {
      return diary.signingIn().signIn(new SignIn("olga.operator", PASSWORD, "192.0.2.7", userAgent, LIFETIME, IDLE))
          .orElseThrow();
    }

    @Test
    void aSessionEndsWhenUnusedForItsIdleTimeoutAndAtItsLifetimeHoweverOftenUsed() {
      SignedIn unused = signIn(null);
      SignedIn used = signIn(null);
      for (int i = 0; i < 23; i++) {
        clock.advance(Duration.ofMinutes(29));
        assertThat(diary.signingIn().member(used.token())).as("used every 29 minutes, after %d", i).contains(OPERATOR);
        if (i == 1) {
          assertThat(diary.signingIn().member(unused.token())).as("unused for 58 minutes").isEmpty();
        }
      }
      // 23 * 29 min = 11 h 7 min: within the lifetime, which ends at 12 h whatever the use
      clock.advance(Duration.ofMinutes(29));
      assertThat(diary.signingIn().member(used.token())).contains(OPERATOR);
      clock.advance(Duration.ofMinutes(24));
      assertThat(diary.signingIn().member(used.token())).as("past the 12 h lifetime").isEmpty();
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndKeepsTheOneItWasMadeIn() {
      SignedIn laptop = signIn("Firefox on the laptop");
      SignedIn phone = signIn("Safari on the phone");

      diary.signingIn().changePassword(OPERATOR, laptop.token(), new PasswordChange(PASSWORD, NEW_PASSWORD));

      assertThat(diary.signingIn().member(laptop.token())).contains(OPERATOR);
      assertThat(diary.signingIn().member(phone.token())).isEmpty();
      assertThat(diary.signingIn().signIn(new SignIn("olga.operator", PASSWORD, null, SESSION))).isEmpty();
      assertThat(diary.signingIn().signIn(new SignIn("olga.operator", NEW_PASSWORD, null, SESSION))).isPresent();
      assertThat(audit()).anySatisfy(e -> {
        assertThat(e.action()).isEqualTo("staff.password.change");
        assertThat(e.after()).isEqualTo("1 other sessions ended").doesNotContain("pbkdf2");
      });
    }

    @Test
    void aNewPasswordFromAnAdministratorOrADisabledAccountEndsEverySessionAndEnablingItRevivesNone() {
      SignedIn before = signIn(null);
      diary.keepingStaffAccounts().save(ADMIN, new AccountChange("olga.operator", Role.OPERATOR, null, true,
          "reset by the administrator"));
      assertThat(diary.signingIn().member(before.token())).isEmpty();

      SignedIn next = diary.signingIn().signIn(new SignIn("olga.operator", "reset by the administrator", null, SESSION))
          .orElseThrow();
      diary.keepingStaffAccounts().save(ADMIN, new AccountChange("olga.operator", Role.OPERATOR, null, false, null));
      diary.keepingStaffAccounts().save(ADMIN, new AccountChange("olga.operator", Role.OPERATOR, null, true, null));
      assertThat(diary.signingIn().member(next.token())).as("not revived by enabling the account").isEmpty();
    }

    @Test
    void eachPersonListsTheirOwnOpenSessionsAndEndsAnyOfThem() {
      SignedIn laptop = signIn("Firefox on the laptop");
      clock.advance(Duration.ofMinutes(5));
      SignedIn phone = signIn("Safari on the phone");
      diary.keepingStaffAccounts().save(ADMIN, new AccountChange("alena.admin", Role.ADMIN, null, true, PASSWORD));
      diary.signingIn().signIn(new SignIn("alena.admin", PASSWORD, null, SESSION)).orElseThrow();

      List<OpenSession> mine = diary.signingIn().sessions(OPERATOR, phone.token());
      assertThat(mine).extracting(OpenSession::userAgent).containsExactly("Firefox on the laptop", "Safari on the phone");
      assertThat(mine).extracting(OpenSession::current).containsExactly(false, true);
      assertThat(mine).allSatisfy(s -> assertThat(s.client()).isEqualTo("192.0.2.x"));
      assertThat(mine.get(0).createdAt()).isEqualTo(NOW);
      assertThat(mine.get(1).endsAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).plus(IDLE));

      assertThatThrownBy(() -> diary.signingIn().endSession(ADMIN, mine.get(0).id())).as("not someone else's")
          .isInstanceOf(NotFound.class);
      diary.signingIn().endSession(OPERATOR, mine.get(0).id());
      assertThat(diary.signingIn().member(laptop.token())).isEmpty();
      assertThat(diary.signingIn().member(phone.token())).contains(OPERATOR);
      assertThat(diary.signingIn().sessions(OPERATOR, null)).singleElement().satisfies(s -> assertThat(s.current()).isFalse());

      assertThatThrownBy(() -> diary.signingIn().endSessions(OPERATOR, "alena.admin")).isInstanceOf(NotPermitted.class);
      assertThat(diary.signingIn().endSessions(ADMIN, "olga.operator")).isEqualTo(1);
      assertThat(diary.signingIn().member(phone.token())).isEmpty();
    }

    @Test
    void aPasswordChangeNeedsThePresentPasswordAndANewOneHardToGuess() {
      CivicDiary strict = CivicDiary.builder().storage(storage).clock(clock)
          .passwordStrength((password, inputs) -> inputs.stream().anyMatch(password::contains)
              ? Optional.of("it contains your name") : Optional.empty())
          .build();
      SignedIn session = signIn(null);
      String hashBefore = storage.staffAccounts().find("olga.operator").orElseThrow().passwordHash();

      assertThatThrownBy(() -> strict.signingIn().changePassword(OPERATOR, session.token(),
          new PasswordChange("not the password at all", NEW_PASSWORD)))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("currentPassword"));
      assertThatThrownBy(() -> strict.signingIn().changePassword(OPERATOR, session.token(),
          new PasswordChange(PASSWORD, "short one")))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("newPassword"));
      assertThatThrownBy(() -> strict.signingIn().changePassword(OPERATOR, session.token(),
          new PasswordChange(PASSWORD, PASSWORD)))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problem()).contains("differ"));
      assertThatThrownBy(() -> strict.signingIn().changePassword(OPERATOR, session.token(),
          new PasswordChange(PASSWORD, "olga.operator and a long tail")))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problem()).contains("it contains your name"));

      assertThat(storage.staffAccounts().find("olga.operator").orElseThrow().passwordHash()).isEqualTo(hashBefore);
      assertThat(diary.signingIn().member(session.token())).contains(OPERATOR);
    }

    @Test
    void theFirstAdministratorMustChangeTheConfiguredPasswordBeforeAnythingElse() {
      diary.keepingStaffAccounts().ensureInitialAdmin("root", PASSWORD);
      SignedIn root = diary.signingIn().signIn(new SignIn("root", PASSWORD, null, SESSION)).orElseThrow();
      assertThat(root.member().mustChangePassword()).isTrue();
      assertThat(diary.signingIn().member(root.token())).hasValueSatisfying(m -> assertThat(m.mustChangePassword()).isTrue());
      assertThat(diary.signingIn().activeMember("root")).as("single sign-on uses no password")
          .hasValueSatisfying(m -> assertThat(m.mustChangePassword()).isFalse());

      diary.keepingStaffAccounts().save(new StaffMember("root", Role.ADMIN, null),
          new AccountChange("root", Role.ADMIN, null, true, null));
      assertThat(storage.staffAccounts().find("root").orElseThrow().mustChangePassword())
          .as("other changes keep the requirement").isTrue();

      diary.signingIn().changePassword(root.member(), root.token(), new PasswordChange(PASSWORD, NEW_PASSWORD));
      assertThat(diary.signingIn().member(root.token())).hasValueSatisfying(m -> assertThat(m.mustChangePassword()).isFalse());
    }
  }

  @Nested
  class ReadAuthorisation {
    @Test
    void anOfficialReadsOnlyTheirOwnDiary() {
      Instant from = NOW;
      Instant to = NOW.plus(Duration.ofDays(7));
      assertThat(diary.recordingAbsence().absences(OFFICIAL_NOVAK, NOVAK, from, to)).isEmpty();
      assertThat(diary.changingSchedule().windows(OFFICIAL_NOVAK, NOVAK)).isNotEmpty();

      assertThatThrownBy(() -> diary.recordingAbsence().absences(OFFICIAL_NOVAK, DVORAK, from, to))
          .isInstanceOf(NotPermitted.class);
      assertThatThrownBy(() -> diary.changingSchedule().windows(OFFICIAL_NOVAK, DVORAK)).isInstanceOf(NotPermitted.class);
      assertThatThrownBy(() -> diary.handlingReservations().dayPlan(OFFICIAL_NOVAK, DVORAK, LocalDate.of(2027, 3, 2)))
          .isInstanceOf(NotPermitted.class);
      assertThat(diary.changingSchedule().windows(OPERATOR, DVORAK)).isNotEmpty();
    }

    @Test
    void anAbsenceIsReadByItsOfficialAndOperatorsOnly() {
      Instant start = Fixtures.TUESDAY_10;
      var displacement = diary.recordingAbsence().record(ADMIN,
          new AbsenceRequest(DVORAK, start, start.plus(Duration.ofHours(2)), AbsenceKind.TRAINING, null));
      var id = org.civicdiary.booking.model.AbsenceId.parse(displacement.subject());

      assertThat(diary.recordingAbsence().absence(OPERATOR, id).official()).isEqualTo(DVORAK);
      assertThat(diary.recordingAbsence().absences(OPERATOR, DVORAK, NOW, start.plus(Duration.ofDays(1)))).hasSize(1);
      assertThatThrownBy(() -> diary.recordingAbsence().absence(OFFICIAL_NOVAK, id)).isInstanceOf(NotPermitted.class);
    }

    @Test
    void anAbsenceRangeMustBeARange() {
      assertThatThrownBy(() -> diary.recordingAbsence().absences(OPERATOR, NOVAK, NOW, NOW))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
      assertThatThrownBy(() -> diary.recordingAbsence().absences(OPERATOR, NOVAK, null, NOW))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("from"));
    }

    @Test
    void officialsMayNotReadStatisticsAndOnlyAdministratorsTheAuditLog() {
      StatisticsQuery week = new StatisticsQuery(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7), null);
      assertThatThrownBy(() -> diary.reportingStatistics().weekly(OFFICIAL_NOVAK, week)).isInstanceOf(NotPermitted.class);
      assertThat(diary.reportingStatistics().weekly(OPERATOR, week).weeks()).hasSize(2);
      assertThat(diary.administering().auditLog(ADMIN, 5)).isEmpty();
      assertThatThrownBy(() -> diary.administering().auditLog(ADMIN, 0))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    void thePublicSeesActiveOfficialsAndStaffSeeThemAll() {
      assertThat(diary.readingDirectory().officials(CIVIL)).extracting(o -> o.id()).containsExactly(DVORAK, NOVAK);
      assertThat(diary.readingDirectory().allOfficials(OPERATOR, CIVIL)).hasSize(3);
      assertThat(diary.readingDirectory().zoneOf(TRADE)).isEqualTo(Office.DEFAULT_ZONE);
      assertThatThrownBy(() -> diary.readingDirectory().department(DepartmentId.of("no-such-department")))
          .isInstanceOf(NotFound.class);
    }
  }

  @Nested
  class WeeklyStatistics {
    private static final ZoneId ZONE = Office.DEFAULT_ZONE;
    // Summer time begins on Sunday 28 March 2027 in Prague: the week 2027-W12 is an hour shorter.
    private static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 15);

    @Test
    void theCountsOfTheStorageMatchAPlainCountAcrossWeekBoundariesAndTheChangeToSummerTime() {
      List<Reservation> all = stored(420);
      LocalDate from = LocalDate.of(2027, 3, 17);
      LocalDate to = LocalDate.of(2027, 4, 6);

      Statistics counted = diary.reportingStatistics().weekly(OPERATOR, new StatisticsQuery(from, to, null));

      assertThat(counted.weeks()).isEqualTo(plainCount(all, from, to));
      assertThat(counted.weeks().stream().mapToLong(WeekCounts::bookings).sum())
          .as("some reservations fall outside the range, most inside").isBetween(200L, 419L);
    }

    @Test
    void oneDepartmentAndAQuietWeekAreCountedToo() {
      List<Reservation> all = stored(60);
      LocalDate from = LocalDate.of(2027, 3, 8);
      LocalDate to = LocalDate.of(2027, 3, 21);

      Statistics counted = diary.reportingStatistics().weekly(ADMIN, new StatisticsQuery(from, to, TRADE));

      assertThat(counted.weeks()).extracting(WeekCounts::week).containsExactly("2027-W10", "2027-W11");
      assertThat(counted.weeks().get(0).bookings()).isZero();
      assertThat(counted.weeks()).isEqualTo(plainCount(all, from, to).stream()
          .filter(w -> w.department().equals(TRADE)).toList());
    }

    @Test
    void theRangeIsCheckedBeforeAnythingIsCounted() {
      assertThatThrownBy(() -> new StatisticsQuery(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 7), null))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
      assertThatThrownBy(() -> new StatisticsQuery(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 2), null))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
      assertThatThrownBy(() -> diary.reportingStatistics().weekly(OPERATOR,
          new StatisticsQuery(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 9), DepartmentId.of("no-such"))))
          .isInstanceOf(NotFound.class);
    }

    private List<Reservation> stored(int count) {
      List<Reservation> all = reservations(count);
      storage.transactions().run(() -> all.forEach(r -> storage.reservations().add(r, SLOT)));
      return all;
    }

    /**
     * Reservations over four weeks around the change to summer time, a fifth of them in the last
     * and first hour of a local day (where a week changes on Sunday night), every channel and status.
     */
    private List<Reservation> reservations(int count) {
      Random random = new Random(20270328);
      List<OfficialId> officials = List.of(NOVAK, DVORAK, SVOBODA);
      // Waiting-list holds are no bookings: statistics leave them out.
      Status[] statuses = java.util.Arrays.stream(Status.values()).filter(s -> !s.isHold()).toArray(Status[]::new);
      Set<String> taken = new HashSet<>();
      List<Reservation> result = new ArrayList<>();
      while (result.size() < count) {
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(28));
        int quarter = random.nextInt(5) == 0 ? (random.nextBoolean() ? random.nextInt(4) : 92 + random.nextInt(4))
            : random.nextInt(96);
        Instant start = ZonedDateTime.of(day, LocalTime.MIDNIGHT.plusMinutes(15L * quarter), ZONE).toInstant();
        OfficialId official = officials.get(random.nextInt(officials.size()));
        if (!taken.add(official + " " + start)) {
          continue;
        }
        Reservation r = Fixtures.reservation(official, start, 1, "citizen" + result.size() + "@example.org",
            statuses[random.nextInt(statuses.length)]);
        Channel channel = random.nextBoolean() ? Channel.WEB : Channel.PHONE;
        result.add(new Reservation(r.id(), r.code(), r.department(), r.official(), r.agenda(), r.start(), r.end(), r.citizen(),
            r.topic(), channel, r.language(), r.status(), r.createdAt(), r.updatedAt(), r.version(), r.sequence(),
            r.note()));
      }
      return result;
    }

    /** The answer counted the plain way: each reservation's local date, its week, its tallies. */
    private List<WeekCounts> plainCount(List<Reservation> all, LocalDate from, LocalDate to) {
      List<WeekCounts> expected = new ArrayList<>();
      for (DepartmentId department : List.of(CIVIL, TRADE)) {
        Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
        for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(to);
            monday = monday.plusWeeks(1)) {
          weeks.put(monday, new long[8]);
        }
        for (Reservation r : all) {
          LocalDate date = LocalDate.ofInstant(r.start(), ZONE);
          if (!r.department().equals(department) || date.isBefore(from) || date.isAfter(to)) {
            continue;
          }
          long[] t = weeks.get(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
          t[0]++;
          t[r.channel() == Channel.WEB ? 1 : 2]++;
          t[3 + r.status().ordinal()]++;
        }
        weeks.forEach((monday, t) -> expected.add(new WeekCounts(department,
            monday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
            monday, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7])));
      }
      return expected;
    }
  }
}
