/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.NOW;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.SecondFactor;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.AccountChange;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.KeepingSecondFactors.Enrolment;
import org.civicdiary.booking.usecase.SecondStep;
import org.civicdiary.booking.usecase.SignIn;
import org.civicdiary.booking.usecase.SignedIn;
import org.civicdiary.booking.usecase.SigningIn;
import org.civicdiary.testkit.AuthenticatorApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A staff member's second factor (TOTP and recovery codes), on every storage: enrolment, the
 * second step of signing in, a code good once, disabling and an administrator's reset. An
 * adapter's test extends this class and returns a new, empty storage from {@link #emptyStorage()}.
 */
public abstract class SecondFactorContract {
  private static final StaffMember ADMIN = new StaffMember("alena.admin", Role.ADMIN, null);
  private static final StaffMember OLGA = new StaffMember("olga.operator", Role.OPERATOR, null);
  private static final String PASSWORD = "correct horse battery staple";
  private static final Duration SESSION = Duration.ofHours(8);
  private Storage storage;
  private MutableClock clock;
  private CivicDiary diary;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void accounts() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    clock = new MutableClock(NOW);
    diary = CivicDiary.builder().storage(storage).clock(clock).random(new SecureRandom()).build();
    diary.keepingStaffAccounts().save(ADMIN, new AccountChange(OLGA.username(), Role.OPERATOR, null, true, PASSWORD));
    diary.keepingStaffAccounts().save(ADMIN, new AccountChange(ADMIN.username(), Role.ADMIN, null, true, PASSWORD));
  }

  @Test
  void enrolmentAnswersASecretAndAnOtpauthUriAndAsksNothingBeforeTheFirstCode() {
    Enrolment enrolment = diary.keepingSecondFactors().start(OLGA);

    assertThat(enrolment.secret()).matches("[A-Z2-7]{32}");
    assertThat(enrolment.uri()).startsWith("otpauth://totp/civic-diary%3Aolga.operator?secret=" + enrolment.secret())
        .contains("issuer=civic-diary", "digits=6", "period=30", "algorithm=SHA1");
    assertThat(diary.keepingSecondFactors().state(OLGA).active()).isFalse();
    assertThat(signIn().secondStep()).isFalse();
  }

  @Test
  void aWrongCodeDoesNotConfirmTheEnrolment() {
    Enrolment enrolment = diary.keepingSecondFactors().start(OLGA);
    String wrong = new AuthenticatorApp(enrolment.secret()).codeAt(NOW.plus(Duration.ofMinutes(5)));

    assertThatThrownBy(() -> diary.keepingSecondFactors().confirm(OLGA, wrong))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("code"));
    assertThat(diary.keepingSecondFactors().state(OLGA).active()).isFalse();
    assertThat(storage.staffAccounts().secondFactor(OLGA.username())).get().extracting(SecondFactor::active).isEqualTo(false);
  }

  @Test
  void theFirstCodeActivatesItAndAnswersTenRecoveryCodesKeptOnlyAsHashes() {
    AuthenticatorApp app = enrol();

    assertThat(diary.keepingSecondFactors().state(OLGA).active()).isTrue();
    assertThat(diary.keepingSecondFactors().state(OLGA).recoveryCodesLeft()).isEqualTo(10);
    assertThat(storage.staffAccounts().recoveryCodesLeft(OLGA.username())).isEqualTo(10);
    assertThat(storage.staffAccounts().useRecoveryCode(OLGA.username(), lastCodes.get(0))).isFalse();
    assertThat(new HashSet<>(lastCodes)).hasSize(10);
    assertThat(lastCodes).allMatch(c -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
    assertThat(audit()).anySatisfy(e -> assertThat(e.action()).isEqualTo("staff.second-factor.enable"))
        .allSatisfy(e -> assertThat(String.valueOf(e.after())).doesNotContain(lastCodes.get(0)));
    assertThatThrownBy(() -> diary.keepingSecondFactors().start(OLGA)).isInstanceOf(StateConflict.class);
    assertThatThrownBy(() -> diary.keepingSecondFactors().confirm(OLGA, app.codeAt(clock.instant())))
        .isInstanceOf(StateConflict.class);
  }

  @Test
  void thePasswordAloneNoLongerOpensASessionAndTheCodeDoes() {
    AuthenticatorApp app = enrol();
    clock.advance(Duration.ofMinutes(1));

    SignedIn first = signIn();
    assertThat(first.secondStep()).isTrue();
    assertThat(first.expiresAt()).isEqualTo(clock.instant().plus(SigningIn.SECOND_STEP_TIME));
    assertThat(diary.signingIn().member(first.token())).isEmpty();
    assertThat(storage.staffAccounts().sessions(OLGA.username(), clock.instant())).isEmpty();

    Optional<SignedIn> second = diary.signingIn().secondStep(step(first, app.codeAt(clock.instant())));
    assertThat(second).hasValueSatisfying(s -> {
      assertThat(s.secondStep()).isFalse();
      assertThat(diary.signingIn().member(s.token()).map(StaffMember::username)).contains(OLGA.username());
    });
    assertThat(audit()).anySatisfy(e -> assertThat(e.action()).isEqualTo("staff.login"));
  }

  @Test
  void aCodeIsGoodOnceEvenWithinItsWindow() {
    AuthenticatorApp app = enrol();
    clock.advance(Duration.ofMinutes(1));
    String code = app.codeAt(clock.instant());
    assertThat(diary.signingIn().secondStep(step(signIn(), code))).isPresent();

    clock.advance(Duration.ofSeconds(20));
    SignedIn again = signIn();
    assertThat(diary.signingIn().secondStep(step(again, code))).isEmpty();
    assertThat(audit().get(0).action()).isEqualTo("staff.login-failed");
    // a mistyped or replayed code leaves the token good until it expires
    assertThat(diary.signingIn().secondStep(step(again, app.codeAt(clock.instant().plusSeconds(30))))).isPresent();
  }

  @Test
  void theStoreAcceptsEachStepOnceAndNeverAnEarlierOne() {
    enrol();
    long step = storage.staffAccounts().secondFactor(OLGA.username()).orElseThrow().lastStep();

    assertThat(storage.staffAccounts().acceptStep(OLGA.username(), step)).isFalse();
    assertThat(storage.staffAccounts().acceptStep(OLGA.username(), step + 1)).isTrue();
    assertThat(storage.staffAccounts().acceptStep(OLGA.username(), step + 1)).isFalse();
    assertThat(storage.staffAccounts().acceptStep(OLGA.username(), step)).isFalse();
    assertThat(storage.staffAccounts().acceptStep("nobody", step + 5)).isFalse();
    assertThat(storage.staffAccounts().secondFactor(OLGA.username()).orElseThrow().lastStep()).isEqualTo(step + 1);
  }

  @Test
  void aRecoveryCodeOpensASessionOnceAndIsAudited() {
    enrol();
    String recovery = lastCodes.get(3).toUpperCase().replace("-", " ");

    assertThat(diary.signingIn().secondStep(step(signIn(), recovery))).isPresent();
    assertThat(diary.keepingSecondFactors().state(OLGA).recoveryCodesLeft()).isEqualTo(9);
    assertThat(audit()).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("staff.second-factor.recovery-code");
      assertThat(e.after()).isEqualTo("9 left");
    });
    assertThat(diary.signingIn().secondStep(step(signIn(), recovery))).isEmpty();
  }

  @Test
  void theTokenIsGoodOnlyForItsAccountAndForFiveMinutes() {
    AuthenticatorApp app = enrol();
    clock.advance(Duration.ofMinutes(1));
    SignedIn first = signIn();
    String code = app.codeAt(clock.instant());

    assertThat(diary.signingIn().secondStep(new SecondStep(ADMIN.username(), first.token(), code, null, null,
        SESSION, SESSION))).isEmpty();
    assertThat(diary.signingIn().secondStep(step(first, code))).isPresent();

    SignedIn late = signIn();
    clock.advance(SigningIn.SECOND_STEP_TIME);
    assertThat(diary.signingIn().secondStep(step(late, app.codeAt(clock.instant())))).isEmpty();
  }

  @Test
  void disablingNeedsThePasswordOrACode() {
    AuthenticatorApp app = enrol();

    assertThatThrownBy(() -> diary.keepingSecondFactors().disable(OLGA, "not the password"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("proof"));
    assertThat(diary.keepingSecondFactors().state(OLGA).active()).isTrue();

    clock.advance(Duration.ofMinutes(1));
    diary.keepingSecondFactors().disable(OLGA, app.codeAt(clock.instant()));
    assertThat(diary.keepingSecondFactors().state(OLGA).active()).isFalse();
    assertThat(storage.staffAccounts().recoveryCodesLeft(OLGA.username())).isZero();
    assertThat(signIn().secondStep()).isFalse();

    enrol();
    diary.keepingSecondFactors().disable(OLGA, PASSWORD);
    assertThat(storage.staffAccounts().secondFactor(OLGA.username())).isEmpty();
    assertThatThrownBy(() -> diary.keepingSecondFactors().disable(OLGA, PASSWORD)).isInstanceOf(NotFound.class);
  }

  @Test
  void anAdministratorResetsSomeonesSecondFactorAndItIsAudited() {
    enrol();

    assertThatThrownBy(() -> diary.keepingSecondFactors().reset(OLGA, OLGA.username())).isInstanceOf(NotPermitted.class);
    assertThat(diary.keepingSecondFactors().state(OLGA).active()).isTrue();

    diary.keepingSecondFactors().reset(ADMIN, OLGA.username());
    assertThat(diary.keepingSecondFactors().state(OLGA).active()).isFalse();
    assertThat(signIn().secondStep()).isFalse();
    assertThat(audit()).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo(ADMIN.username());
      assertThat(e.action()).isEqualTo("staff.second-factor.reset");
      assertThat(e.subject()).isEqualTo(OLGA.username());
    });
    assertThatThrownBy(() -> diary.keepingSecondFactors().reset(ADMIN, OLGA.username())).isInstanceOf(NotFound.class);
  }

  private List<String> lastCodes;

  /** Enrols Olga; her recovery codes go to {@link #lastCodes}. */
  private AuthenticatorApp enrol() {
    AuthenticatorApp app = new AuthenticatorApp(diary.keepingSecondFactors().start(OLGA).secret());
    lastCodes = diary.keepingSecondFactors().confirm(OLGA, app.codeAt(clock.instant()));
    return app;
  }

  private SignedIn signIn() {
    return diary.signingIn().signIn(new SignIn(OLGA.username(), PASSWORD, "192.0.2.7", SESSION)).orElseThrow();
  }

  private static SecondStep step(SignedIn first, String code) {
    return new SecondStep(OLGA.username(), first.token(), code, "192.0.2.7", null, SESSION, SESSION);
  }

  private List<AuditEntry> audit() {
    return storage.auditLog().latest(100);
  }
}
