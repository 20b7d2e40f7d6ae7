/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.civicdiary.booking.model.BookingPolicy;

/**
 * The whole directory as one document: offices, and departments with their walk-in hours,
 * officials (with their weekly windows) and agendas (with their officials' deputies). Every object is keyed by its id, the
 * administrator's short code ({@code praha-6}, {@code jan-novak}), so a document can be exported,
 * edited and imported again.
 *
 * <p>These records hold what a file says, unchecked: {@link ImportingDirectory} checks the whole
 * document and names every error by its JSON path. A list left out ({@code null}) leaves what is
 * stored as it is; an empty list empties it (an official's windows, a department's walk-in hours).
 * Objects the document does not name are left alone: an import never deletes.
 *
 * @param format the document's format version, {@value #FORMAT}; may be left out
 */
public record DirectoryDocument(Integer format, List<OfficeEntry> offices, List<DepartmentEntry> departments) {
  public static final int FORMAT = 1;

  /** A text in Czech and English. */
  public record Text(String cs, String en) {}

  /**
   * A place; its description (how to find it) is optional, and one given in a single language
   * stands for both.
   */
  public record PlaceEntry(String name, String address, Text description) {
    /** A place without a description. */
    public PlaceEntry(String name, String address) {
      this(name, address, null);
    }
  }

  public record PhoneEntry(Text purpose, String number) {}

  /**
   * The office's booking rules; a field left out takes the default's value (so a document that
   * leaves out {@code feedShowsCitizenNames} keeps citizens' names out of the officials' feeds).
   *
   * @param phoneShareRelease how long before a window occurrence its phone share is released to the web
   * @param maxDailyPerEmail how many meetings one e-mail address may hold with one official on one day
   * @param proposalHold how long the times proposed to a displaced citizen stay held for them
   */
  public record PolicyEntry(Integer horizonDays, Duration minimumNotice, Integer maxOpenPerEmail,
      Integer topicMaxLength, Integer retentionDays, Duration reminderLead, Boolean feedShowsCitizenNames,
      Duration phoneShareRelease, Integer maxDailyPerEmail, Duration proposalHold) {
    /** Rules with the default hold of proposals. */
    public PolicyEntry(Integer horizonDays, Duration minimumNotice, Integer maxOpenPerEmail, Integer topicMaxLength,
        Integer retentionDays, Duration reminderLead, Boolean feedShowsCitizenNames, Duration phoneShareRelease,
        Integer maxDailyPerEmail) {
      this(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays, reminderLead,
          feedShowsCitizenNames, phoneShareRelease, maxDailyPerEmail, BookingPolicy.PROPOSAL_HOLD);
    }

    /** Rules with the default daily limit per address and official. */
    public PolicyEntry(Integer horizonDays, Duration minimumNotice, Integer maxOpenPerEmail, Integer topicMaxLength,
        Integer retentionDays, Duration reminderLead, Boolean feedShowsCitizenNames, Duration phoneShareRelease) {
      this(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays, reminderLead,
          feedShowsCitizenNames, phoneShareRelease, BookingPolicy.MAX_DAILY_PER_EMAIL);
    }

    /** Rules with the default release of phone shares. */
    public PolicyEntry(Integer horizonDays, Duration minimumNotice, Integer maxOpenPerEmail, Integer topicMaxLength,
        Integer retentionDays, Duration reminderLead, Boolean feedShowsCitizenNames) {
      this(horizonDays, minimumNotice, maxOpenPerEmail, topicMaxLength, retentionDays, reminderLead,
          feedShowsCitizenNames, BookingPolicy.PHONE_SHARE_RELEASE);
    }
  }

  /**
   * @param zone a time-zone id such as {@code Europe/Prague}
   * @param slotMinutes the slot length, a divisor of 60 of at least 5
   * @param policy left out: the default rules
   * @param holidayCalendar the name of its public-holiday calendar; left out: {@code CZ}, the built-in one
   */
  public record OfficeEntry(String id, Text name, String zone, Integer slotMinutes, PlaceEntry place,
      List<PhoneEntry> phones, PolicyEntry policy, String holidayCalendar) {
    /** An office of the built-in Czech holidays. */
    public OfficeEntry(String id, Text name, String zone, Integer slotMinutes, PlaceEntry place,
        List<PhoneEntry> phones, PolicyEntry policy) {
      this(id, name, zone, slotMinutes, place, phones, policy, null);
    }
  }

  public record DepartmentEntry(String id, String office, Text name, PlaceEntry place, List<HoursEntry> walkInHours,
      List<OfficialEntry> officials, List<AgendaEntry> agendas) {}

  /** Walk-in office hours of a department on one weekday. */
  public record HoursEntry(DayOfWeek day, LocalTime start, LocalTime end) {}

  /** @param active left out: true */
  public record OfficialEntry(String id, String name, String room, String email, Boolean active,
      List<WindowEntry> windows) {}

  /**
   * @param onHolidays the former "also on public holidays" flag, still read so that older documents
   *     import, and ignored: a window opens on a holiday only on its {@code holidayOpenings}; never written
   * @param place left out: the official's room
   * @param phoneSlots slots of each occurrence kept for the phone; left out: none
   * @param phonePercent or the percentage of them kept for the phone; left out: none
   * @param holidayOpenings public holidays it opens on all the same; left out: none
   * @param agendas ids of the agendas it serves, each handled by the official; left out: every agenda
   */
  public record WindowEntry(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validUntil,
      Boolean onHolidays, PlaceEntry place, Integer phoneSlots, Integer phonePercent, List<LocalDate> holidayOpenings,
      List<String> agendas) {
    /** A window that keeps no phone share. */
    public WindowEntry(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validUntil,
        Boolean onHolidays, PlaceEntry place) {
      this(day, start, end, validFrom, validUntil, onHolidays, place, null, null);
    }

    /** A window of every agenda that opens on no holiday. */
    public WindowEntry(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validUntil,
        Boolean onHolidays, PlaceEntry place, Integer phoneSlots, Integer phonePercent) {
      this(day, start, end, validFrom, validUntil, onHolidays, place, phoneSlots, phonePercent, null, null);
    }
  }

  /**
   * @param slots left out: 1
   * @param officials ids of officials of the same department
   * @param deputies every deputies list of the agenda: an official of the agenda not listed has
   *     none after the import; left out, the stored lists stay as they are
   */
  public record AgendaEntry(String id, Text name, Integer slots, List<String> officials,
      List<DeputiesEntry> deputies) {
    /** An agenda whose deputies the document leaves alone. */
    public AgendaEntry(String id, Text name, Integer slots, List<String> officials) {
      this(id, name, slots, officials, null);
    }
  }

  /**
   * Who stands in for one official of the agenda, in the order they are asked.
   *
   * @param official an official of the agenda
   * @param deputies ids of other active officials of the agenda, at most {@value
   *     org.civicdiary.booking.model.Deputies#MAX}
   */
  public record DeputiesEntry(String official, List<String> deputies) {}
}
