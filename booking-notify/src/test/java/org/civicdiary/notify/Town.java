/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.civicdiary.testkit.contract.MutableClock;
import org.civicdiary.booking.memory.InMemoryStorage;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.Channel;
import org.civicdiary.booking.model.Citizen;
import org.civicdiary.booking.model.ContactPhone;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.Booked;
import org.civicdiary.booking.usecase.BookingRequest;
import org.civicdiary.booking.usecase.CivicDiary;

/**
 * A small town hall in memory: Prague 6 with one department, two officials who receive citizens on
 * Tuesdays 16:00–18:00, and a clock standing on Monday 1 March 2027, 09:00 in Prague.
 */
final class Town {
  static final OfficialId NOVAK = OfficialId.of("novak");
  static final OfficialId DVORAKOVA = OfficialId.of("dvorakova");
  static final AgendaId ID_CARDS = AgendaId.of("id-cards");
  static final Instant MONDAY_MORNING = Instant.parse("2027-03-01T08:00:00Z");
  /** Tuesday 2 March 2027, 16:00 in Prague. */
  static final Instant TUESDAY_16 = Instant.parse("2027-03-02T15:00:00Z");
  static final String PHONE = "220 189 111";
  static final StaffMember OPERATOR = new StaffMember("operator", Role.OPERATOR, null);
  static final String HORSE = "Příliš žluťoučký kůň";

  final MutableClock clock = new MutableClock(MONDAY_MORNING);
  final Storage storage = InMemoryStorage.create();
  final CivicDiary diary = CivicDiary.builder().storage(storage).clock(clock).build();

  Town() {
    storage.transactions().run(() -> {
      Place townHall = new Place("Radnice Prahy 6", "Čs. armády 601/23, Praha 6");
      storage.directory().save(new Office(OfficeId.of("praha-6"),
          LocalizedText.of("Úřad městské části Praha 6", "Prague 6 Municipal Office"), Office.DEFAULT_ZONE,
          Office.DEFAULT_SLOT, townHall,
          List.of(new ContactPhone(LocalizedText.of("call centrum", "call centre"), PHONE)), BookingPolicy.DEFAULT));
      DepartmentId civil = DepartmentId.of("civil");
      storage.directory().save(new Department(civil, OfficeId.of("praha-6"),
          LocalizedText.of("Odbor občanských záležitostí", "Civil Affairs Department"), townHall));
      storage.directory().save(new Official(NOVAK, civil, "Jan Novák", "kancelář 212, 2. patro", null, true));
      storage.directory().save(new Official(DVORAKOVA, civil, "Eva Dvořáková", "kancelář 214, 2. patro", null, true));
      storage.directory().save(new Agenda(ID_CARDS, civil, LocalizedText.of("Občanské průkazy", "Identity cards"), 1,
          Set.of(NOVAK, DVORAKOVA)));
      for (OfficialId official : List.of(NOVAK, DVORAKOVA)) {
        storage.diaries().replaceWindows(official, List.of(
            Window.weekly(DayOfWeek.TUESDAY, LocalTime.of(16, 0), LocalTime.of(18, 0), LocalDate.of(2027, 1, 1))));
      }
    });
  }

  Booked book(Instant start, String name, String email, String topic, Language language) {
    return diary.booking().book(new BookingRequest(NOVAK, ID_CARDS, start, new Citizen(name, email, null), topic,
        Channel.WEB, language));
  }

  Booked bookHorse(Instant start, Language language) {
    return book(start, HORSE, "kun@example.cz", HORSE + " úpěl ďábelské ódy", language);
  }

  static NotifyConfig notifyConfig() {
    return NotifyConfig.from(Settings.of(java.util.Map.of(
        "civicdiary.notify.public-base-url", "https://diar.praha6.example",
        "civicdiary.notify.max-attempts", "4",
        "civicdiary.notify.batch-size", "10",
        "civicdiary.notify.poll-interval", "PT0.05S",
        "civicdiary.notify.stop-grace", "PT5S",
        "civicdiary.notify.threads", "1")));
  }

  static MailConfig smtpConfig(int port) {
    return MailConfig.from(Settings.of(java.util.Map.of(
        "civicdiary.mail.transport", "smtp",
        "civicdiary.mail.from", "Praha 6 <diar@praha6.example>",
        "civicdiary.mail.smtp.host", "127.0.0.1",
        "civicdiary.mail.smtp.port", Integer.toString(port),
        "civicdiary.mail.smtp.security", "none",
        "civicdiary.mail.smtp.connect-timeout", "PT2S",
        "civicdiary.mail.smtp.timeout", "PT5S")));
  }

  OutboxWorkers dispatcher(NotifyConfig notify, MailConfig mail, List<Notifier> channels) {
    return new OutboxWorkers(storage, clock, new Composer(storage, diary, clock, notify, mail), channels, notify,
        new Backoff(notify.retryInitial(), notify.retryMax(), new Random(7)));
  }

  OutboxWorkers smtpDispatcher(int port) {
    MailConfig mail = smtpConfig(port);
    return dispatcher(notifyConfig(), mail, List.of(new SmtpNotifier(mail, clock)));
  }

  static Duration lease() {
    return notifyConfig().lease();
  }
}
