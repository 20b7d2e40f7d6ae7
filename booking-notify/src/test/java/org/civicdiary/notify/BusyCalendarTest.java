/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.civicdiary.booking.model.BusyTime;
import org.civicdiary.booking.model.OfficialId;
import org.junit.jupiter.api.Test;

/** Time zones as a feed names them, read once per document (see {@link DocumentZones}). */
class BusyCalendarTest {
  private static final OfficialId NOVAK = OfficialId.of("novak");
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final Instant FROM = Instant.parse("2027-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2027-04-01T00:00:00Z");

  @Test
  void theDocumentsOwnDefinitionOfAZoneWinsAndAZoneItOnlyNamesIsReadByItsGlobalName() throws Exception {
    List<BusyTime> busy = read(zone("Europe/Prague", "+0500")
        + event("a", "Europe/Prague", "20270308T090000", "20270308T100000")
        + event("b", "America/New_York", "20270308T090000", "20270308T100000")
        + event("c", "America/New_York", "20270315T090000", "20270315T100000"));
    assertThat(busy).containsExactly(
        new BusyTime(NOVAK, Instant.parse("2027-03-08T04:00:00Z"), Instant.parse("2027-03-08T05:00:00Z")),
        // New York before and after its own spring change (14 March 2027)
        new BusyTime(NOVAK, Instant.parse("2027-03-08T14:00:00Z"), Instant.parse("2027-03-08T15:00:00Z")),
        new BusyTime(NOVAK, Instant.parse("2027-03-15T13:00:00Z"), Instant.parse("2027-03-15T14:00:00Z")));
  }

  @Test
  void twoDocumentsDefiningOneZoneNameDifferentlyEachKeepTheirOwn() throws Exception {
    String meeting = event("m", "Office Time", "20270310T090000", "20270310T100000");
    assertThat(read(zone("Office Time", "+0100") + meeting)).containsExactly(
        new BusyTime(NOVAK, Instant.parse("2027-03-10T08:00:00Z"), Instant.parse("2027-03-10T09:00:00Z")));
    assertThat(read(zone("Office Time", "+0300") + meeting)).containsExactly(
        new BusyTime(NOVAK, Instant.parse("2027-03-10T06:00:00Z"), Instant.parse("2027-03-10T07:00:00Z")));
    assertThat(read(meeting.replace("Office Time", "Europe/Prague"))).as("no definition: the global name")
        .containsExactly(
            new BusyTime(NOVAK, Instant.parse("2027-03-10T08:00:00Z"), Instant.parse("2027-03-10T09:00:00Z")));
  }

  @Test
  void aRecurringMeetingInANamedZoneKeepsItsLocalTimeAcrossTheChange() throws Exception {
    List<BusyTime> busy = read(event("w", "Europe/Prague", "20270322T090000", "20270322T100000")
        .replace("END:VEVENT", "RRULE:FREQ=WEEKLY;COUNT=2\r\nEND:VEVENT"));
    assertThat(busy).containsExactly(
        new BusyTime(NOVAK, Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-22T09:00:00Z")),
        new BusyTime(NOVAK, Instant.parse("2027-03-29T07:00:00Z"), Instant.parse("2027-03-29T08:00:00Z")));
  }

  private static List<BusyTime> read(String events) throws BusyCalendar.Rejected {
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events + "END:VCALENDAR\r\n";
    return BusyCalendar.busy(NOVAK, new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)), PRAGUE, FROM,
        TO, 100);
  }

  private static String zone(String tzId, String offset) {
    return "BEGIN:VTIMEZONE\r\nTZID:" + tzId + "\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        + "TZOFFSETFROM:" + offset + "\r\nTZOFFSETTO:" + offset + "\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
  }

  private static String event(String uid, String tzId, String start, String end) {
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20270201T000000Z\r\nSUMMARY:Private\r\n"
        + "DTSTART;TZID=" + tzId + ":" + start + "\r\nDTEND;TZID=" + tzId + ":" + end + "\r\nEND:VEVENT\r\n";
  }
}
