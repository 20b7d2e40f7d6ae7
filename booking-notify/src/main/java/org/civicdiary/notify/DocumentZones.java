/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;

/**
 * ical4j's time-zone registry for one document, answering each TZID once. ical4j reads a
 * date-time's zone again on every read of the date, and when the registry holds no zone of the
 * document's own it takes its global lookup, which copies the JDK's list of zones each time: that
 * was four fifths of a feed's parse. The document's VTIMEZONE answers first, then the JDK's zone
 * of that name, then ical4j's aliases.
 */
final class DocumentZones implements TimeZoneRegistry {
  /** Zone names outside any document resolve the same everywhere; bounded, as names come from feeds. */
  private static final Map<String, ZoneId> GLOBAL = new ConcurrentHashMap<>();
  private static final int GLOBAL_MAX = 2_000;
  /** ical4j asks the registry only when this is not empty; the rules themselves are never read. */
  private static final Map<String, ZoneRules> ASK_ME = Map.of("UTC", ZoneOffset.UTC.getRules());

  private final TimeZoneRegistry defined = TimeZoneRegistryFactory.getInstance().createRegistry();
  private final Map<String, ZoneId> answered = new HashMap<>();

  @Override
  public ZoneId getZoneId(String tzId) {
    ZoneId zone = answered.get(tzId);
    if (zone == null) {
      zone = resolve(tzId);
      answered.put(tzId, zone);
    }
    return zone;
  }

  private ZoneId resolve(String tzId) {
    if (!defined.getZoneRules().isEmpty()) {
      try {
        return defined.getZoneId(tzId);
      } catch (DateTimeException notDefinedHere) {
        // a zone the document names without defining it: a global name
      }
    }
    ZoneId known = GLOBAL.get(tzId);
    if (known != null) {
      return known;
    }
    ZoneId zone;
    try {
      // The JDK's zone first: ical4j 4.2.2's own copy of America/New_York, for one, moves to
      // summer time a week early in 2027.
      zone = ZoneId.of(tzId);
    } catch (DateTimeException notARegion) {
      zone = TimeZoneRegistry.getGlobalZoneId(tzId); // ical4j's aliases (Windows names and others)
    }
    if (GLOBAL.size() < GLOBAL_MAX) {
      GLOBAL.put(tzId, zone);
    }
    return zone;
  }

  @Override
  public Map<String, ZoneRules> getZoneRules() {
    Map<String, ZoneRules> rules = defined.getZoneRules();
    return rules.isEmpty() ? ASK_ME : rules;
  }

  @Override
  public void register(TimeZone timezone) {
    defined.register(timezone);
    answered.clear();
  }

  @Override
  public void register(TimeZone timezone, boolean update) {
    defined.register(timezone, update);
    answered.clear();
  }

  @Override
  public void clear() {
    defined.clear();
    answered.clear();
  }

  @Override
  public TimeZone getTimeZone(String id) {
    return defined.getTimeZone(id);
  }

  @Override
  public String getTzId(String zoneId) {
    return defined.getTzId(zoneId);
  }
}
