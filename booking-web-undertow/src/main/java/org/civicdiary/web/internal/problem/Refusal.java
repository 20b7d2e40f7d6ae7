/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdiary.booking.error.ProblemType;
import org.civicdiary.booking.error.ProblemType.Wording;

/**
 * The catalogue of the problems only the web layer answers (the core's are {@link ProblemType}):
 * code, status, title and the words the pages show. Together the two are every code the API sends.
 */
public enum Refusal {
  /** The public booking endpoint's one answer for every rule that depends on an address's reservations. */
  EMAIL_LIMIT("email-limit", 422, "This e-mail address cannot make this booking",
      new Wording("Na tuto e-mailovou adresu teď další schůzku objednat nelze. Své rezervace můžete spravovat odkazy z e-mailů, nebo zavolejte na call centrum.",
          "This e-mail address cannot book another meeting now. Manage your bookings from the links in your e-mails, or call the call centre.")),
  MALFORMED_JSON("malformed-json", 400, "The request body is not valid JSON",
      new Wording("Požadavek se nepodařilo přečíst. Zkuste to prosím znovu.", "The request could not be read. Please try again.")),
  UNAUTHENTICATED("unauthenticated", 401, "Log in first",
      new Wording("Přihlaste se prosím.", "Please log in.")),
  /** A public write with an integration's API key that is unknown or revoked: never a fallback to the proof of work. */
  API_KEY_INVALID("api-key-invalid", 401, "The API key is unknown or revoked",
      new Wording("Klíč API integrace je neplatný nebo byl zneplatněn. Obraťte se na správce systému.",
          "The integration's API key is not valid or was revoked. Please contact the administrator.")),
  LOGIN_FAILED("login-failed", 401, "Wrong user name or password",
      new Wording("Uživatelské jméno nebo heslo nesouhlasí.", "The user name or the password is wrong.")),
  /** Signed in with a password that must be changed first (the first administrator's, from the settings). */
  PASSWORD_CHANGE_REQUIRED("password-change-required", 403, "Change your password first",
      new Wording("Nejdřív si prosím změňte heslo. Heslo z nastavení serveru nesmí zůstat v platnosti.",
          "Please change your password first. The password from the server's settings must not stay in use.")),
  /**
   * The password was right, and the account has a second factor: the problem carries the token
   * ({@code secondStepToken}, until {@code expiresAt}) for the code.
   */
  SECOND_FACTOR_REQUIRED("second-factor-required", 401, "Enter the code from your authenticator app",
      new Wording("Zadejte prosím kód z ověřovací aplikace v telefonu, nebo jeden ze záložních kódů.",
          "Please enter the code from the authenticator app on your phone, or one of your recovery codes.")),
  /** The office requires administrators to have a second factor, and this one has none yet. */
  SECOND_FACTOR_ENROLMENT_REQUIRED("second-factor-enrolment-required", 403, "Set up your authenticator app first",
      new Wording("Úřad vyžaduje, aby správci měli dvoufázové ověření. Nejdřív si prosím nastavte ověřovací aplikaci v Mém účtu.",
          "The office requires administrators to use two-step verification. Please set up an authenticator app in My account first.")),
  CSRF("csrf", 403, "Not permitted",
      new Wording("Tento požadavek nelze přijmout. Načtěte si prosím stránku znovu.", "This request cannot be accepted. Please reload the page.")),
  CORS_REFUSED("cors-refused", 403, "Cross-origin request refused",
      new Wording("Objednávání teď na této stránce není k dispozici.", "Booking is not available on this page right now.")),
  METRICS_REFUSED("metrics-refused", 403, "Not permitted",
      new Wording("K metrikám nemáte přístup.", "The metrics are not served to you.")),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
      new Wording("Tento požadavek tu není možný.", "This request is not possible here.")),
  /** A made-up HTTP method: refused before any per-request state, counted under the method OTHER. */
  METHOD_NOT_IMPLEMENTED("method-not-implemented", 501, "Method not implemented",
      new Wording("Tento požadavek tu není možný.", "This request is not possible here.")),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key already used",
      new Wording("Tento požadavek už byl odeslán s jinými údaji. Načtěte si prosím stránku znovu.",
          "This request was already sent with other details. Please reload the page.")),
  BODY_TOO_LARGE("body-too-large", 413, "The request body is too large",
      new Wording("Odesílaných údajů je příliš mnoho.", "Too much was sent at once.")),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Send JSON",
      new Wording("Požadavek má nesprávný formát.", "The request has the wrong format.")),
  RATE_LIMITED("rate-limited", 429, "Too many requests",
      new Wording("Příliš mnoho pokusů za krátkou dobu. Zkuste to prosím znovu za {seconds} s.",
          "Too many attempts in a short time. Please try again in {seconds} s.")),
  INTERNAL("internal", 500, "Something went wrong on our side",
      new Wording("Něco se nepovedlo. Zkuste to prosím znovu.", "Something went wrong. Please try again.")),
  /** The time limit ran out while the request was being worked on: its outcome is unknown. */
  TIMEOUT("timeout", 503, "The request took too long",
      new Wording("Systém nestihl odpovědět včas. Zkuste to prosím znovu – stejná žádost se neprovede dvakrát.",
          "The system did not answer in time. Please try again; the same request is never carried out twice."));

  private final String code;
  private final int status;
  private final String title;
  private final Wording wording;

  Refusal(String code, int status, String title, Wording wording) {
    this.code = code;
    this.status = status;
    this.title = title;
    this.wording = wording;
  }

  public String code() {
    return code;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  Wording wording() {
    return wording;
  }

  /**
   * The pages' table of words, by language: each code's words, and each variant's under
   * {@code code.VARIANT} ({@code slot-not-bookable.TOO_SOON}). A text may hold {@code {seconds}},
   * which the page fills from {@code Retry-After}.
   */
  public static Map<String, Map<String, String>> pageTexts() {
    Map<String, String> cs = new LinkedHashMap<>();
    Map<String, String> en = new LinkedHashMap<>();
    for (ProblemType type : ProblemType.values()) {
      put(cs, en, type.code(), type.wording());
      type.variants().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(v -> put(cs, en, type.code() + "." + v.getKey(), v.getValue()));
    }
    for (Refusal refusal : values()) {
      put(cs, en, refusal.code(), refusal.wording());
    }
    Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    texts.put("cs", cs);
    texts.put("en", en);
    return texts;
  }

  private static void put(Map<String, String> cs, Map<String, String> en, String key, Wording wording) {
    if (cs.put(key, wording.cs()) != null || en.put(key, wording.en()) != null) {
      throw new IllegalStateException("problem code " + key + " is defined twice");
    }
  }
}
