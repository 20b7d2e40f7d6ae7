/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.model;

import java.util.Optional;

/**
 * Where a meeting happens: the office's building, a branch office, the mobile town hall. The name
 * and address are written once (a street name is not translated); the optional description says,
 * in Czech and in English, how to find it ("Vchod z nádvoří, 2. patro" / "Entrance from the
 * courtyard, 2nd floor"). A place without one, as every place written before, is shown as before.
 */
public record Place(String name, String address, LocalizedText description) {
  public Place {
    name = Check.line("place.name", name, 200);
    address = Check.line("place.address", address, 300);
  }

  /** A place without a description. */
  public Place(String name, String address) {
    this(name, address, null);
  }

  /** The description in the language, if the place has one. */
  public Optional<String> description(Language language) {
    return Optional.ofNullable(description).map(d -> d.in(language));
  }
}
