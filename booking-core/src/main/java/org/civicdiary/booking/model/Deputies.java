/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicdiary.booking.error.InvalidInput;

/**
 * Who stands in for an official for one agenda, in the order they are asked: their free time is
 * proposed before other colleagues' when the official is absent or full. An empty list means none.
 */
public record Deputies(OfficialId official, AgendaId agenda, List<OfficialId> deputies) {
  /** More would never all be proposed; a longer list is a typing mistake. */
  public static final int MAX = 10;

  public Deputies {
    Check.present("official", official);
    Check.present("agenda", agenda);
    if (Check.present("deputies", deputies).size() > MAX) {
      throw new InvalidInput("deputies", "at most " + MAX);
    }
    Set<OfficialId> seen = new HashSet<>();
    for (OfficialId deputy : deputies) {
      if (deputy == null) {
        throw new InvalidInput("deputies", "must not hold an empty entry");
      }
      if (deputy.equals(official)) {
        throw new InvalidInput("deputies", "official " + official + " cannot be their own deputy");
      }
      if (!seen.add(deputy)) {
        throw new InvalidInput("deputies", "official " + deputy + " is named twice");
      }
    }
    deputies = List.copyOf(deputies);
  }

  public static Deputies none(OfficialId official, AgendaId agenda) {
    return new Deputies(official, agenda, List.of());
  }
}
