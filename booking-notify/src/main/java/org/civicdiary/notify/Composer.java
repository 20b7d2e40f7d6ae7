/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.ContactPhone;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.FreeSlot;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.MessageKind;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.OutboxMessage;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.model.WaitingListStatus;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Directory;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;

/**
 * Turns an outbox message into the notice the channels send, or finds it obsolete. The message's
 * own snapshot (time, official, sequence, note) says what happened; names come from the directory
 * and the reservation as they are now.
 */
final class Composer {
  private final Storage storage;
  private final CivicDiary diary;
  private final Clock clock;
  private final NotifyConfig notify;
  private final MailConfig mail;
  private final Templates templates;
  private final Invitations invitations = new Invitations();

  Composer(Storage storage, CivicDiary diary, Clock clock, NotifyConfig notify, MailConfig mail) {
    this.storage = storage;
    this.diary = diary;
    this.clock = clock;
    this.notify = notify;
    this.mail = mail;
    this.templates = new Templates(notify.templates());
  }

  /** What became of one outbox message. */
  sealed interface Composed permits Ready, Obsolete {}

  record Ready(Notice notice) implements Composed {}

  /** Dropped on purpose: nobody should receive it any more. */
  record Obsolete(String reason) implements Composed {}

  static String messageId(OutboxMessage message, String domain) {
    return "<" + message.id() + "@" + domain + ">";
  }

  Composed compose(OutboxMessage message) {
    if (message.kind() == MessageKind.WAITING_LIST_CONFIRMATION) {
      return composeEntry(message);
    }
    Optional<Reservation> found = storage.reservations().find(message.reservation());
    if (found.isEmpty()) {
      return new Obsolete("the reservation no longer exists");
    }
    Reservation reservation = found.get();
    if (reservation.citizen().email() == null) {
      return new Obsolete("the reservation has no e-mail address");
    }
    if (message.kind() == MessageKind.REMINDER
        && (reservation.status() != Status.ACTIVE || reservation.sequence() != message.sequence())) {
      return new Obsolete("the reminder is out of date: the reservation is " + reservation.status()
          + " at sequence " + reservation.sequence());
    }
    Optional<WaitingListEntry> offeredTo = Optional.empty();
    if (message.kind() == MessageKind.WAITING_LIST_OFFER) {
      offeredTo = storage.waitingList().findByHold(reservation.id());
      if (reservation.status() != Status.HELD || offeredTo.isEmpty()) {
        return new Obsolete("the offer has ended: the hold is " + reservation.status());
      }
    }
    Directory directory = storage.directory();
    Official official = directory.official(message.official())
        .orElseThrow(() -> new NotFound("official", message.official().value()));
    Department department = directory.department(reservation.department())
        .orElseThrow(() -> new NotFound("department", reservation.department().value()));
    Office office = directory.office(department.office())
        .orElseThrow(() -> new NotFound("office", department.office().value()));
    Agenda agenda = directory.agenda(reservation.agenda())
        .orElseThrow(() -> new NotFound("agenda", reservation.agenda().value()));

    // Only hashes are stored, so every message carries a token of its own.
    ManageToken token = diary.issuingManageLinks().issue(reservation.id());
    String manageLink = offeredTo.isPresent() ? notify.waitingListOfferLink(token.value())
        : notify.manageLink(token.value());
    Language language = reservation.language();
    Place place = placeOf(official, department, office, message.start());

    Map<String, Object> scope = new HashMap<>();
    scope.put("citizenName", SafeText.unlinked(reservation.citizen().name()));
    scope.put("office", office.name().in(language));
    scope.put("department", department.name().in(language));
    scope.put("official", official.name());
    scope.put("agenda", agenda.name().in(language));
    scope.put("topic", reservation.topic().isBlank() ? null : SafeText.unlinked(reservation.topic()));
    scope.put("when", LocalTimes.when(message.start(), office.zone(), language));
    scope.put("date", LocalTimes.date(message.start(), office.zone(), language));
    scope.put("time", LocalTimes.time(message.start(), office.zone()));
    scope.put("endTime", LocalTimes.time(message.end(), office.zone()));
    scope.put("placeName", place.name());
    scope.put("placeAddress", place.address());
    scope.put("room", official.room());
    scope.put("place", placeLine(place, official.room(), language));
    scope.put("manageLink", manageLink);
    scope.put("note", message.note());
    scope.put("reference", reservation.code().value());
    scope.put("jsonLd", ReservationMarkup.of(new ReservationMarkup.Facts(message.kind(), reservation.code().value(),
        agenda.name().in(language), SafeText.unlinked(reservation.topic()), message.start(), message.end(), office.zone(),
        place, official.room(), SafeText.unlinked(reservation.citizen().name()), manageLink)));
    List<Map<String, Object>> phones = new ArrayList<>();
    for (ContactPhone phone : office.phones()) {
      phones.add(Map.of("purpose", phone.purpose().in(language), "number", phone.number()));
    }
    scope.put("phones", phones);
    offeredTo.ifPresent(entry -> scope.put("holdUntil", LocalTimes.when(entry.holdUntil(), office.zone(), language)));
    // The first published number is the call centre's.
    String phone = office.phones().isEmpty() ? null : office.phones().get(0).number();
    scope.put("phone", phone);
    scope.put("phoneLink", phone == null ? null : phone.replace(" ", ""));
    if (message.kind() == MessageKind.RESCHEDULED) {
      // A message from before the move kept its previous state reads as a move in time, as it always did.
      boolean timeMoved = message.previousStart() == null || !message.previousStart().equals(message.start());
      boolean officialChanged = message.previousOfficial() != null && !message.previousOfficial().equals(official.id());
      scope.put("timeMoved", timeMoved);
      scope.put("officialChanged", officialChanged);
      scope.put("previousWhen", message.previousStart() == null ? null
          : LocalTimes.when(message.previousStart(), office.zone(), language));
      scope.put("previousOfficial", officialChanged
          ? directory.official(message.previousOfficial()).map(Official::name).orElse(null) : null);
    }
    if (message.kind() == MessageKind.DISPLACED) {
      List<Map<String, Object>> proposals = proposals(token, manageLink, office, language);
      scope.put("proposals", proposals);
      scope.put("hasProposals", !proposals.isEmpty());
    }

    Instant now = clock.instant();
    Invitation invitation = invitation(message, reservation, official, office, agenda, language,
        placeLine(place, official.room(), language), manageLink, now);
    Notice notice = new Notice(
        messageId(message, mail.messageIdDomain()),
        message,
        language,
        reservation.citizen().name(),
        reservation.citizen().email(),
        reservation.citizen().phone(),
        templates.subject(message.kind(), language, scope),
        templates.text(message.kind(), language, scope),
        templates.html(message.kind(), language, scope),
        invitation,
        manageLink,
        office.zone());
    return new Ready(notice);
  }

  /** The message asking to confirm a waiting-list entry's address: its id is the entry's. */
  private Composed composeEntry(OutboxMessage message) {
    Optional<WaitingListEntry> found = storage.waitingList().find(new WaitingListEntryId(message.reservation().value()));
    if (found.isEmpty() || found.get().status() != WaitingListStatus.UNCONFIRMED) {
      return new Obsolete("the waiting-list entry no longer waits for its confirmation");
    }
    WaitingListEntry entry = found.get();
    if (entry.citizen().email() == null) {
      return new Obsolete("the waiting-list entry has no e-mail address");
    }
    Directory directory = storage.directory();
    Department department = directory.department(entry.department())
        .orElseThrow(() -> new NotFound("department", entry.department().value()));
    Office office = directory.office(department.office())
        .orElseThrow(() -> new NotFound("office", department.office().value()));
    Agenda agenda = directory.agenda(entry.agenda())
        .orElseThrow(() -> new NotFound("agenda", entry.agenda().value()));
    Language language = entry.language();
    String link = notify.waitingListEntryLink(diary.keepingWaitingList().issueToken(entry.id()).value());
    Map<String, Object> scope = new HashMap<>();
    scope.put("citizenName", SafeText.unlinked(entry.citizen().name()));
    scope.put("office", office.name().in(language));
    scope.put("department", department.name().in(language));
    scope.put("official", entry.official() == null ? null
        : directory.official(entry.official()).map(Official::name).orElse(null));
    scope.put("agenda", agenda.name().in(language));
    scope.put("topic", entry.topic().isBlank() ? null : SafeText.unlinked(entry.topic()));
    scope.put("firstDay", LocalTimes.date(entry.rangeStart(), office.zone(), language));
    scope.put("lastDay", LocalTimes.date(entry.rangeEnd().minusSeconds(1), office.zone(), language));
    scope.put("place", placeLine(department.place(), null, language));
    scope.put("manageLink", link);
    scope.put("reference", entry.id().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    String phone = office.phones().isEmpty() ? null : office.phones().get(0).number();
    scope.put("phone", phone);
    scope.put("phoneLink", phone == null ? null : phone.replace(" ", ""));
    return new Ready(new Notice(messageId(message, mail.messageIdDomain()), message, language,
        entry.citizen().name(), entry.citizen().email(), entry.citizen().phone(),
        templates.subject(message.kind(), language, scope), templates.text(message.kind(), language, scope),
        templates.html(message.kind(), language, scope), null, link, office.zone()));
  }

  /** Replacement times, found the same way the manage page finds them, each with its own link. */
  private List<Map<String, Object>> proposals(ManageToken token, String manageLink, Office office, Language language) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (FreeSlot slot : diary.managingOwnReservation().proposals(token)) {
      String name = storage.directory().official(slot.official()).map(Official::name).orElse("");
      result.add(Map.of(
          "when", LocalTimes.when(slot.start(), office.zone(), language),
          "official", name,
          "link", proposalLink(manageLink, slot.official(), slot.start())));
    }
    return result;
  }

  static String proposalLink(String manageLink, OfficialId official, Instant start) {
    return manageLink + "?official=" + URLEncoder.encode(official.value(), StandardCharsets.UTF_8)
        + "&start=" + URLEncoder.encode(start.toString(), StandardCharsets.UTF_8);
  }

  private Invitation invitation(OutboxMessage message, Reservation reservation, Official official, Office office,
      Agenda agenda, Language language, String location, String manageLink, Instant now) {
    if (message.kind() == MessageKind.REMINDER || message.kind() == MessageKind.WAITING_LIST_OFFER) {
      return null;
    }
    // A cancellation or a displacement removes the entry, so that nobody comes in vain at a time
    // that is gone; a later reschedule adds it back with a higher SEQUENCE.
    boolean request = message.kind() == MessageKind.CONFIRMATION || message.kind() == MessageKind.RESCHEDULED
        || message.kind() == MessageKind.RESTORED;
    String summary = (language == Language.CS ? "Schůzka: " : "Meeting: ") + agenda.name().in(language)
        + " – " + official.name();
    String description = (reservation.topic().isBlank() ? ""
        : (language == Language.CS ? "Téma, jak jste ho zadali: " : "Topic as you wrote it: ")
            + SafeText.unlinked(reservation.topic()) + "\n\n")
        + (language == Language.CS ? "Zobrazit, zrušit nebo přesunout: " : "View, cancel or move: ") + manageLink;
    Invitations.Meeting meeting = new Invitations.Meeting(
        Invitations.uid(reservation.id().toString(), mail.messageIdDomain()),
        message.sequence(),
        message.start(),
        message.end(),
        office.zone(),
        summary,
        location,
        description,
        office.name().in(language),
        mail.from().getAddress(),
        SafeText.unlinked(reservation.citizen().name()),
        reservation.citizen().email());
    return request ? invitations.request(meeting, now) : invitations.cancel(meeting, now);
  }

  /** A window may name another place (a branch office, the mobile town hall); else the department's. */
  private Place placeOf(Official official, Department department, Office office, Instant start) {
    LocalDate day = LocalDate.ofInstant(start, office.zone());
    LocalTime time = LocalTime.ofInstant(start, office.zone());
    for (Window window : storage.diaries().windows(official.id())) {
      if (window.place() != null && window.appliesOn(day)
          && !time.isBefore(window.start()) && time.isBefore(window.end())) {
        return window.place();
      }
    }
    return department.place();
  }

  /** Name, address and room, then how to find it in the citizen's language when the place says. */
  private static String placeLine(Place place, String room, Language language) {
    String where = place.name() + ", " + place.address();
    String line = room == null ? where : where + ", " + room;
    return place.description(language).map(d -> line + " (" + d + ")").orElse(line);
  }
}
