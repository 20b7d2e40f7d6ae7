/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import org.civicdiary.booking.model.AgendaId;
import java.util.Set;
import java.util.LinkedHashSet;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.AbsenceKind;
import org.civicdiary.booking.model.ContactPhone;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WorkNote;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;

/**
 * The JSON the API accepts. Plain records: Jackson refuses unknown fields and wrong types; the
 * core's records then refuse wrong values, naming the field.
 */
public final class Bodies {
  private Bodies() {}

  /**
   * A booking; {@code language} is {@code cs} (default) or {@code en}. The start is an instant or a
   * date and time in the office's zone ({@link TypedTime}).
   */
  record BookingBody(String official, String agenda, Instant start, LocalDate startDate, LocalTime startTime,
      String name, String email, String phone, String topic, String language, Boolean withoutContact) {
    TypedTime typedStart() {
      return new TypedTime("start", start, startDate, startTime);
    }
  }

  /** For changes that take no input: an empty body or {@code {}}. */
  public record Empty() {}

  record RescheduleBody(String official, Instant start) {}

  record MoveBody(String official, Instant start, LocalDate startDate, LocalTime startTime, String note) {
    TypedTime typedStart() {
      return new TypedTime("start", start, startDate, startTime);
    }
  }

  record NoteBody(String note) {}

  record OutcomeBody(Status status) {}

  /** An operator's work note or contact attempt on a reservation. */
  record WorkNoteBody(WorkNote.Kind kind, String body) {}

  public record LoginBody(String username, String password, Boolean bearer) {}

  /** The second step of a login: the user name and token of the first, and a code. */
  public record SecondStepBody(String username, String token, String code, Boolean bearer) {}

  /** A code from the authenticator app. */
  public record CodeBody(String code) {}

  /** The password, a present code or a recovery code, to turn the second factor off. */
  public record ProofBody(String proof) {}

  /** One's own new password, with the present one. */
  public record PasswordBody(String currentPassword, String newPassword) {}

  /** An absence; each end is an instant or a date and time in the office's zone ({@link TypedTime}). */
  record AbsenceBody(Instant start, LocalDate startDate, LocalTime startTime, Instant end, LocalDate endDate,
      LocalTime endTime, AbsenceKind kind, String reason) {
    TypedTime typedStart() {
      return new TypedTime("start", start, startDate, startTime);
    }

    TypedTime typedEnd() {
      return new TypedTime("end", end, endDate, endTime);
    }
  }

  /**
   * A weekly window; {@code validUntil}, {@code place}, the phone share ({@code phoneSlots} or
   * {@code phonePercent}, none), {@code holidayOpenings} (none) and {@code agendas} (every agenda)
   * may be left out. {@code onHolidays}, the former flag, is still accepted and ignored: a window
   * opens on a holiday only on its {@code holidayOpenings}.
   */
  record WindowBody(DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom, LocalDate validUntil,
      Boolean onHolidays, Place place, Integer phoneSlots, Integer phonePercent, List<LocalDate> holidayOpenings,
      List<String> agendas) {
    Window window() {
      Set<AgendaId> served = new LinkedHashSet<>();
      List<String> listed = agendas == null ? List.of() : agendas;
      for (int i = 0; i < listed.size(); i++) {
        served.add(AgendaId.of(required("agendas[" + i + "]", listed.get(i))));
      }
      Set<LocalDate> opened = new LinkedHashSet<>();
      List<LocalDate> dates = holidayOpenings == null ? List.of() : holidayOpenings;
      for (int i = 0; i < dates.size(); i++) {
        opened.add(required("holidayOpenings[" + i + "]", dates.get(i)));
      }
      return new Window(day, start, end, validFrom, validUntil, opened, place,
          phoneSlots == null ? 0 : phoneSlots, phonePercent == null ? 0 : phonePercent, served);
    }
  }

  record WindowsBody(List<WindowBody> windows) {
    /** The windows, each error named with its place in the list, e.g. {@code windows[2].end}. */
    List<Window> toWindows() {
      List<Window> result = new java.util.ArrayList<>();
      for (int i = 0; i < required("windows", windows).size(); i++) {
        try {
          result.add(required("windows[" + i + "]", windows.get(i)).window());
        } catch (InvalidInput e) {
          throw e.field().startsWith("windows[") ? e : new InvalidInput("windows[" + i + "]." + e.field(), e.problem());
        }
      }
      return result;
    }
  }

  record WalkInHoursBody(List<WalkInHours> hours) {}

  /**
   * The office's rules; {@code feedShowsCitizenNames}, {@code phoneShareRelease} and {@code
   * proposalHold} may be left out to keep the present value.
   */
  record PolicyBody(Integer horizonDays, Duration minimumNotice, Integer maxOpenPerEmail, Integer topicMaxLength,
      Integer retentionDays, Duration reminderLead, Boolean feedShowsCitizenNames, Duration phoneShareRelease,
      Integer maxDailyPerEmail,
      Duration proposalHold) {}

  /** {@code holidayCalendar} left out keeps the present one ({@code CZ} for a new office). */
  record OfficeBody(LocalizedText name, String zone, Integer slotMinutes, Place place, List<ContactPhone> phones,
      PolicyBody policy, String holidayCalendar) {}

  record DepartmentBody(String office, LocalizedText name, Place place) {}

  record OfficialBody(String department, String name, String room, String email, Boolean active) {}

  record AgendaBody(String department, LocalizedText name, Integer slots, List<String> officials) {}

  /** An official's deputies for one agenda, first asked first; an empty list removes them. */
  record DeputiesBody(List<String> deputies) {}

  /** A staff account; {@code password} may be left out to keep the present one. */
  record AccountBody(Role role, String official, Boolean active, String password, String office) {}

  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidInput(field, "is required");
    }
    return value;
  }
}
