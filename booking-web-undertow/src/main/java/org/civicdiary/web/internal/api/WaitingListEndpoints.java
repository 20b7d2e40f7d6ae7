/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.ManageToken;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.WaitingListEntry;
import org.civicdiary.booking.model.WaitingListEntryId;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.Offer;
import org.civicdiary.booking.usecase.WaitingListRequest;
import org.civicdiary.web.WebSettings;
import org.civicdiary.web.internal.api.Views.BookedView;
import org.civicdiary.web.internal.api.Views.CitizenView;
import org.civicdiary.web.internal.api.Views.ManageLink;
import org.civicdiary.web.internal.api.Views.Named;
import org.civicdiary.web.internal.api.Views.OfficialRef;
import org.civicdiary.web.internal.api.Views.ReservationView;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;

/**
 * The waiting list: a citizen joins (and confirms the address by the e-mailed link's page), takes or
 * declines an offered time by the offer link's page; staff see the list and add callers by phone.
 * Every change is a POST (mail scanners follow GET links); a token that opens nothing gets the same
 * 404 however it is wrong.
 */
final class WaitingListEndpoints {
  private final CivicDiary diary;
  private final WebSettings settings;

  WaitingListEndpoints(CivicDiary diary, WebSettings settings) {
    this.diary = diary;
    this.settings = settings;
  }

  /** The body of a request to watch for a free time. */
  record EntryBody(String official, String agenda, LocalDate firstDay, LocalDate lastDay, String name, String email,
      String phone, String topic, String language) {}

  /** An entry as its citizen sees it: nothing of anyone else's. */
  record EntryView(String id, String status, Named department, OfficialRef official, Named agenda, LocalDate firstDay,
      LocalDate lastDay, String language) {}

  /** An entry as staff see it. */
  record StaffEntryView(String id, String status, String department, String official, String agenda,
      LocalDate firstDay, LocalDate lastDay, CitizenView citizen, String topic, String channel, String language,
      Instant createdAt, String hold, Instant holdUntil) {
    static StaffEntryView of(WaitingListEntry e) {
      return new StaffEntryView(e.id().toString(), e.status().name(), e.department().value(),
          e.official() == null ? null : e.official().value(), e.agenda().value(), e.firstDay(), e.lastDay(),
          new CitizenView(e.citizen().name(), e.citizen().email(), e.citizen().phone()), e.topic(), e.channel().name(),
          e.language().tag(), e.createdAt(), e.hold() == null ? null : e.hold().toString(), e.holdUntil());
    }
  }

  record StaffEntriesView(List<StaffEntryView> entries) {}

  /** A time offered to the citizen: where, when, with whom, and until when it is held. */
  record OfferView(String status, Instant start, Instant end, Instant holdUntil, Named department, Place place,
      OfficialRef official, Named agenda, boolean open, String language) {}

  /** POST /api/v1/waiting-list: 202, the entry waits for its address to be confirmed. */
  Reply join(Call call) {
    WaitingListEntry entry = diary.keepingWaitingList().join(request(call.body(EntryBody.class), Channel.WEB));
    return Reply.json(202, view(entry));
  }

  /** GET /api/v1/waiting-list/entries/{token}: the entry the confirmation link opens. */
  Reply entry(Call call) {
    return Reply.ok(view(diary.keepingWaitingList().view(token(call))));
  }

  /** POST /api/v1/waiting-list/entries/{token}/confirm. */
  Reply confirm(Call call) {
    call.noBody();
    return Reply.ok(view(diary.keepingWaitingList().confirm(token(call))));
  }

  /** GET /api/v1/waiting-list/offers/{token}: the offered time. */
  Reply offer(Call call) {
    return Reply.ok(view(diary.keepingWaitingList().offer(token(call))));
  }

  /** POST /api/v1/waiting-list/offers/{token}/take: 201 with the reservation and its manage link. */
  Reply take(Call call) {
    call.noBody();
    Booked booked = diary.keepingWaitingList().take(token(call));
    return Reply.json(201, new BookedView(ReservationView.of(booked.reservation()),
        new ManageLink(booked.token().value(), settings.manageLink(booked.token().value()))));
  }

  /** POST /api/v1/waiting-list/offers/{token}/decline. */
  Reply decline(Call call) {
    call.noBody();
    return Reply.ok(view(diary.keepingWaitingList().decline(token(call))));
  }

  /** GET /api/v1/staff/waiting-list?department=&official=&agenda=&all=. */
  Reply list(Call call) {
    String official = call.query("official");
    String agenda = call.query("agenda");
    List<WaitingListEntry> entries = diary.keepingWaitingList().list(call.member(),
        DepartmentId.of(Bodies.required("department", call.query("department"))),
        official == null ? null : OfficialId.of(official), agenda == null ? null : AgendaId.of(agenda),
        "true".equals(call.query("all")));
    return Reply.ok(new StaffEntriesView(entries.stream().map(StaffEntryView::of).toList()));
  }

  /** POST /api/v1/staff/waiting-list: an operator adds a caller (waiting at once; e-mail optional). */
  Reply add(Call call) {
    WaitingListEntry entry = diary.keepingWaitingList().joinForCaller(call.member(),
        request(call.body(EntryBody.class), Channel.PHONE));
    return Reply.json(201, StaffEntryView.of(entry));
  }

  /** POST /api/v1/staff/waiting-list/{id}/take: staff take the offered time for a caller. */
  Reply takeForCaller(Call call) {
    call.noBody();
    Booked booked = diary.keepingWaitingList().takeForCaller(call.member(), entryId(call));
    return Reply.json(201, new BookedView(ReservationView.of(booked.reservation()), null));
  }

  /** POST /api/v1/staff/waiting-list/{id}/decline. */
  Reply declineForCaller(Call call) {
    call.noBody();
    return Reply.ok(StaffEntryView.of(diary.keepingWaitingList().declineForCaller(call.member(), entryId(call))));
  }

  /** POST /api/v1/staff/waiting-list/{id}/withdraw. */
  Reply withdraw(Call call) {
    call.noBody();
    return Reply.ok(StaffEntryView.of(diary.keepingWaitingList().withdraw(call.member(), entryId(call))));
  }

  private WaitingListRequest request(EntryBody body, Channel channel) {
    Language language = body.language() == null ? Language.CS : Language.of(body.language());
    return new WaitingListRequest(body.official() == null ? null : OfficialId.of(body.official()),
        body.agenda() == null ? null : AgendaId.of(body.agenda()), body.firstDay(), body.lastDay(),
        new Citizen(body.name(), body.email(), body.phone()), body.topic(), channel, language);
  }

  private static ManageToken token(Call call) {
    return ManageToken.parse(call.path("token"));
  }

  private static WaitingListEntryId entryId(Call call) {
    return WaitingListEntryId.parse(call.path("id"));
  }

  private EntryView view(WaitingListEntry e) {
    Department department = diary.readingDirectory().department(e.department());
    Agenda agenda = diary.readingDirectory().agenda(e.agenda());
    return new EntryView(e.id().toString(), e.status().name(), new Named(department.id().value(), department.name()),
        e.official() == null ? null : officialRef(e.official()), new Named(agenda.id().value(), agenda.name()),
        e.firstDay(), e.lastDay(), e.language().tag());
  }

  private OfferView view(Offer offer) {
    var hold = offer.hold();
    Department department = diary.readingDirectory().department(hold.department());
    Agenda agenda = diary.readingDirectory().agenda(hold.agenda());
    boolean open = diary.keepingWaitingList().standing(offer);
    return new OfferView(offer.entry().status().name(), hold.start(), hold.end(), offer.entry().holdUntil(),
        new Named(department.id().value(), department.name()), department.place(), officialRef(hold.official()),
        new Named(agenda.id().value(), agenda.name()), open, offer.entry().language().tag());
  }

  private OfficialRef officialRef(OfficialId id) {
    Official official = diary.readingDirectory().official(id);
    return new OfficialRef(official.id().value(), official.name(), official.room());
  }
}
