/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.Deputies;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.DirectoryDocument;
import org.civicdiary.booking.usecase.DirectoryDocument.AgendaEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.DepartmentEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.DeputiesEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.OfficeEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.OfficialEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.PlaceEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.PolicyEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.WindowEntry;
import org.civicdiary.booking.usecase.DirectoryImported;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What importing and exporting the directory promises on every storage: a round trip gives the
 * same document, a second import writes nothing, an edited document updates only what changed, and
 * a bad document is refused whole, naming every error's JSON path, with nothing written.
 */
public abstract class DirectoryImportContract {
  private static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null);
  private static final int ALL = 100_000;

  /** A storage holding no data at all, new (or emptied) for each call. */
  protected abstract Storage emptyStorage();

  private Storage storage;
  private CivicDiary diary;

  @BeforeEach
  void fullTownHall() {
    use(emptyStorage());
    new Fixtures(storage).load();
    // What the fixtures leave out: walk-in hours, a window with its own place, a closed window.
    storage.transactions().run(() -> {
      storage.diaries().replaceWalkInHours(Fixtures.CIVIL, List.of(
          new WalkInHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(17, 0)),
          new WalkInHours(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(17, 0))));
      List<Window> windows = new ArrayList<>(Fixtures.weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)));
      windows.add(new Window(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), LocalDate.of(2027, 1, 1),
          LocalDate.of(2027, 6, 30), Set.of(LocalDate.of(2027, 5, 8)), new Place("Pobočka Bubeneč", "Bubenečská 1")));
      storage.diaries().replaceWindows(Fixtures.SVOBODA, windows);
      storage.directory().save(new Deputies(Fixtures.NOVAK, Fixtures.ID_CARD, List.of(Fixtures.DVORAK)));
      storage.directory().save(new Deputies(Fixtures.DVORAK, Fixtures.PASSPORT, List.of(Fixtures.NOVAK)));
    });
  }

  private void use(Storage s) {
    storage = s;
    diary = CivicDiary.builder().storage(s).clock(new MutableClock(Fixtures.NOW)).build();
  }

  private DirectoryDocument export() {
    return diary.importingDirectory().export(ADMIN);
  }

  private int auditEntries() {
    return storage.transactions().inTransaction(() -> storage.auditLog().latest(ALL).size());
  }

  @Test
  void exportsEverythingOrderedById() {
    DirectoryDocument document = export();

    assertThat(document.format()).isEqualTo(DirectoryDocument.FORMAT);
    assertThat(document.offices()).extracting(OfficeEntry::id).containsExactly("praha-6");
    assertThat(document.departments()).extracting(DepartmentEntry::id)
        .containsExactly("civil-affairs", "trade-licensing");
    DepartmentEntry civil = document.departments().get(0);
    assertThat(civil.officials()).extracting(OfficialEntry::id)
        .containsExactly("eva-dvorakova", "jan-novak", "karel-stary");
    assertThat(civil.agendas()).extracting(AgendaEntry::id).containsExactly("id-card", "passport");
    assertThat(civil.agendas().get(0).officials()).containsExactly("eva-dvorakova", "jan-novak", "karel-stary");
    assertThat(civil.agendas().get(0).deputies()).containsExactly(new DeputiesEntry("jan-novak", List.of("eva-dvorakova")));
    assertThat(civil.agendas().get(1).deputies()).containsExactly(new DeputiesEntry("eva-dvorakova", List.of("jan-novak")));
    assertThat(document.departments().get(1).agendas()).allSatisfy(a -> assertThat(a.deputies()).isEmpty());
    assertThat(civil.walkInHours()).hasSize(2);
    assertThat(document.departments().get(1).officials().get(0).windows()).hasSize(6)
        .last().extracting(WindowEntry::holidayOpenings).isEqualTo(List.of(LocalDate.of(2027, 5, 8)));
  }

  @Test
  void roundTripIntoAnEmptyStorageGivesTheSameDocument() {
    DirectoryDocument exported = export();

    use(emptyStorage());
    DirectoryImported result = diary.importingDirectory().apply(ADMIN, exported);

    assertThat(result.updated()).isEmpty();
    assertThat(result.created()).contains("office:praha-6", "department:civil-affairs", "official:jan-novak",
        "windows:petr-svoboda", "walk-in-hours:civil-affairs", "agenda:passport", "deputies:jan-novak/id-card",
        "deputies:eva-dvorakova/passport");
    assertThat(storage.directory().deputies(Fixtures.NOVAK, Fixtures.ID_CARD).deputies())
        .containsExactly(Fixtures.DVORAK);
    assertThat(export()).isEqualTo(exported);
  }

  @Test
  void aPlaceDescriptionImportsExportsAndOneLanguageStandsForBoth() {
    DirectoryDocument exported = export();
    DepartmentEntry civil = exported.departments().get(0);
    assertThat(civil.place().description()).as("places written before have none").isNull();
    PlaceEntry described = new PlaceEntry(civil.place().name(), civil.place().address(),
        new DirectoryDocument.Text("Vchod z nádvoří", null));
    diary.importingDirectory().apply(ADMIN, new DirectoryDocument(null, null, List.of(
        new DepartmentEntry(civil.id(), civil.office(), civil.name(), described, null, null, null))));

    assertThat(storage.directory().department(Fixtures.CIVIL).orElseThrow().place().description())
        .isEqualTo(LocalizedText.of("Vchod z nádvoří", "Vchod z nádvoří"));
    DirectoryDocument after = export();
    assertThat(after.departments().get(0).place().description())
        .isEqualTo(new DirectoryDocument.Text("Vchod z nádvoří", "Vchod z nádvoří"));

    use(emptyStorage());
    diary.importingDirectory().apply(ADMIN, after);
    assertThat(export()).isEqualTo(after);
  }

  @Test
  void aSecondImportChangesNothing() {
    DirectoryDocument exported = export();
    use(emptyStorage());
    diary.importingDirectory().apply(ADMIN, exported);
    int audit = auditEntries();
    DirectoryDocument afterFirst = export();

    DirectoryImported second = diary.importingDirectory().apply(ADMIN, exported);

    assertThat(second.changedAnything()).isFalse();
    assertThat(second.created()).isEmpty();
    assertThat(second.updated()).isEmpty();
    assertThat(second.unchanged()).isEqualTo(exported.offices().size() + 2 + 2 + 4 + 4 + 2 + 2);
    assertThat(auditEntries()).isEqualTo(audit);
    assertThat(export()).isEqualTo(afterFirst);
  }

  @Test
  void anEditedDocumentUpdatesWhatChangedAndLeavesTheRestAlone() {
    DirectoryDocument exported = export();
    int audit = auditEntries();
    DepartmentEntry civil = exported.departments().get(0);
    List<OfficialEntry> officials = new ArrayList<>(civil.officials());
    OfficialEntry novak = officials.get(1);
    officials.set(1, new OfficialEntry(novak.id(), novak.name(), "dveře 105", novak.email(), true, novak.windows()));
    officials.add(new OfficialEntry("zuzana-mala", "Zuzana Malá", null, "zuzana.mala@praha6.example", null, List.of(
        new WindowEntry(DayOfWeek.THURSDAY, LocalTime.of(15, 0), LocalTime.of(19, 0), LocalDate.of(2027, 1, 1), null,
            null, null))));
    // Only the civil department, without its walk-in hours or agendas: the rest is left alone.
    DirectoryDocument edited = new DirectoryDocument(null, null, List.of(
        new DepartmentEntry(civil.id(), civil.office(), civil.name(), civil.place(), null, officials, null)));

    DirectoryImported result = diary.importingDirectory().apply(ADMIN, edited);

    assertThat(result.updated()).containsExactly("official:jan-novak");
    assertThat(result.created()).containsExactly("official:zuzana-mala", "windows:zuzana-mala");
    assertThat(auditEntries()).isEqualTo(audit + 3);
    assertThat(storage.directory().official(Fixtures.NOVAK)).get().extracting(Official::room).isEqualTo("dveře 105");
    assertThat(storage.diaries().windows(OfficialId.of("zuzana-mala"))).hasSize(1);
    DirectoryDocument after = export();
    assertThat(after.departments().get(1)).isEqualTo(exported.departments().get(1));
    assertThat(after.departments().get(0).agendas()).isEqualTo(civil.agendas());
    assertThat(after.departments().get(0).walkInHours()).isEqualTo(civil.walkInHours());
  }

  @Test
  void aBadDocumentIsRefusedWholeNamingEveryPath() {
    DirectoryDocument before = export();
    int audit = auditEntries();
    DepartmentEntry civil = before.departments().get(0);
    DepartmentEntry trade = before.departments().get(1);
    List<OfficialEntry> tradeOfficials = new ArrayList<>(trade.officials());
    OfficialEntry svoboda = tradeOfficials.get(0);
    tradeOfficials.set(0, new OfficialEntry(svoboda.id(), "Petr Svoboda Jr.", svoboda.room(), "not-an-address",
        true, List.of(new WindowEntry(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(9, 0),
            LocalDate.of(2027, 1, 1), null, null, null))));
    tradeOfficials.add(new OfficialEntry("jan-novak", "Jan Novák", null, null, true, null));
    DirectoryDocument bad = new DirectoryDocument(1, before.offices(), List.of(
        // A valid change first: it must not be written either.
        new DepartmentEntry(civil.id(), civil.office(), new DirectoryDocument.Text("Nový název", "New name"),
            civil.place(), null, null, List.of(new AgendaEntry("residence", new DirectoryDocument.Text("Pobyt",
                "Residence"), 1, List.of("nobody-here")))),
        new DepartmentEntry(trade.id(), "no-such-office", trade.name(), trade.place(), null, tradeOfficials, null),
        new DepartmentEntry("Bad Id", "praha-6", null, null, null, null, null)));

    assertThatThrownBy(() -> diary.importingDirectory().apply(ADMIN, bad))
        .isInstanceOfSatisfying(DocumentInvalid.class, e -> assertThat(e.errors())
            .extracting(DocumentInvalid.Finding::path, DocumentInvalid.Finding::code)
            .contains(
                tuple("$.departments[0].agendas[0].officials[0]", "unknown-reference"),
                tuple("$.departments[1].office", "unknown-reference"),
                tuple("$.departments[1].officials[0].email", "invalid"),
                tuple("$.departments[1].officials[0].windows[0].end", "invalid"),
                tuple("$.departments[1].officials[1].id", "conflict"),
                tuple("$.departments[2].id", "invalid"),
                tuple("$.departments[2].name", "required"),
                tuple("$.departments[2].place", "required")));

    assertThat(export()).isEqualTo(before);
    assertThat(auditEntries()).isEqualTo(audit);
    assertThat(storage.directory().department(Fixtures.CIVIL)).get().extracting(Department::name)
        .isEqualTo(LocalizedText.of("Odbor občanskosprávní", "Civil Affairs"));
  }

  @Test
  void anOfficeAllowsCitizensNamesInFeedsByItsPolicyEntryAndADocumentLeavingItOutDoesNot() {
    OfficeEntry office = export().offices().get(0);
    assertThat(office.policy().feedShowsCitizenNames()).as("privacy by default").isFalse();
    PolicyEntry allowing = new PolicyEntry(null, null, null, null, null, null, true);

    DirectoryImported allowed = diary.importingDirectory().apply(ADMIN, new DirectoryDocument(null, List.of(
        new OfficeEntry(office.id(), office.name(), office.zone(), office.slotMinutes(), office.place(),
            office.phones(), allowing)), null));

    assertThat(allowed.updated()).containsExactly("office:" + office.id());
    assertThat(storage.directory().office(Fixtures.OFFICE)).get()
        .extracting(o -> o.policy().feedShowsCitizenNames()).isEqualTo(true);
    assertThat(export().offices().get(0).policy()).isEqualTo(new PolicyEntry(office.policy().horizonDays(),
        office.policy().minimumNotice(), office.policy().maxOpenPerEmail(), office.policy().topicMaxLength(),
        office.policy().retentionDays(), office.policy().reminderLead(), true));

    diary.importingDirectory().apply(ADMIN, new DirectoryDocument(null, List.of(new OfficeEntry(office.id(),
        office.name(), office.zone(), office.slotMinutes(), office.place(), office.phones(), null)), null));

    assertThat(export().offices().get(0)).isEqualTo(office);
  }

  @Test
  void anOfficesProposalHoldRoundTripsAndADocumentLeavingItOutTakesTheDefault() {
    OfficeEntry office = export().offices().get(0);
    assertThat(office.policy().proposalHold()).isEqualTo(Duration.ofHours(48));
    PolicyEntry p = office.policy();
    PolicyEntry holding = new PolicyEntry(p.horizonDays(), p.minimumNotice(), p.maxOpenPerEmail(),
        p.topicMaxLength(), p.retentionDays(), p.reminderLead(), p.feedShowsCitizenNames(), p.phoneShareRelease(),
        p.maxDailyPerEmail(), Duration.ofHours(72));
    DirectoryDocument edited = new DirectoryDocument(null, List.of(new OfficeEntry(office.id(), office.name(),
        office.zone(), office.slotMinutes(), office.place(), office.phones(), holding)), null);

    assertThat(diary.importingDirectory().apply(ADMIN, edited).updated()).containsExactly("office:" + office.id());
    assertThat(storage.directory().office(Fixtures.OFFICE)).get()
        .extracting(o -> o.policy().proposalHold()).isEqualTo(Duration.ofHours(72));
    DirectoryDocument exported = export();
    assertThat(exported.offices().get(0).policy()).isEqualTo(holding);

    // Into an empty storage and out again: the hold survives the round trip.
    use(emptyStorage());
    diary.importingDirectory().apply(ADMIN, exported);
    assertThat(export()).isEqualTo(exported);

    // Left out (as a document written before the field was), it is the default again, as maxDailyPerEmail is.
    diary.importingDirectory().apply(ADMIN, new DirectoryDocument(null, List.of(new OfficeEntry(office.id(),
        office.name(), office.zone(), office.slotMinutes(), office.place(), office.phones(), new PolicyEntry(
            p.horizonDays(), p.minimumNotice(), p.maxOpenPerEmail(), p.topicMaxLength(), p.retentionDays(),
            p.reminderLead(), p.feedShowsCitizenNames(), p.phoneShareRelease(), p.maxDailyPerEmail(), null))),
        null));
    assertThat(export().offices().get(0).policy().proposalHold()).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void anInvalidProposalHoldIsRefusedNamingTheFieldAndNothingChanges() {
    DirectoryDocument before = export();
    int audit = auditEntries();
    OfficeEntry office = before.offices().get(0);
    PolicyEntry p = office.policy();
    DirectoryDocument bad = new DirectoryDocument(null, List.of(new OfficeEntry(office.id(), office.name(),
        office.zone(), office.slotMinutes(), office.place(), office.phones(), new PolicyEntry(99, p.minimumNotice(),
            p.maxOpenPerEmail(), p.topicMaxLength(), p.retentionDays(), p.reminderLead(), p.feedShowsCitizenNames(),
            p.phoneShareRelease(), p.maxDailyPerEmail(), Duration.ofDays(15)))), null);

    assertThatThrownBy(() -> diary.importingDirectory().apply(ADMIN, bad))
        .isInstanceOfSatisfying(DocumentInvalid.class, e -> assertThat(e.errors())
            .extracting(DocumentInvalid.Finding::path, DocumentInvalid.Finding::code)
            .containsExactly(tuple("$.offices[0].policy.proposalHold", "invalid")));
    assertThat(export()).isEqualTo(before);
    assertThat(auditEntries()).isEqualTo(audit);
  }

  @Test
  void aDuplicateIdAndAWindowOffTheGridAreNamed() {
    DirectoryDocument before = export();
    DepartmentEntry trade = before.departments().get(1);
    OfficialEntry svoboda = trade.officials().get(0);
    OfficialEntry offGrid = new OfficialEntry(svoboda.id(), svoboda.name(), svoboda.room(), svoboda.email(), true,
        List.of(new WindowEntry(DayOfWeek.MONDAY, LocalTime.of(9, 10), LocalTime.of(12, 0), LocalDate.of(2027, 1, 1),
            null, null, null)));
    DirectoryDocument bad = new DirectoryDocument(null, null, List.of(
        new DepartmentEntry(trade.id(), trade.office(), trade.name(), trade.place(), null, List.of(offGrid), null),
        new DepartmentEntry(trade.id(), trade.office(), trade.name(), trade.place(), null, null, null)));

    assertThatThrownBy(() -> diary.importingDirectory().apply(ADMIN, bad))
        .isInstanceOfSatisfying(DocumentInvalid.class, e -> assertThat(e.errors())
            .extracting(DocumentInvalid.Finding::path)
            .containsExactly("$.departments[0].officials[0].windows[0].start", "$.departments[1].id"));
    assertThat(export()).isEqualTo(before);
  }

  @Test
  void anOfficialMovedOffAStoredAgendaIsAConflict() {
    DirectoryDocument before = export();
    DepartmentEntry trade = before.departments().get(1);
    // Novák is on the civil department's stored agendas, which this document does not list.
    DirectoryDocument bad = new DirectoryDocument(null, null, List.of(new DepartmentEntry(trade.id(), trade.office(),
        trade.name(), trade.place(), null, List.of(new OfficialEntry("jan-novak", "Jan Novák", null, null, true, null)),
        null)));

    assertThatThrownBy(() -> diary.importingDirectory().apply(ADMIN, bad))
        .isInstanceOfSatisfying(DocumentInvalid.class, e -> assertThat(e.errors())
            .extracting(DocumentInvalid.Finding::path)
            .containsExactly("$.departments[0].officials[0].id"));
    assertThat(storage.directory().official(Fixtures.NOVAK)).get().extracting(Official::department)
        .isEqualTo(DepartmentId.of("civil-affairs"));
  }

  @Test
  void aTownHallOfHundredsOfOfficialsImportsInOneGoAndAgainChangesNothing() {
    int size = 300;
    List<OfficialEntry> officials = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String id = "official-" + i;
      ids.add(id);
      List<WindowEntry> windows = new ArrayList<>();
      for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
        windows.add(new WindowEntry(day, LocalTime.of(16, 0), LocalTime.of(18, 0), LocalDate.of(2027, 1, 1), null,
            null, null));
      }
      officials.add(new OfficialEntry(id, "Official " + i, "room " + i, id + "@town.example", true, windows));
    }
    DepartmentEntry civil = export().departments().get(0);
    DirectoryDocument big = new DirectoryDocument(1, null, List.of(new DepartmentEntry("registry", civil.office(),
        new DirectoryDocument.Text("Matrika", "Registry"), civil.place(), List.of(), officials,
        List.of(new AgendaEntry("birth-certificate", new DirectoryDocument.Text("Rodný list", "Birth certificate"), 1,
            ids)))));

    DirectoryImported first = diary.importingDirectory().apply(ADMIN, big);
    int audit = auditEntries();
    DirectoryImported second = diary.importingDirectory().apply(ADMIN, big);

    assertThat(first.created()).hasSize(1 + size * 2 + 1);
    assertThat(second.changedAnything()).isFalse();
    assertThat(auditEntries()).isEqualTo(audit);
    assertThat(storage.directory().officials(DepartmentId.of("registry"))).hasSize(size);
  }

  /** The civil department's entry with these agendas only: nothing else of it changes. */
  private static DirectoryDocument civilAgendas(DepartmentEntry civil, AgendaEntry... agendas) {
    return new DirectoryDocument(null, null, List.of(new DepartmentEntry(civil.id(), civil.office(), civil.name(),
        civil.place(), null, null, List.of(agendas))));
  }

  private static AgendaEntry withDeputies(AgendaEntry agenda, DeputiesEntry... deputies) {
    return new AgendaEntry(agenda.id(), agenda.name(), agenda.slots(), agenda.officials(),
        deputies == null ? null : List.of(deputies));
  }

  @Test
  void anAgendasDeputiesReplaceItsStoredListsAndAnAgendaLeavingThemOutKeepsThem() {
    DepartmentEntry civil = export().departments().get(0);
    AgendaEntry idCard = civil.agendas().get(0);
    AgendaEntry passport = civil.agendas().get(1);

    DirectoryImported result = diary.importingDirectory().apply(ADMIN, civilAgendas(civil,
        withDeputies(idCard, new DeputiesEntry("eva-dvorakova", List.of("jan-novak"))),
        withDeputies(passport, (DeputiesEntry[]) null)));

    assertThat(result.created()).containsExactly("deputies:eva-dvorakova/id-card");
    assertThat(result.updated()).as("Novák's list is not named: emptied").containsExactly("deputies:jan-novak/id-card");
    assertThat(storage.directory().deputies(Fixtures.NOVAK, Fixtures.ID_CARD).deputies()).isEmpty();
    assertThat(storage.directory().deputies(Fixtures.DVORAK, Fixtures.ID_CARD).deputies())
        .containsExactly(Fixtures.NOVAK);
    assertThat(storage.directory().deputies(Fixtures.DVORAK, Fixtures.PASSPORT).deputies()).as("left out: kept")
        .containsExactly(Fixtures.NOVAK);

    diary.importingDirectory().apply(ADMIN, civilAgendas(civil, withDeputies(passport)));
    assertThat(storage.directory().deputies(Fixtures.DVORAK, Fixtures.PASSPORT).deputies()).as("an empty list")
        .isEmpty();
    assertThat(storage.directory().deputies(Fixtures.DVORAK, Fixtures.ID_CARD).deputies()).as("another agenda")
        .containsExactly(Fixtures.NOVAK);
  }

  @Test
  void badDeputiesAreRefusedLikeTheApiDoesNamingEachEntry() {
    DirectoryDocument before = export();
    int audit = auditEntries();
    DepartmentEntry civil = before.departments().get(0);
    DirectoryDocument bad = civilAgendas(civil,
        withDeputies(civil.agendas().get(0),
            new DeputiesEntry("jan-novak", List.of("eva-dvorakova", "jan-novak")),
            new DeputiesEntry("nobody-here", List.of("eva-dvorakova")),
            new DeputiesEntry("eva-dvorakova", List.of("karel-stary", "nobody-either", "petr-svoboda", "karel-stary")),
            new DeputiesEntry("jan-novak", List.of())),
        withDeputies(civil.agendas().get(1), new DeputiesEntry("karel-stary", List.of("jan-novak")),
            new DeputiesEntry("eva-dvorakova", null)));

    assertThatThrownBy(() -> diary.importingDirectory().apply(ADMIN, bad))
        .isInstanceOfSatisfying(DocumentInvalid.class, e -> assertThat(e.errors())
            .extracting(DocumentInvalid.Finding::path, DocumentInvalid.Finding::code)
            .containsExactly(
                tuple("$.departments[0].agendas[0].deputies[0].deputies[1]", "invalid"),
                tuple("$.departments[0].agendas[0].deputies[1].official", "unknown-reference"),
                tuple("$.departments[0].agendas[0].deputies[2].deputies[0]", "invalid"),
                tuple("$.departments[0].agendas[0].deputies[2].deputies[1]", "unknown-reference"),
                tuple("$.departments[0].agendas[0].deputies[2].deputies[2]", "invalid"),
                tuple("$.departments[0].agendas[0].deputies[2].deputies[3]", "invalid"),
                tuple("$.departments[0].agendas[0].deputies[3].official", "duplicate"),
                tuple("$.departments[0].agendas[1].deputies[0].official", "invalid"),
                tuple("$.departments[0].agendas[1].deputies[1].deputies", "required")));

    assertThat(export()).isEqualTo(before);
    assertThat(auditEntries()).isEqualTo(audit);
  }
}
