/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Place;

/**
 * A place's columns, the same in every table that holds one: place_name, place_address and the
 * description's place_description_cs and place_description_en (both null on places without one).
 */
final class PlaceColumns {
  private PlaceColumns() {}

  static Place place(ResultSet rs) throws SQLException {
    String cs = rs.getString("place_description_cs");
    String en = rs.getString("place_description_en");
    return new Place(rs.getString("place_name"), rs.getString("place_address"),
        cs == null || en == null ? null : LocalizedText.of(cs, en));
  }

  static String descriptionCs(Place place) {
    return place == null || place.description() == null ? null : place.description().cs();
  }

  static String descriptionEn(Place place) {
    return place == null || place.description() == null ? null : place.description().en();
  }
}
