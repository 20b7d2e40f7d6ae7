/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.civicdiary.booking.settings.InvalidSetting;

/** An IP address or a CIDR range from the settings, e.g. {@code 10.0.0.0/8} or {@code ::1}. */
public final class AddressRange {
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
  private final byte[] network;
  private final int bits;

  private AddressRange(byte[] network, int bits) {
    this.network = network;
    this.bits = bits;
  }

  public static List<AddressRange> parseAll(String key, List<String> texts) {
    return texts.stream().map(t -> parse(key, t)).toList();
  }

  static AddressRange parse(String key, String text) {
    String[] parts = text.strip().split("/", -1);
    try {
      InetAddress literal = parts.length > 2 ? null : literal(parts[0]);
      if (literal == null) {
        throw new IllegalArgumentException();
      }
      byte[] address = literal.getAddress();
      int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
      if (bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException();
      }
      return new AddressRange(address, bits);
    } catch (IllegalArgumentException e) {
      throw new InvalidSetting(key + " has '" + text + "' but must list IP addresses or CIDR ranges, e.g. 10.0.0.0/8");
    }
  }

  /** The address an IP literal names, or null for anything else (never a DNS look-up). */
  public static InetAddress literal(String text) {
    if (text.isEmpty() || text.length() > 45 || !LITERAL.matcher(text).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int full = bits / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  public static boolean anyContains(List<AddressRange> ranges, InetAddress address) {
    for (AddressRange range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
