/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.error.StateConflict;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.SecondFactor;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;

/**
 * A staff member's optional second factor for the built-in sign-in: an authenticator app (TOTP,
 * RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, a step either way accepted) and
 * {@value #RECOVERY_CODES} single-use recovery codes for a lost phone. Enrolment starts with a new
 * secret that is not asked for yet, becomes active with the first good code, and answers the
 * recovery codes once (only their hashes are kept). A code is good once: the last accepted time
 * step is stored. Every change is audited, never with a secret or a code.
 */
public final class KeepingSecondFactors {
  public static final int RECOVERY_CODES = 10;
  private static final String ISSUER = "civic-diary";
  private static final int SECRET_BYTES = 20;
  // 16 base32 characters: 80 bits, so that even the fast hash stored leaks nothing guessable
  private static final int RECOVERY_CODE_LENGTH = 16;
  private final Context context;

  KeepingSecondFactors(Context context) {
    this.context = context;
  }

  /** Whether the member has an active second factor, and how many recovery codes are left. */
  public SecondFactorState state(StaffMember member) {
    boolean active = active(member.username());
    return new SecondFactorState(active, active ? context.storage.staffAccounts().recoveryCodesLeft(member.username()) : 0);
  }

  /** Whether this account signs in with a second factor. */
  public boolean active(String username) {
    return context.storage.staffAccounts().secondFactor(username).filter(SecondFactor::active).isPresent();
  }

  /**
   * Starts enrolment: a new 160-bit secret, not asked for at sign-in until {@link #confirm}. Starting
   * again replaces a secret that was never confirmed.
   *
   * @throws StateConflict if the member already has an active second factor (disable it first)
   */
  public Enrolment start(StaffMember member) {
    byte[] secret = new byte[SECRET_BYTES];
    context.random.nextBytes(secret);
    String base32 = Totp.encode(secret);
    context.storage.transactions().run(() -> {
      if (active(member.username())) {
        throw new StateConflict("the second factor is already active; disable it first");
      }
      account(member);
      context.storage.staffAccounts().saveSecondFactor(new SecondFactor(member.username(), base32, false, -1, context.now()));
      context.audit(member, "staff.second-factor.start", member.username(), null, null);
    });
    String label = encode(ISSUER + ":" + member.username());
    String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(ISSUER)
        + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    return new Enrolment(base32, uri);
  }

  /**
   * Ends enrolment with the first code from the app: the second factor is active from now on.
   *
   * @return the recovery codes, shown this once
   * @throws InvalidInput (field {@code code}) if the code is not the app's present one
   * @throws StateConflict if no enrolment was started, or it is already active
   */
  public List<String> confirm(StaffMember member, String code) {
    SecondFactor started = context.storage.staffAccounts().secondFactor(member.username())
        .orElseThrow(() -> new StateConflict("no enrolment was started"));
    if (started.active()) {
      throw new StateConflict("the second factor is already active");
    }
    OptionalLong step = Totp.match(started.secret(), code, context.now(), started.lastStep());
    if (step.isEmpty()) {
      throw new InvalidInput("code", "is not the authenticator's present code");
    }
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      codes.add(recoveryCode());
    }
    List<String> hashes = codes.stream().map(c -> recoveryHash(member.username(), c)).toList();
    context.storage.transactions().run(() -> {
      SecondFactor now = context.storage.staffAccounts().secondFactor(member.username())
          .filter(f -> f.secret().equals(started.secret()) && !f.active())
          .orElseThrow(() -> new StateConflict("the enrolment changed meanwhile"));
      context.storage.staffAccounts().saveSecondFactor(
          new SecondFactor(now.username(), now.secret(), true, step.getAsLong(), now.since()));
      context.storage.staffAccounts().replaceRecoveryCodes(member.username(), hashes);
      context.audit(member, "staff.second-factor.enable", member.username(), null, RECOVERY_CODES + " recovery codes");
    });
    return codes;
  }

  /**
   * Turns one's own second factor off, proved by the password, a present code or a recovery code:
   * a session left open on a shared computer must not be enough.
   *
   * @throws InvalidInput (field {@code proof}) if it is none of them
   * @throws NotFound if the member has no second factor
   */
  public void disable(StaffMember member, String proof) {
    StaffAccount account = account(member);
    if (context.storage.staffAccounts().secondFactor(member.username()).isEmpty()) {
      throw new NotFound("second factor", member.username());
    }
    if (proof == null || proof.isEmpty() || proof.length() > Passwords.MAX_LENGTH
        || !(passes(member.username(), proof) || Passwords.verify(proof, account.passwordHash()))) {
      throw new InvalidInput("proof", "is neither the password nor a present or recovery code");
    }
    context.storage.transactions().run(() -> {
      context.storage.staffAccounts().removeSecondFactor(member.username());
      context.audit(member, "staff.second-factor.disable", member.username(), null, null);
    });
  }

  /**
   * An administrator removes someone's second factor (a lost phone and lost recovery codes); they
   * sign in with their password alone until they enrol again.
   *
   * @throws NotPermitted unless the actor is an administrator
   * @throws NotFound if the account has no second factor
   */
  public void reset(StaffMember actor, String username) {
    Context.permit(actor.role() == Role.ADMIN, "reset another person's second factor");
    context.storage.transactions().run(() -> {
      if (context.storage.staffAccounts().secondFactor(username).isEmpty()) {
        throw new NotFound("second factor", username);
      }
      context.storage.staffAccounts().removeSecondFactor(username);
      context.audit(actor, "staff.second-factor.reset", username, null, null);
    });
  }

  /**
   * Whether the code proves the account's active second factor: the app's present code, not used
   * before, or an unused recovery code, which is used up (and audited).
   */
  boolean passes(String username, String code) {
    Optional<SecondFactor> factor = context.storage.staffAccounts().secondFactor(username).filter(SecondFactor::active);
    if (factor.isEmpty() || code == null) {
      return false;
    }
    OptionalLong step = Totp.match(factor.get().secret(), code, context.now(), factor.get().lastStep());
    if (step.isPresent()) {
      return context.storage.staffAccounts().acceptStep(username, step.getAsLong());
    }
    String clean = normal(code);
    if (clean.length() != RECOVERY_CODE_LENGTH) {
      return false;
    }
    return context.storage.transactions().inTransaction(() -> {
      boolean used = context.storage.staffAccounts().useRecoveryCode(username, recoveryHash(username, clean));
      if (used) {
        int left = context.storage.staffAccounts().recoveryCodesLeft(username);
        context.storage.auditLog().record(new AuditEntry(context.now(), username, "staff.second-factor.recovery-code",
            username, null, left + " left"));
      }
      return used;
    });
  }

  private StaffAccount account(StaffMember member) {
    return context.storage.staffAccounts().find(member.username()).filter(StaffAccount::active)
        .orElseThrow(() -> new NotPermitted("keep the second factor of a disabled account"));
  }

  /** Four groups of four base32 characters: easy to copy down, 80 bits. */
  private String recoveryCode() {
    byte[] bytes = new byte[RECOVERY_CODE_LENGTH * 5 / 8];
    context.random.nextBytes(bytes);
    String code = Totp.encode(bytes).toLowerCase(Locale.ROOT);
    return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12));
  }

  /** Salted with the user name, so that one table of hashes serves no other account. */
  private static String recoveryHash(String username, String code) {
    return Digests.sha256(username + "\n" + normal(code));
  }

  /** Dashes, spaces and case do not matter. */
  private static String normal(String code) {
    return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * A started enrolment, for the authenticator app.
   *
   * @param secret base32, for typing in by hand
   * @param uri the {@code otpauth://totp/} URI an app takes (as a QR code, or pasted)
   */
  public record Enrolment(String secret, String uri) {
    /** Never prints the secret. */
    @Override
    public String toString() {
      return "Enrolment[]";
    }
  }

  /**
   * A member's second factor as they see it.
   *
   * @param recoveryCodesLeft unused recovery codes; 0 when not active
   */
  public record SecondFactorState(boolean active, int recoveryCodesLeft) {
  }
}
