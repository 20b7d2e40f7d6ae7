/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.error.DocumentInvalid.Finding;
import org.civicdiary.booking.error.InvalidInput;
import org.civicdiary.booking.model.Agenda;
import org.civicdiary.booking.model.AgendaId;
import org.civicdiary.booking.model.BookingPolicy;
import org.civicdiary.booking.model.ContactPhone;
import org.civicdiary.booking.model.Deputies;
import org.civicdiary.booking.model.Department;
import org.civicdiary.booking.model.DepartmentId;
import org.civicdiary.booking.model.LocalizedText;
import org.civicdiary.booking.model.Office;
import org.civicdiary.booking.model.OfficeId;
import org.civicdiary.booking.model.Official;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Place;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.WalkInHours;
import org.civicdiary.booking.model.Window;
import org.civicdiary.booking.port.Directory;
import org.civicdiary.booking.usecase.DirectoryDocument.AgendaEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.DepartmentEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.DeputiesEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.HoursEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.OfficeEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.OfficialEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.PhoneEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.PlaceEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.PolicyEntry;
import org.civicdiary.booking.usecase.DirectoryDocument.Text;
import org.civicdiary.booking.usecase.DirectoryDocument.WindowEntry;

/**
 * Administrators move the whole directory in and out as one {@link DirectoryDocument}.
 *
 * <p>An import checks the whole document against itself and against what is stored before it
 * writes anything, and refuses it with one {@link DocumentInvalid} listing every error. It then
 * writes, in one unit of work, only the objects that differ from what is stored, through the same
 * use cases as the console (so the audit log, displacement of reservations and notices are the
 * same): importing the same document twice writes nothing the second time. Objects the document
 * does not name are left alone; an import never deletes (deactivate an official with {@code
 * "active": false} instead).
 */
public final class ImportingDirectory {
  private final Context context;
  private final Administering administering;
  private final ChangingSchedule schedule;

  ImportingDirectory(Context context, Administering administering, ChangingSchedule schedule) {
    this.context = context;
    this.administering = administering;
    this.schedule = schedule;
  }

  /** The document holds every office: it is the deployment's administrator's. */
  private static void requireDeployment(StaffMember actor) {
    Context.permit(actor.administersDeployment(), "export or import the whole directory");
  }

  /** The directory as a document: objects ordered by id, windows and walk-in hours as saved. */
  public DirectoryDocument export(StaffMember actor) {
    requireDeployment(actor);
    return context.storage.transactions().inTransaction(() -> {
      Directory directory = context.storage.directory();
      List<OfficeEntry> offices = directory.offices().stream().map(ImportingDirectory::entry).toList();
      List<DepartmentEntry> departments = new ArrayList<>();
      Map<OfficialId, List<Deputies>> deputies = new HashMap<>();
      Function<Agenda, AgendaEntry> agendaEntry = a -> entry(a, a.officials().stream().sorted(
          Comparator.comparing(OfficialId::value))
          .flatMap(o -> deputies.computeIfAbsent(o, directory::deputies).stream())
          .filter(d -> d.agenda().equals(a.id()) && !d.deputies().isEmpty())
          .map(d -> new DeputiesEntry(d.official().value(), d.deputies().stream().map(OfficialId::value).toList()))
          .toList());
      for (Department d : directory.departments()) {
        List<Official> officials = directory.officials(d.id());
        Map<OfficialId, List<Window>> windows =
            context.storage.diaries().windows(officials.stream().map(Official::id).toList());
        departments.add(new DepartmentEntry(d.id().value(), d.office().value(), text(d.name()), place(d.place()),
            context.storage.diaries().walkInHours(d.id()).stream()
                .map(h -> new HoursEntry(h.day(), h.start(), h.end())).toList(),
            officials.stream().map(o -> entry(o, windows.getOrDefault(o.id(), List.of()))).toList(),
            directory.agendas(d.id()).stream().map(agendaEntry).toList()));
      }
      return new DirectoryDocument(DirectoryDocument.FORMAT, offices, departments);
    });
  }

  /**
   * Imports the document: creates and updates what it names, leaves the rest alone.
   *
   * @throws DocumentInvalid listing every error by its JSON path; nothing was written
   * @throws org.civicdiary.booking.error.NotPermitted unless the actor is an administrator
   */
  public DirectoryImported apply(StaffMember actor, DirectoryDocument document) {
    requireDeployment(actor);
    if (document == null) {
      throw new DocumentInvalid(List.of(new Finding("$", "required", "the document is required")));
    }
    return context.storage.transactions().inTransaction(() -> {
      Plan plan = new Checking(context.storage.directory()).check(document);
      return plan.apply(actor);
    });
  }

  /** What a checked document asks for, as the core's records. */
  private final class Plan {
    final List<Office> offices = new ArrayList<>();
    final List<Department> departments = new ArrayList<>();
    final Map<DepartmentId, List<WalkInHours>> walkInHours = new LinkedHashMap<>();
    final List<Official> officials = new ArrayList<>();
    final Map<OfficialId, List<Window>> windows = new LinkedHashMap<>();
    final List<Agenda> agendas = new ArrayList<>();
    /** Per agenda whose entry lists deputies: every official's list, empty ones included. */
    final Map<AgendaId, List<Deputies>> deputies = new LinkedHashMap<>();
    final List<String> created = new ArrayList<>();
    final List<String> updated = new ArrayList<>();
    final List<Displacement> displacements = new ArrayList<>();
    int unchanged;

    DirectoryImported apply(StaffMember actor) {
      Directory directory = context.storage.directory();
      for (Office o : offices) {
        if (differs("office:" + o.id(), directory.office(o.id()), o)) {
          administering.saveOffice(actor, o);
        }
      }
      for (Department d : departments) {
        if (differs("department:" + d.id(), directory.department(d.id()), d)) {
          administering.saveDepartment(actor, d);
        }
      }
      walkInHours.forEach((department, hours) -> {
        if (differs("walk-in-hours:" + department, listed(context.storage.diaries().walkInHours(department)), hours)) {
          schedule.replaceWalkInHours(actor, department, hours);
        }
      });
      for (Official o : officials) {
        if (differs("official:" + o.id(), directory.official(o.id()), o)) {
          displaced(administering.saveOfficial(actor, o));
        }
      }
      for (Agenda a : agendas) {
        if (differs("agenda:" + a.id(), directory.agenda(a.id()), a)) {
          administering.saveAgenda(actor, a);
        }
      }
      // After the agendas: a window may serve an agenda the document creates.
      windows.forEach((official, list) -> {
        if (differs("windows:" + official, listed(context.storage.diaries().windows(official)), list)) {
          displaced(schedule.replaceWindows(actor, official, list));
        }
      });
      // After the agendas: saving one drops the lists of officials who no longer handle it.
      deputies.forEach((agenda, lists) -> {
        for (Deputies d : lists) {
          List<OfficialId> stored = directory.deputies(d.official(), agenda).deputies();
          if ((!stored.isEmpty() || !d.deputies().isEmpty())
              && differs("deputies:" + d.official() + "/" + agenda, listed(stored), d.deputies())) {
            administering.replaceDeputies(actor, d);
          }
        }
      });
      return new DirectoryImported(created, updated, unchanged, displacements);
    }

    /** A stored list as present, or absent when empty: filling an empty list is a creation. */
    private <T> Optional<List<T>> listed(List<T> stored) {
      return stored.isEmpty() ? Optional.empty() : Optional.of(stored);
    }

    private void displaced(Displacement displacement) {
      if (!displacement.displaced().isEmpty()) {
        displacements.add(displacement);
      }
    }

    private <T> boolean differs(String name, Optional<T> stored, T wanted) {
      if (stored.isEmpty() && wanted instanceof List<?> list && list.isEmpty()) {
        unchanged++;
        return false;
      }
      if (stored.isEmpty()) {
        created.add(name);
        return true;
      }
      return differs(name, stored.get(), wanted);
    }

    private boolean differs(String name, Object stored, Object wanted) {
      if (stored.equals(wanted)) {
        unchanged++;
        return false;
      }
      updated.add(name);
      return true;
    }
  }

  /** Checks a document as a whole, collecting every error with its path. */
  private final class Checking {
    private static final Map<String, String> FIELD_NAMES = Map.of("slotLength", "slotMinutes");
    private final Directory directory;
    private final List<Finding> errors = new ArrayList<>();
    private final Plan plan = new Plan();
    private final Map<OfficeId, Office> offices = new HashMap<>();
    private final Map<String, String> seen = new HashMap<>();
    /** Each official of the document: its department, for the agendas' check. */
    private final Map<OfficialId, DepartmentId> officialsInDocument = new HashMap<>();
    private final Map<OfficialId, String> officialPaths = new HashMap<>();
    /** Whether each official of the document is active after the import, for the deputies' check. */
    private final Map<OfficialId, Boolean> activeInDocument = new HashMap<>();
    /** Every window of the document, for the check of its agendas once all agendas are read. */
    private final List<WindowAt> windowsToCheck = new ArrayList<>();

    Checking(Directory directory) {
      this.directory = directory;
    }

    Plan check(DirectoryDocument document) {
      if (document.format() != null && document.format() != DirectoryDocument.FORMAT) {
        error("$.format", "invalid", "must be " + DirectoryDocument.FORMAT + " (this version reads no other)");
      }
      List<OfficeEntry> officeEntries = listOf(document.offices());
      for (int i = 0; i < officeEntries.size(); i++) {
        office("$.offices[" + i + "]", officeEntries.get(i));
      }
      List<DepartmentEntry> departmentEntries = listOf(document.departments());
      List<Runnable> agendaChecks = new ArrayList<>();
      for (int i = 0; i < departmentEntries.size(); i++) {
        department("$.departments[" + i + "]", departmentEntries.get(i), agendaChecks);
      }
      // Agendas last: they may name officials listed in any department of the document.
      agendaChecks.forEach(Runnable::run);
      windowAgendas();
      movedOfficials(departmentEntries);
      if (!errors.isEmpty()) {
        throw new DocumentInvalid(errors);
      }
      return plan;
    }

    private void office(String path, OfficeEntry entry) {
      if (missing(path, entry)) {
        return;
      }
      OfficeId id = id(path + ".id", entry.id(), OfficeId::of, "office");
      LocalizedText name = text(path + ".name", entry.name());
      ZoneId zone = zone(path + ".zone", entry.zone());
      Integer minutes = required(path + ".slotMinutes", entry.slotMinutes());
      Place place = place(path, entry.place(), true);
      List<ContactPhone> phones = new ArrayList<>();
      boolean phonesOk = true;
      List<PhoneEntry> phoneEntries = listOf(entry.phones());
      for (int i = 0; i < phoneEntries.size(); i++) {
        String phonePath = path + ".phones[" + i + "]";
        PhoneEntry p = phoneEntries.get(i);
        ContactPhone phone = missing(phonePath, p) ? null : phone(phonePath, p);
        phonesOk &= phone != null;
        phones.add(phone);
      }
      BookingPolicy policy = policy(path + ".policy", entry.policy());
      if (id == null || name == null || zone == null || minutes == null || place == null || !phonesOk || policy == null) {
        return;
      }
      Office office = within(path, () -> new Office(id, name, zone, Duration.ofMinutes(minutes), place, phones, policy,
          entry.holidayCalendar()));
      if (office != null && context.holidays.named(office.holidayCalendar()).isEmpty()) {
        error(path + ".holidayCalendar", "invalid", "no calendar named " + office.holidayCalendar());
        return;
      }
      if (office != null) {
        offices.put(id, office);
        plan.offices.add(office);
      }
    }

    private ContactPhone phone(String path, PhoneEntry p) {
      LocalizedText purpose = text(path + ".purpose", p.purpose());
      if (required(path + ".number", p.number()) == null) {
        return null;
      }
      ContactPhone phone = within(path, () -> new ContactPhone(purpose == null ? LocalizedText.of("-", "-") : purpose,
          p.number()));
      return purpose == null ? null : phone;
    }

    private BookingPolicy policy(String path, PolicyEntry p) {
      BookingPolicy d = BookingPolicy.DEFAULT;
      if (p == null) {
        return d;
      }
      int horizon = or(p.horizonDays(), d.horizonDays());
      Duration notice = or(p.minimumNotice(), d.minimumNotice());
      int open = or(p.maxOpenPerEmail(), d.maxOpenPerEmail());
      int topic = or(p.topicMaxLength(), d.topicMaxLength());
      int retention = or(p.retentionDays(), d.retentionDays());
      Duration reminder = or(p.reminderLead(), d.reminderLead());
      boolean names = or(p.feedShowsCitizenNames(), d.feedShowsCitizenNames());
      Duration release = or(p.phoneShareRelease(), d.phoneShareRelease());
      int daily = or(p.maxDailyPerEmail(), d.maxDailyPerEmail());
      Duration hold = or(p.proposalHold(), d.proposalHold());
      // Each field alone against the defaults, so that every bad field is named, not only the first.
      List<Supplier<BookingPolicy>> alone = List.of(
          () -> new BookingPolicy(horizon, d.minimumNotice(), d.maxOpenPerEmail(), d.topicMaxLength(),
              d.retentionDays(), d.reminderLead(), names),
          () -> new BookingPolicy(d.horizonDays(), notice, d.maxOpenPerEmail(), d.topicMaxLength(),
              d.retentionDays(), d.reminderLead(), names),
          () -> new BookingPolicy(d.horizonDays(), d.minimumNotice(), open, d.topicMaxLength(),
              d.retentionDays(), d.reminderLead(), names),
          () -> new BookingPolicy(d.horizonDays(), d.minimumNotice(), d.maxOpenPerEmail(), topic,
              d.retentionDays(), d.reminderLead(), names),
          () -> new BookingPolicy(d.horizonDays(), d.minimumNotice(), d.maxOpenPerEmail(), d.topicMaxLength(),
              retention, d.reminderLead(), names),
          () -> new BookingPolicy(d.horizonDays(), d.minimumNotice(), d.maxOpenPerEmail(), d.topicMaxLength(),
              d.retentionDays(), reminder, names),
          () -> d.withPhoneShareRelease(release),
          () -> d.withMaxDailyPerEmail(daily),
          () -> d.withProposalHold(hold));
      boolean ok = true;
      for (Supplier<BookingPolicy> field : alone) {
        ok &= within(path, field) != null;
      }
      return ok ? new BookingPolicy(horizon, notice, open, topic, retention, reminder, names, release, daily, hold)
          : null;
    }

    private void department(String path, DepartmentEntry entry, List<Runnable> agendaChecks) {
      if (missing(path, entry)) {
        return;
      }
      DepartmentId id = id(path + ".id", entry.id(), DepartmentId::of, "department");
      OfficeId officeId = id(path + ".office", entry.office(), OfficeId::of, null);
      Office office = null;
      if (officeId != null) {
        office = offices.containsKey(officeId) ? offices.get(officeId) : directory.office(officeId).orElse(null);
        if (office == null) {
          error(path + ".office", "unknown-reference", "office " + officeId + " is neither in the document nor stored");
        }
      }
      LocalizedText name = text(path + ".name", entry.name());
      Place place = place(path, entry.place(), true);
      if (id != null && officeId != null && name != null && place != null) {
        Department department = within(path, () -> new Department(id, officeId, name, place));
        if (department != null) {
          plan.departments.add(department);
        }
      }
      if (entry.walkInHours() != null) {
        List<WalkInHours> hours = new ArrayList<>();
        for (int i = 0; i < entry.walkInHours().size(); i++) {
          String hoursPath = path + ".walkInHours[" + i + "]";
          HoursEntry h = entry.walkInHours().get(i);
          hours.add(missing(hoursPath, h) ? null : within(hoursPath, () -> new WalkInHours(h.day(), h.start(), h.end())));
        }
        if (id != null && !hours.contains(null)) {
          plan.walkInHours.put(id, List.copyOf(hours));
        }
      }
      List<OfficialEntry> officials = listOf(entry.officials());
      for (int i = 0; i < officials.size(); i++) {
        official(path + ".officials[" + i + "]", officials.get(i), id, office);
      }
      List<AgendaEntry> agendas = listOf(entry.agendas());
      for (int i = 0; i < agendas.size(); i++) {
        String agendaPath = path + ".agendas[" + i + "]";
        AgendaEntry agenda = agendas.get(i);
        agendaChecks.add(() -> agenda(agendaPath, agenda, id));
      }
    }

    private void official(String path, OfficialEntry entry, DepartmentId department, Office office) {
      if (missing(path, entry)) {
        return;
      }
      OfficialId id = id(path + ".id", entry.id(), OfficialId::of, "official");
      if (id != null) {
        officialsInDocument.put(id, department);
        officialPaths.put(id, path);
      }
      boolean active = entry.active() == null || entry.active();
      if (id != null) {
        activeInDocument.put(id, active);
      }
      if (id != null && department != null) {
        Official official = within(path, () -> new Official(id, department, entry.name(), entry.room(), entry.email(),
            active));
        if (official != null) {
          plan.officials.add(official);
        }
      } else {
        // Still name the official's own errors when its id or department is wrong.
        within(path, () -> new Official(OfficialId.of("x"), DepartmentId.of("x"), entry.name(), entry.room(),
            entry.email(), active));
      }
      if (entry.windows() == null) {
        return;
      }
      List<Window> windows = new ArrayList<>();
      for (int i = 0; i < entry.windows().size(); i++) {
        String windowPath = path + ".windows[" + i + "]";
        WindowEntry w = entry.windows().get(i);
        windows.add(missing(windowPath, w) ? null : window(windowPath, w, office));
        if (id != null && windows.get(i) != null) {
          windowsToCheck.add(new WindowAt(windowPath, id, department, windows.get(i)));
        }
      }
      if (id != null && !windows.contains(null)) {
        plan.windows.put(id, List.copyOf(windows));
      }
    }

    private Window window(String path, WindowEntry w, Office office) {
      Place place = w.place() == null ? null : place(path, w.place(), false);
      if (w.place() != null && place == null) {
        return null;
      }
      Window window = within(path, () -> new Window(w.day(), w.start(), w.end(), w.validFrom(), w.validUntil(),
          w.holidayOpenings() == null ? null : new LinkedHashSet<>(w.holidayOpenings()), place, or(w.phoneSlots(), 0),
          or(w.phonePercent(), 0), agendaIds(path + ".agendas", w.agendas())));
      if (window != null && office != null) {
        return within(path, () -> {
          ChangingSchedule.requireOnGrid(office, "start", window);
          ChangingSchedule.requirePhoneShareFits(office, "phoneSlots", window);
          return window;
        });
      }
      return window;
    }

    private void agenda(String path, AgendaEntry entry, DepartmentId department) {
      if (missing(path, entry)) {
        return;
      }
      AgendaId id = id(path + ".id", entry.id(), AgendaId::of, "agenda");
      LocalizedText name = text(path + ".name", entry.name());
      Set<OfficialId> officials = new LinkedHashSet<>();
      boolean officialsOk = true;
      List<String> named = listOf(entry.officials());
      for (int i = 0; i < named.size(); i++) {
        String officialPath = path + ".officials[" + i + "]";
        OfficialId official = id(officialPath, named.get(i), OfficialId::of, null);
        officialsOk &= official != null && handles(officialPath, official, department);
        officials.add(official);
      }
      int slots = or(entry.slots(), 1);
      List<Deputies> deputies = deputies(path, entry, id, officials);
      if (id != null && department != null && name != null && officialsOk && deputies != null) {
        plan.deputies.put(id, deputies);
      }
      if (id == null || department == null || name == null || !officialsOk) {
        within(path, () -> new Agenda(AgendaId.of("x"), DepartmentId.of("x"), LocalizedText.of("x", "x"), slots,
            Set.of()));
        return;
      }
      Agenda agenda = within(path, () -> new Agenda(id, department, name, slots, officials));
      if (agenda != null) {
        plan.agendas.add(agenda);
      }
    }

    /**
     * The agenda's deputies lists as the API checks them (each official and deputy handles the
     * agenda, deputies are active, nobody is their own deputy), one for every official of the
     * agenda; null when the entry leaves them out or has an error.
     */
    private List<Deputies> deputies(String path, AgendaEntry entry, AgendaId agenda, Set<OfficialId> officials) {
      if (entry.deputies() == null) {
        return null;
      }
      Map<OfficialId, Deputies> lists = new HashMap<>();
      Set<OfficialId> listed = new HashSet<>();
      boolean ok = true;
      for (int i = 0; i < entry.deputies().size(); i++) {
        String listPath = path + ".deputies[" + i + "]";
        DeputiesEntry d = entry.deputies().get(i);
        if (missing(listPath, d)) {
          ok = false;
          continue;
        }
        OfficialId official = id(listPath + ".official", d.official(), OfficialId::of, null);
        boolean listOk = official != null && onAgenda(listPath + ".official", official, agenda, officials, false);
        if (listOk && !listed.add(official)) {
          error(listPath + ".official", "duplicate", "official " + official + " has a deputies list already");
          listOk = false;
        }
        List<OfficialId> named = new ArrayList<>();
        List<String> ids = required(listPath + ".deputies", d.deputies());
        listOk &= ids != null;
        for (int j = 0; ids != null && j < ids.size(); j++) {
          String deputyPath = listPath + ".deputies[" + j + "]";
          OfficialId deputy = id(deputyPath, ids.get(j), OfficialId::of, null);
          boolean deputyOk = deputy != null && onAgenda(deputyPath, deputy, agenda, officials, true);
          if (deputyOk && deputy.equals(official)) {
            error(deputyPath, "invalid", "official " + official + " cannot be their own deputy");
            deputyOk = false;
          } else if (deputyOk && named.contains(deputy)) {
            error(deputyPath, "duplicate", "official " + deputy + " is named twice");
            deputyOk = false;
          }
          listOk &= deputyOk;
          named.add(deputy);
        }
        if (listOk && agenda != null) {
          Deputies list = within(listPath, () -> new Deputies(official, agenda, named));
          listOk = list != null;
          if (list != null) {
            lists.put(official, list);
          }
        }
        ok &= listOk;
      }
      if (!ok || agenda == null) {
        return null;
      }
      return officials.stream().map(o -> lists.getOrDefault(o, Deputies.none(o, agenda))).toList();
    }

    /** Whether the official exists (in the document or stored), handles the agenda and, for a deputy, is active. */
    private boolean onAgenda(String path, OfficialId official, AgendaId agenda, Set<OfficialId> officials,
        boolean deputy) {
      Optional<Official> stored = officialsInDocument.containsKey(official) ? Optional.empty()
          : directory.official(official);
      if (!officialsInDocument.containsKey(official) && stored.isEmpty()) {
        error(path, "unknown-reference", "official " + official + " is neither in the document nor stored");
        return false;
      }
      if (!officials.contains(official)) {
        error(path, "invalid", "official " + official + " does not handle agenda " + agenda);
        return false;
      }
      boolean active = stored.map(Official::active).orElseGet(() -> activeInDocument.getOrDefault(official, true));
      if (deputy && !active) {
        error(path, "invalid", "official " + official + " is inactive");
        return false;
      }
      return true;
    }

    /** Whether the official may be named by an agenda of the department (after the import). */
    private boolean handles(String path, OfficialId official, DepartmentId department) {
      DepartmentId actual = officialsInDocument.containsKey(official)
          ? officialsInDocument.get(official)
          : directory.official(official).map(Official::department).orElse(null);
      if (actual == null) {
        error(path, "unknown-reference", "official " + official + " is neither in the document nor stored");
        return false;
      }
      if (department != null && !actual.equals(department)) {
        error(path, "conflict", "official " + official + " is of department " + actual + ", not " + department);
        return false;
      }
      return true;
    }

    /** Ids of a window's agendas, valid or not yet checked against the officials (see {@link #windowAgendas}). */
    private Set<AgendaId> agendaIds(String path, List<String> ids) {
      Set<AgendaId> agendas = new LinkedHashSet<>();
      List<String> listed = listOf(ids);
      for (int i = 0; i < listed.size(); i++) {
        AgendaId agenda = id(path + "[" + i + "]", listed.get(i), AgendaId::of, null);
        if (agenda != null) {
          agendas.add(agenda);
        }
      }
      return agendas;
    }

    /**
     * Each window serves only agendas its official handles, as the document leaves them: the
     * document's agendas name their officials; an agenda it leaves out keeps its stored officials.
     */
    private void windowAgendas() {
      Map<AgendaId, Agenda> inDocument = new HashMap<>();
      for (Agenda a : plan.agendas) {
        inDocument.put(a.id(), a);
      }
      for (WindowAt at : windowsToCheck) {
        for (AgendaId id : at.window().agendas()) {
          Agenda agenda = inDocument.containsKey(id) ? inDocument.get(id) : directory.agenda(id).orElse(null);
          if (agenda == null || !agenda.department().equals(at.department()) || !agenda.handledBy(at.official())) {
            error(at.path() + ".agendas", "invalid", "agenda " + id + " is not handled by official " + at.official());
          }
        }
      }
    }

    /** An official the document moves to another department must not stay on a stored agenda of the old one. */
    private void movedOfficials(List<DepartmentEntry> departments) {
      Set<AgendaId> inDocument = new LinkedHashSet<>();
      for (Agenda a : plan.agendas) {
        inDocument.add(a.id());
      }
      officialsInDocument.forEach((official, department) -> {
        Optional<Official> stored = directory.official(official);
        if (department == null || stored.isEmpty() || stored.get().department().equals(department)) {
          return;
        }
        List<String> naming = directory.agendas(stored.get().department()).stream()
            .filter(a -> !inDocument.contains(a.id()) && a.handledBy(official)).map(a -> a.id().value()).toList();
        if (!naming.isEmpty()) {
          error(officialPaths.get(official) + ".id", "conflict", "official " + official + " moves to department "
              + department + " but agenda(s) " + String.join(", ", naming) + " of department "
              + stored.get().department() + " still name them: list those agendas without them");
        }
      });
    }

    private LocalizedText text(String path, Text text) {
      if (missing(path, text)) {
        return null;
      }
      return within(path, () -> LocalizedText.of(text.cs(), text.en()));
    }

    /** Place errors are named {@code place.name}, so they are reported within the owner's path. */
    private Place place(String ownerPath, PlaceEntry place, boolean isRequired) {
      if (place == null) {
        if (isRequired) {
          error(ownerPath + ".place", "required", "is required");
        }
        return null;
      }
      Text d = place.description();
      LocalizedText description = d == null || d.cs() == null && d.en() == null ? null
          : within(ownerPath + ".place.description", () -> LocalizedText.of(d.cs() == null ? d.en() : d.cs(),
              d.en() == null ? d.cs() : d.en()));
      return within(ownerPath, () -> new Place(place.name(), place.address(), description));
    }

    private ZoneId zone(String path, String zone) {
      if (required(path, zone) == null) {
        return null;
      }
      try {
        return ZoneId.of(zone.strip());
      } catch (DateTimeException e) {
        error(path, "invalid", "must be a time-zone id such as Europe/Prague");
        return null;
      }
    }

    /** Parses an id; with a kind, also checks that the document names it once. */
    private <T> T id(String path, String value, Function<String, T> parse, String kind) {
      if (required(path, value) == null) {
        return null;
      }
      T id = at(path, () -> parse.apply(value));
      if (id != null && kind != null) {
        String first = seen.putIfAbsent(kind + ":" + value, path);
        if (first != null) {
          error(path, "duplicate", kind + " " + value + " is already in the document at " + first);
          return null;
        }
      }
      return id;
    }

    private <T> T required(String path, T value) {
      if (value == null) {
        error(path, "required", "is required");
      }
      return value;
    }

    private boolean missing(String path, Object value) {
      return required(path, value) == null;
    }

    /** Makes a value, naming a refusal at the path itself. */
    private <T> T at(String path, Supplier<T> make) {
      try {
        return make.get();
      } catch (InvalidInput e) {
        error(path, "invalid", e.problem());
        return null;
      }
    }

    /** Makes a value, naming a refusal by its field within the path. */
    private <T> T within(String path, Supplier<T> make) {
      try {
        return make.get();
      } catch (InvalidInput e) {
        String field = e.field();
        error(path + "." + FIELD_NAMES.getOrDefault(field, field), e.problem().equals("is required") ? "required"
            : "invalid", e.problem());
        return null;
      }
    }

    private void error(String path, String code, String detail) {
      errors.add(new Finding(path, code, detail));
    }
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  private static OfficeEntry entry(Office o) {
    BookingPolicy p = o.policy();
    return new OfficeEntry(o.id().value(), text(o.name()), o.zone().getId(), o.slotMinutes(), place(o.place()),
        o.phones().stream().map(ph -> new PhoneEntry(text(ph.purpose()), ph.number())).toList(),
        new PolicyEntry(p.horizonDays(), p.minimumNotice(), p.maxOpenPerEmail(), p.topicMaxLength(), p.retentionDays(),
            p.reminderLead(), p.feedShowsCitizenNames(), p.phoneShareRelease(), p.maxDailyPerEmail(),
            p.proposalHold()),
        Office.DEFAULT_HOLIDAY_CALENDAR.equals(o.holidayCalendar()) ? null : o.holidayCalendar());
  }

  private static OfficialEntry entry(Official o, List<Window> windows) {
    return new OfficialEntry(o.id().value(), o.name(), o.room(), o.email(), o.active(), windows.stream()
        .map(w -> new WindowEntry(w.day(), w.start(), w.end(), w.validFrom(), w.validUntil(), null,
            w.place() == null ? null : place(w.place()), w.phoneSlots() > 0 ? w.phoneSlots() : null,
            w.phonePercent() > 0 ? w.phonePercent() : null,
            w.holidayOpenings().isEmpty() ? null : List.copyOf(w.holidayOpenings()),
            w.agendas().isEmpty() ? null : w.agendas().stream().map(AgendaId::value).sorted().toList()))
        .toList());
  }

  private static AgendaEntry entry(Agenda a, List<DeputiesEntry> deputies) {
    return new AgendaEntry(a.id().value(), text(a.name()), a.slots(),
        a.officials().stream().map(OfficialId::value).sorted().toList(), deputies);
  }

  private static Text text(LocalizedText text) {
    return new Text(text.cs(), text.en());
  }

  private static PlaceEntry place(Place place) {
    return new PlaceEntry(place.name(), place.address(), place.description() == null ? null : text(place.description()));
  }

  /** A window of the document and where it stands, for the check of its agendas. */
  private record WindowAt(String path, OfficialId official, DepartmentId department, Window window) {}
}
