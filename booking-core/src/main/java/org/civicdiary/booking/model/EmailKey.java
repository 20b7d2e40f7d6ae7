/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What every per-address rule counts by: one mailbox, however its address is spelt. {@code
 * Eva.Nova+1@GoogleMail.com} and {@code evanova@gmail.com} reach the same inbox, so they share one
 * allowance; otherwise one person holds as many allowances as spellings they care to type.
 *
 * <p>The normal form: letter case is ignored; a {@code +tag} is cut from the local part at every
 * provider (the common sub-addressing convention; a provider where {@code +} means something else
 * merely makes two of its users share a limit); dots in the local part are dropped only where the
 * provider ignores them, which is this short list: {@code gmail.com} and {@code googlemail.com}
 * (one mailbox domain, so the latter is read as the former). The list is deliberately fixed and
 * small: dropping dots at a provider that does not ignore them would merge different people.
 *
 * <p>Only the SHA-256 of the normal form is kept for the rules (the address as typed is kept
 * beside it for sending mail), so the counting column holds no address.
 */
public final class EmailKey {
  /** Providers whose mailboxes ignore dots in the local part, by domain, each with its mailbox domain. */
  private static final Map<String, String> DOTS_IGNORED = Map.of("gmail.com", "gmail.com",
      "googlemail.com", "gmail.com");

  private EmailKey() {}

  /** The key of an address: hex SHA-256 of its normal form, 64 characters. */
  public static String of(String email) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(mailbox(email).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The normal form: the one spelling of the mailbox that the address reaches. */
  public static String mailbox(String email) {
    String address = email.strip().toLowerCase(Locale.ROOT);
    int at = address.lastIndexOf('@');
    if (at <= 0) {
      return address;
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    int tag = local.indexOf('+');
    if (tag > 0) {
      local = local.substring(0, tag);
    }
    String mailboxDomain = DOTS_IGNORED.get(domain);
    if (mailboxDomain != null) {
      String dotless = local.replace(".", "");
      local = dotless.isEmpty() ? local : dotless;
      domain = mailboxDomain;
    }
    return local + "@" + domain;
  }
}
