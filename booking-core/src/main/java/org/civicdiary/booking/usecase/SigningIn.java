/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.model.AuditEntry;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffAccount;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.StaffSession;
import org.civicdiary.booking.port.PasswordStrength;

/**
 * The built-in sign-in of staff: PBKDF2 passwords ({@link Passwords}), sessions stored by the
 * SHA-256 of a 256-bit random token (so that nodes sharing a database share sessions, and a leaked
 * table opens nothing). A session ends when unused for its idle timeout, at the end of its
 * lifetime, at sign-out, when its owner ends it from the list of their sessions, and with every
 * other session of the account when the password changes or the account is disabled. Every
 * sign-in, failed sign-in, sign-out and password change is audited.
 */
public final class SigningIn {
  /** The audit log's name for a sign-in attempt under a name no account has. */
  public static final String UNKNOWN = "unknown";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  // A use is written down at most this often (each write is a database round trip), so the idle
  // timeout is kept to within this much.
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  /** How long the password step waits for the second factor's code. */
  public static final Duration SECOND_STEP_TIME = Duration.ofMinutes(5);
  private final Context context;
  private final PasswordStrength strength;
  private final KeepingSecondFactors secondFactors;

  SigningIn(Context context, PasswordStrength strength, KeepingSecondFactors secondFactors) {
    this.context = context;
    this.strength = strength;
    this.secondFactors = secondFactors;
  }

  /**
   * Checks the password and opens a session. Empty when the name is unknown, the password wrong or
   * the account disabled, deliberately without saying which, and in about the same time. When the
   * account has an active second factor, no session opens yet: the answer is {@link
   * SignedIn#secondStep()}, with a token for {@link #secondStep} good for {@link #SECOND_STEP_TIME}.
   */
  public Optional<SignedIn> signIn(SignIn command) {
    Optional<StaffAccount> account = command.username().isEmpty() || command.username().length() > 100
        ? Optional.empty() : context.storage.staffAccounts().find(command.username());
    if (account.isEmpty()) {
      Passwords.spendVerificationTime(command.password());
    }
    if (account.isEmpty() || !Passwords.verify(command.password(), account.get().passwordHash())
        || !account.get().active()) {
      auditFailure(account, command);
      return Optional.empty();
    }
    if (secondFactors.active(account.get().username())) {
      String token = randomText(32);
      Instant until = context.now().plus(SECOND_STEP_TIME);
      context.storage.transactions().run(() -> {
        context.storage.staffAccounts().removeExpiredSessions(context.now());
        context.storage.staffAccounts().addSecondStep(Digests.sha256(token), account.get().username(), until);
        audit(account.get().username(), "staff.login.password", from(command.from()) + ", waits for the second factor");
      });
      return Optional.of(new SignedIn(account.get().member(), token, until, true));
    }
    return Optional.of(open(account.get(), command));
  }

  /**
   * The second step of a sign-in whose password was right: a code from the authenticator app (good
   * once) or an unused recovery code (used up) opens the session. Empty when the token is unknown,
   * expired or another account's, or the code is wrong; that is audited as a failed sign-in, and the
   * token stays good until it expires, for a mistyped code.
   */
  public Optional<SignedIn> secondStep(SecondStep command) {
    String tokenHash = Digests.sha256(command.token());
    Optional<StaffAccount> account = context.storage.staffAccounts().secondStep(tokenHash, context.now())
        .filter(command.username()::equals)
        .flatMap(context.storage.staffAccounts()::find).filter(StaffAccount::active);
    if (account.isEmpty() || !secondFactors.passes(account.get().username(), command.code())) {
      auditFailure(account.isPresent() ? account : context.storage.staffAccounts().find(command.username()),
          command.signIn());
      return Optional.empty();
    }
    context.storage.staffAccounts().endSecondStep(tokenHash);
    return Optional.of(open(account.get(), command.signIn()));
  }

  private SignedIn open(StaffAccount account, SignIn command) {
    String token = randomText(32);
    Instant now = context.now();
    Instant expires = now.plus(command.sessionLength());
    StaffMember member = account.member();
    StaffSession session = new StaffSession(randomText(16), Digests.sha256(token), member.username(), now, now,
        now.plus(command.idleTimeout()), expires, shortAddress(command.from()), command.userAgent());
    context.storage.transactions().run(() -> {
      context.storage.staffAccounts().removeExpiredSessions(now);
      context.storage.staffAccounts().add(session);
      audit(member.username(), "staff.login", from(command.from()) + " until " + expires);
    });
    return new SignedIn(member, token, expires);
  }

  /**
   * The active member whose open session this token opens. Using it moves the session's idle
   * limit on (written at most once a minute).
   */
  public Optional<StaffMember> member(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    Instant now = context.now();
    return context.storage.staffAccounts().session(Digests.sha256(token), now).flatMap(s -> {
      Optional<StaffMember> member = context.storage.staffAccounts().find(s.username())
          .filter(StaffAccount::active).map(StaffAccount::member);
      Duration idle = Duration.between(s.lastSeenAt(), s.idleUntil());
      Duration unused = Duration.between(s.lastSeenAt(), now);
      if (member.isPresent() && (unused.compareTo(TOUCH_EVERY) >= 0 || unused.multipliedBy(2).compareTo(idle) >= 0)) {
        StaffSession used = s.usedAt(now, idle);
        context.storage.staffAccounts().touch(used.tokenHash(), used.lastSeenAt(), used.idleUntil());
      }
      return member;
    });
  }

  /**
   * The active member of this user name, for a caller that proved who they are by other means (a
   * header set by the portal's single sign-on). Never held to a password change: they sign on
   * without one.
   */
  public Optional<StaffMember> activeMember(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    return context.storage.staffAccounts().find(username.strip()).filter(StaffAccount::active)
        .map(a -> new StaffMember(a.username(), a.role(), a.official(), false, a.office()));
  }

  /** Ends the session this token opens, and audits it; nothing happens for an unknown token. */
  public void signOut(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return;
    }
    String hash = Digests.sha256(token);
    context.storage.transactions().run(() ->
        context.storage.staffAccounts().session(hash, context.now()).ifPresent(session -> {
          context.storage.staffAccounts().endSession(hash);
          audit(session.username(), "staff.logout", null);
        }));
  }

  /**
   * The member's own open sessions, oldest first.
   *
   * @param currentToken the token of the asking request, to mark its session; may be null
   */
  public List<OpenSession> sessions(StaffMember member, String currentToken) {
    String current = currentToken == null ? null : Digests.sha256(currentToken);
    return context.storage.staffAccounts().sessions(member.username(), context.now()).stream()
        .map(s -> new OpenSession(s.id(), s.createdAt(), s.lastSeenAt(), s.idleUntil(), s.client(), s.userAgent(),
            s.tokenHash().equals(current)))
        .toList();
  }

  /**
   * Ends one of the member's own sessions (the current one too: that is a sign-out).
   *
   * @throws NotFound if they have no open session of this id
   */
  public void endSession(StaffMember member, String id) {
    context.storage.transactions().run(() -> {
      StaffSession session = context.storage.staffAccounts().sessions(member.username(), context.now()).stream()
          .filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new NotFound("session", id));
      context.storage.staffAccounts().endSession(session.tokenHash());
      context.audit(member, "staff.session.end", member.username(), null, "session " + session.id());
    });
  }

  /**
   * Ends every session of an account: an administrator's answer to a lost laptop.
   *
   * @return how many were ended
   * @throws org.civicdiary.booking.error.NotPermitted unless the actor is an administrator or the owner
   */
  public int endSessions(StaffMember actor, String username) {
    Context.permit(actor.role() == Role.ADMIN || actor.username().equals(username), "end another person's sessions");
    return context.storage.transactions().inTransaction(() -> {
      int ended = context.storage.staffAccounts().endSessions(username, null);
      context.audit(actor, "staff.sessions.end", username, null, ended + " sessions ended");
      return ended;
    });
  }

  /**
   * Changes the member's own password after checking the present one, and ends every other session
   * of theirs (the one they change it from stays open: they just proved who they are). This also
   * lifts a required change.
   *
   * @param currentToken the token of the session they change it from, or null to end every session
   * @throws InvalidInput (field {@code currentPassword}) if the present password is wrong, (field
   *     {@code newPassword}) if the new one is too short or too long, too easy to guess, or the same
   * @throws org.civicdiary.booking.error.NotPermitted if the account is gone or disabled
   */
  public void changePassword(StaffMember member, String currentToken, PasswordChange change) {
    StaffAccount account = context.storage.staffAccounts().find(member.username()).filter(StaffAccount::active)
        .orElseThrow(() -> new NotPermitted("change the password of a disabled account"));
    // Slow on purpose: outside the unit of work, so that it holds no connection meanwhile.
    if (!Passwords.verify(change.currentPassword(), account.passwordHash())) {
      throw new InvalidInput("currentPassword", "is not the present password");
    }
    String password = change.newPassword();
    if (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
      throw new InvalidInput("newPassword", "must be " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH
          + " characters");
    }
    if (password.equals(change.currentPassword())) {
      throw new InvalidInput("newPassword", "must differ from the present password");
    }
    strength.weakness(password, userInputs(account)).ifPresent(weakness -> {
      throw new InvalidInput("newPassword", "is too easy to guess: " + weakness);
    });
    String hash = Passwords.hash(password);
    String keep = currentToken == null ? null : Digests.sha256(currentToken);
    context.storage.transactions().run(() -> {
      StaffAccount now = context.storage.staffAccounts().find(account.username()).orElseThrow(
          () -> new NotPermitted("change the password of a removed account"));
      context.storage.staffAccounts().save(new StaffAccount(now.username(), hash, now.role(), now.official(),
          now.active(), false, now.office()));
      int ended = context.storage.staffAccounts().endSessions(now.username(), keep);
      context.audit(member, "staff.password.change", now.username(), null, ended + " other sessions ended");
    });
  }

  /** What a guesser tries first: the user name and its parts, the person's name, the offices' names. */
  private List<String> userInputs(StaffAccount account) {
    List<String> inputs = new ArrayList<>();
    inputs.add(account.username());
    inputs.addAll(List.of(account.username().split("[^\\p{L}\\p{N}]+")));
    if (account.official() != null) {
      context.storage.directory().official(account.official()).ifPresent(o -> {
        inputs.add(o.name());
        inputs.addAll(List.of(o.name().split("\\s+")));
      });
    }
    for (Office office : context.storage.directory().offices()) {
      inputs.add(office.name().cs());
      inputs.add(office.name().en());
    }
    inputs.add("civic-diary");
    return inputs.stream().filter(w -> !w.isBlank()).distinct().toList();
  }

  /**
   * A failed sign-in is audited under the account's name when there is such an account, else under
   * {@value #UNKNOWN}: a name nobody has is often a password typed into the wrong field, and the
   * audit log outlives everything else.
   */
  private void auditFailure(Optional<StaffAccount> account, SignIn command) {
    String name = account.map(StaffAccount::username).orElse(UNKNOWN);
    context.storage.transactions().run(() -> audit(name, "staff.login-failed", from(command.from())));
  }

  private void audit(String username, String action, String after) {
    context.storage.auditLog().record(new AuditEntry(context.now(), username, action, username, null, after));
  }

  private static String from(String from) {
    return "from " + (from == null ? "unknown" : from);
  }

  private String randomText(int bytes) {
    byte[] secret = new byte[bytes];
    context.random.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /**
   * Enough of a client address for its owner to tell their sessions apart, not enough to find
   * them: an IPv4 /24 ({@code 192.0.2.x}) or the first three groups of an IPv6 address.
   */
  static String shortAddress(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    String a = address.strip();
    if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return a.substring(0, a.lastIndexOf('.')) + ".x";
    }
    if (a.contains(":")) {
      String[] groups = a.split(":", -1);
      if (groups.length <= 4) {
        return a;
      }
      StringBuilder shortened = new StringBuilder();
      for (int i = 0; i < Math.min(3, groups.length); i++) {
        shortened.append(groups[i]).append(':');
      }
      return shortened.append(':').toString().replaceAll(":{3,}$", "::");
    }
    return a.length() <= 64 ? a : a.substring(0, 64);
  }

}
