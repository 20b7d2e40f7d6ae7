/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/*
 * The staff console at {base}/console/: operators' worklist, booking for a caller, searching
 * reservations, an official's printable day plan, absences, printable weekly statistics, and the
 * administrators' pages for departments, officials, agendas, diaries, the office's settings, staff
 * accounts and the audit log. One page; the part shown follows the address's
 * #fragment. Session cookie from the login form; every change is sent with X-Requested-With (the
 * API's second CSRF lock). Server text is always set as text, never parsed as HTML.
 */
import { el, fill, uid, Api, explain, Clock, TimePicker, takenKey, details, placeText, addDays, randomKey, words } from '../kit/kit.js';
import { TEXTS as KIT_TEXTS } from '../kit/texts.js';

(() => {
  const TEXTS = words({
    cs: {
      console: 'Konzole',
      skip: 'Přeskočit na obsah',
      menu: 'Hlavní nabídka',
      switchTo: 'English',
      switchLang: 'en',
      loading: 'Načítám…',
      saving: 'Ukládám…',
      signedIn: 'Přihlášen: {name} ({role})',
      logout: 'Odhlásit',
      roles: { OPERATOR: 'operátor', OFFICIAL: 'úředník', ADMIN: 'správce' },
      pages: {
        login: 'Přihlášení',
        start: 'Začínáme',
        worklist: 'Pracovní seznam',
        book: 'Objednat volajícího',
        search: 'Hledat rezervace',
        'day-plan': 'Denní plán',
        absences: 'Nepřítomnosti',
        departments: 'Odbory',
        officials: 'Úředníci',
        agendas: 'Agendy',
        diaries: 'Diáře',
        statistics: 'Statistiky',
        office: 'Nastavení úřadu',
        directory: 'Import a export',
        accounts: 'Účty pracovníků',
        audit: 'Záznam změn',
      },
      firstRunIntro: 'Kroky k prvnímu termínu, který si občan může objednat. Každý krok vede na stránku, kde ho uděláte; hotové kroky jsou odškrtnuté.',
      steps: {
        office: 'Založte úřad: název, časové pásmo, délka úseku, telefony a pravidla objednávání',
        departments: 'Přidejte odbor',
        officials: 'Přidejte úředníka',
        agendas: 'Přidejte agendu a určete, kteří úředníci ji vyřizují',
        windows: 'Nastavte úředníkovi okna v diáři',
        slot: 'Občané mají volný termín',
      },
      stepDone: 'hotovo',
      stepOpen: 'zbývá',
      firstSlot: 'První volný termín: {when}.',
      noSlotYet: 'Zatím žádný volný termín: zkontrolujte okna v diáři, agendy a pravidla objednávání.',
      allDone: 'Vše je nastaveno: občané se mohou objednat.',
      importInstead: 'Celý adresář (úřady, odbory, úředníky, agendy, okna a úřední hodiny) můžete také nahrát najednou jako soubor:',
      need: {
        office: 'Nejdříve založte úřad.',
        departments: 'Nejdříve založte odbor.',
        officials: 'Nejdříve přidejte úředníka.',
        agendas: 'Nejdříve přidejte agendu s úředníkem.',
      },
      needLink: {
        office: 'Založit úřad',
        departments: 'Přidat odbor',
        officials: 'Přidat úředníka',
        agendas: 'Přidat agendu',
      },
      newOffice: 'Nový úřad',
      officeCreateIntro: 'Úřad zatím není založen. Vyplňte jeho údaje; pravidla objednávání mají obvyklé hodnoty a můžete je později změnit.',
      directoryIntro: 'Adresář jako jeden soubor JSON: úřady, odbory s úředními hodinami, úředníci s okny v diáři a agendy. Každý objekt má svůj identifikátor, takže soubor můžete stáhnout, upravit a znovu nahrát.',
      directoryRules: 'Nahrání přidá a změní, co soubor obsahuje, a nic nemaže (úředníka vyřadíte hodnotou "active": false). Soubor se nejdřív celý zkontroluje: má-li chyby, nezmění se nic. Opakované nahrání téhož souboru nic nezmění.',
      download: 'Stáhnout adresář (JSON)',
      uploadTitle: 'Nahrát adresář',
      chooseFile: 'Soubor JSON s adresářem',
      upload: 'Nahrát',
      noFile: 'Vyberte soubor.',
      imported: 'Adresář nahrán: {summary}.',
      importedNothing: 'Soubor odpovídá uloženému adresáři; nic se nezměnilo.',
      notJson: 'Soubor není platný JSON ({why}); nic se nezměnilo.',
      importErrors: 'Soubor má chyby ({n}); nic se nezměnilo.',
      errorsCaption: 'Chyby v souboru',
      errorPath: 'Místo v souboru',
      errorCode: 'Druh',
      errorDetail: 'Co je špatně',
      importSummary: '{created} přidáno, {updated} změněno, {unchanged} beze změny, přesunutých rezervací {displaced}',
      username: 'Uživatelské jméno',
      password: 'Heslo',
      login: 'Přihlásit se',
      sessionOver: 'Přihlášení vypršelo. Přihlaste se prosím znovu.',
      required: 'Vyplňte prosím.',
      status: { ACTIVE: 'platná', DISPLACED: 'čeká na nový termín', CANCELLED: 'zrušená', COMPLETED: 'proběhla', NO_SHOW: 'nedostavil se' },
      channel: { WEB: 'web', PHONE: 'telefon' },
      kinds: { HOLIDAY: 'dovolená', ILLNESS: 'nemoc', TRAINING: 'školení', BLOCK: 'blokace' },
      // worklist
      worklistIntro: 'Rezervace, jejichž čas zrušila změna v programu úředníka. Domluvte s občanem nový termín a přesuňte ji, nebo ji zrušte s poznámkou.',
      worklistEmpty: 'Na pracovním seznamu nic není.',
      refresh: 'Obnovit',
      caller: 'Občan',
      phone: 'Telefon',
      email: 'E-mail',
      none: '–',
      originally: 'Původní čas',
      official: 'Úředník',
      department: 'Odbor',
      agenda: 'Agenda',
      topic: 'Téma',
      note: 'Poznámka pro občana',
      noteHint: 'Dostane ji e-mailem; zapíše se i do záznamu změn.',
      proposals: 'Navržené náhradní termíny',
      noProposals: 'Žádný náhradní termín se nenašel. Vyberte jiný čas.',
      moveTo: 'Přesunout: {when}',
      otherTime: 'Vybrat jiný čas',
      cancelWithNote: 'Zrušit s poznámkou',
      noteNeeded: 'Ke zrušení napište poznámku: proč, pro občana.',
      moved: 'Rezervace ({name}) je přesunuta. Nový čas: {when}. Občanovi odchází e-mail.',
      cancelled: 'Rezervace ({name}) je zrušena. Občanovi odchází e-mail.',
      undelivered: 'Nedoručené zprávy',
      retry: 'Poslat znovu',
      retried: 'Zpráva je znovu ve frontě k odeslání.',
      attempts: 'pokusů: {n}',
      // booking
      bookIntro: 'Objednání po telefonu: vyberte odbor, agendu, úředníka a čas, pak vyplňte údaje volajícího. E-mail je nepovinný.',
      anyone: 'Kdokoli – první volný termín',
      language: 'Jazyk zpráv',
      languages: { cs: 'čeština', en: 'angličtina' },
      name: 'Jméno a příjmení',
      chooseTime: 'Vyberte den a čas',
      chosen: 'Vybraný čas: {when}, {who}',
      pickTimeFirst: 'Nejdřív vyberte čas.',
      bookButton: 'Objednat',
      booked: 'Objednáno: {when}, {who}.',
      // search
      text: 'Jméno, e-mail nebo telefon',
      from: 'Od',
      to: 'Do',
      anyStatus: 'jakýkoli',
      anyDepartment: 'všechny',
      anyOfficial: 'všichni',
      find: 'Hledat',
      results: 'Nalezeno: {n}',
      when: 'Kdy',
      contact: 'Kontakt',
      statusLabel: 'Stav',
      channelLabel: 'Kanál',
      actions: 'Akce',
      came: 'Přišel',
      noShow: 'Nepřišel',
      cancel: 'Zrušit',
      outcomeSaved: 'Zapsáno.',
      // day plan
      date: 'Den',
      show: 'Zobrazit',
      print: 'Vytisknout',
      planTitle: '{who} – {day}',
      holiday: 'Státní svátek: {name}',
      windows: 'Časy pro objednané',
      noWindows: 'Tento den nejsou žádné časy pro objednané.',
      absencesTitle: 'Nepřítomnost',
      reservationsTitle: 'Schůzky',
      noReservations: 'Na tento den nikdo objednaný není.',
      // absences
      absencesIntro: 'Nepřítomnost odebere čas z diáře. Schůzky, které do ní padnou, se přesunou na pracovní seznam a občané dostanou e-mail.',
      start: 'Začátek',
      end: 'Konec',
      time: 'Čas',
      kind: 'Druh',
      reason: 'Důvod (interní)',
      record: 'Zapsat nepřítomnost',
      recorded: 'Nepřítomnost je zapsána. Schůzek na pracovním seznamu: {n}.',
      remove: 'Odstranit',
      removed: 'Nepřítomnost je odstraněna.',
      upcoming: 'Zapsané nepřítomnosti (příštích 90 dní)',
      noAbsences: 'Žádné.',
      // administration
      id: 'Kód',
      idHint: 'Malá písmena, číslice a pomlčky, např. civil-affairs. Nejde později změnit.',
      nameCs: 'Název česky',
      nameEn: 'Název anglicky',
      placeName: 'Místo',
      placeAddress: 'Adresa',
      save: 'Uložit',
      saved: 'Uloženo.',
      add: 'Přidat',
      edit: 'Upravit',
      newDepartment: 'Nový odbor',
      newOfficial: 'Nový úředník',
      newAgenda: 'Nová agenda',
      walkIn: 'Úřední hodiny (bez objednání)',
      saveHours: 'Uložit úřední hodiny',
      room: 'Dveře / kancelář',
      active: 'Přijímá objednávky',
      displaced: 'Uloženo. Schůzek přesunutých na pracovní seznam: {n}.',
      savedNothingDisplaced: 'Uloženo.',
      slots: 'Délka (počet časových úseků)',
      handledBy: 'Vyřizují',
      chooseOfficial: 'Úředník',
      window: 'Okno {n}',
      day: 'Den v týdnu',
      validFrom: 'Platí od',
      validUntil: 'Platí do (nepovinné)',
      onHolidays: 'I ve státní svátek',
      addWindow: 'Přidat okno',
      removeWindow: 'Odebrat okno',
      saveWindows: 'Uložit diář',
      days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
      // field errors from the API
      fieldInvalid: 'Tato hodnota neplatí. Opravte ji prosím.',
      between: 'Zadejte číslo od {min} do {max}.',
      // staff accounts
      accountsIntro: 'Účty pro přihlášení do konzole. Hesla se ukládají jen jako otisk a nikde se nezobrazují.',
      accountsCaption: 'Účty ({n})',
      newAccount: 'Nový účet',
      account: 'Účet {name}',
      editAccount: 'Upravit účet {name}',
      usernameHint: 'Nejde později změnit.',
      role: 'Role',
      accountOfficial: 'Úředník, jehož diář spravuje',
      accountState: 'Stav',
      accountActive: 'aktivní',
      accountDisabled: 'zablokovaný',
      activeCheck: 'Účet je aktivní (může se přihlásit)',
      newPassword: 'Nové heslo',
      passwordAgain: 'Nové heslo znovu',
      passwordHintNew: 'Alespoň 12 znaků (nejvýš 256).',
      passwordHintKeep: 'Nechte prázdné, pokud se heslo nemění. Nové heslo: alespoň 12 znaků (nejvýš 256).',
      passwordRule: 'Heslo musí mít 12 až 256 znaků.',
      passwordNeeded: 'Nový účet potřebuje heslo.',
      passwordMismatch: 'Hesla se neshodují.',
      accountSaved: 'Účet {name} je uložen.',
      // audit log
      auditIntro: 'Kdo co změnil, od nejnovějšího záznamu. Časy jsou v místním čase úřadu.',
      limit: 'Kolik posledních záznamů načíst',
      filter: 'Hledat v načtených (kdo, co, čeho se týká)',
      auditCaption: 'Zobrazené záznamy: {shown} z {total}',
      auditEmpty: 'Žádné záznamy.',
      who: 'Kdo',
      what: 'Co',
      subject: 'Čeho se týká',
      change: 'Změna',
      before: 'Před',
      after: 'Po',
      auditActions: {
        'staff.account.save': 'Uložení účtu',
        'staff.login': 'Přihlášení',
        'staff.logout': 'Odhlášení',
        'staff.login-failed': 'Nepovedené přihlášení',
        'office.save': 'Změna nastavení úřadu',
        'department.save': 'Uložení odboru',
        'department.walk-in-hours': 'Změna úředních hodin',
        'official.save': 'Uložení úředníka',
        'agenda.save': 'Uložení agendy',
        'diary.windows': 'Změna diáře',
        'absence.record': 'Zápis nepřítomnosti',
        'absence.remove': 'Odstranění nepřítomnosti',
        'reservation.book': 'Objednání',
        'reservation.cancel': 'Zrušení rezervace',
        'reservation.move': 'Přesun rezervace',
        'reservation.outcome': 'Výsledek schůzky',
        'message.retry': 'Nové odeslání zprávy',
      },
      // statistics
      statsIntro: 'Rezervace podle odboru a týdne schůzky (v místním čase úřadu): kolik jich bylo, jakým kanálem a jak skončily.',
      statsCaption: 'Rezervace podle týdnů, {from} – {to}',
      onlyBusyWeeks: 'Jen týdny s rezervacemi',
      week: 'Týden',
      weekOf: '{iso} (od {day})',
      bookings: 'Rezervace',
      web: 'Web',
      statActive: 'Platné',
      statDisplaced: 'Čekají na nový termín',
      statCancelled: 'Zrušené',
      statCompleted: 'Proběhly',
      statNoShows: 'Nedostavili se',
      total: 'Celkem',
      noBookings: 'V tomto období nejsou žádné rezervace.',
      truncated: 'Některý týden má víc rezervací, než statistika umí spočítat: čísla jsou neúplná.',
      // office settings
      officeIntro: 'Pravidla objednávání a údaje, které občané vidí u formuláře.',
      officeBasics: 'Úřad',
      zone: 'Časové pásmo',
      zoneHint: 'Např. Europe/Prague.',
      slotMinutes: 'Délka časového úseku (minuty)',
      slotHint: 'Platí pro všechny diáře úřadu.',
      officeAddress: 'Adresa úřadu',
      phones: 'Telefonní čísla',
      phoneN: 'Telefon {n}',
      purposeCs: 'Účel česky',
      purposeEn: 'Účel anglicky',
      number: 'Číslo',
      addPhone: 'Přidat číslo',
      removePhone: 'Odebrat číslo',
      policy: 'Pravidla objednávání',
      horizonDays: 'Kolik dní dopředu lze objednat',
      minimumNotice: 'Nejkratší předstih objednání (hodiny)',
      noticeHint: 'Jak dlouho před schůzkou se objednávání uzavře, např. 2 nebo 0,5.',
      hoursBetween: 'Zadejte počet hodin od 0 do {max}, např. 2 nebo 0,5.',
      reminderLead: 'Připomínka před schůzkou (hodiny)',
      maxOpenPerEmail: 'Nejvýš otevřených rezervací na jeden e-mail',
      topicMaxLength: 'Nejdelší téma (znaků)',
      retentionDays: 'Osobní údaje držet po schůzce (dny)',
      retentionHint: 'Potom se osobní údaje rezervace anonymizují.',
    },
    en: {
      console: 'Console',
      skip: 'Skip to content',
      menu: 'Main menu',
      switchTo: 'Čeština',
      switchLang: 'cs',
      loading: 'Loading…',
      saving: 'Saving…',
      signedIn: 'Signed in: {name} ({role})',
      logout: 'Sign out',
      roles: { OPERATOR: 'operator', OFFICIAL: 'official', ADMIN: 'administrator' },
      pages: {
        login: 'Sign in',
        start: 'Getting started',
        worklist: 'Worklist',
        book: 'Book for a caller',
        search: 'Search bookings',
        'day-plan': 'Day plan',
        absences: 'Absences',
        departments: 'Departments',
        officials: 'Officials',
        agendas: 'Matters',
        diaries: 'Diaries',
        statistics: 'Statistics',
        office: 'Office settings',
        directory: 'Import and export',
        accounts: 'Staff accounts',
        audit: 'Audit log',
      },
      firstRunIntro: 'The steps to the first time a citizen can book. Each step leads to the page where you take it; steps done are ticked.',
      steps: {
        office: 'Create the office: name, time zone, slot length, phones and booking rules',
        departments: 'Add a department',
        officials: 'Add an official',
        agendas: 'Add a matter and choose the officials who handle it',
        windows: 'Give an official bookable windows in their diary',
        slot: 'Citizens have a free time to book',
      },
      stepDone: 'done',
      stepOpen: 'to do',
      firstSlot: 'The first free time: {when}.',
      noSlotYet: 'No free time yet: check the diaries\' windows, the matters and the booking rules.',
      allDone: 'Everything is set up: citizens can book.',
      importInstead: 'You can also upload the whole directory (offices, departments, officials, matters, windows and office hours) at once as a file:',
      need: {
        office: 'Create the office first.',
        departments: 'Create a department first.',
        officials: 'Add an official first.',
        agendas: 'Add a matter with an official first.',
      },
      needLink: {
        office: 'Create the office',
        departments: 'Add a department',
        officials: 'Add an official',
        agendas: 'Add a matter',
      },
      newOffice: 'New office',
      officeCreateIntro: 'There is no office yet. Fill in its details; the booking rules start with the usual values, which you can change later.',
      directoryIntro: 'The directory as one JSON file: offices, departments with their office hours, officials with their diary windows, and matters. Every object has its id, so you can download the file, edit it and upload it again.',
      directoryRules: 'An upload adds and changes what the file holds and deletes nothing (retire an official with "active": false). The whole file is checked first: if it has errors, nothing changes. Uploading the same file again changes nothing.',
      download: 'Download the directory (JSON)',
      uploadTitle: 'Upload a directory',
      chooseFile: 'JSON file with the directory',
      upload: 'Upload',
      noFile: 'Choose a file.',
      imported: 'Directory uploaded: {summary}.',
      importedNothing: 'The file matches the stored directory; nothing changed.',
      notJson: 'The file is not valid JSON ({why}); nothing changed.',
      importErrors: 'The file has errors ({n}); nothing changed.',
      errorsCaption: 'Errors in the file',
      errorPath: 'Place in the file',
      errorCode: 'Kind',
      errorDetail: 'What is wrong',
      importSummary: '{created} added, {updated} changed, {unchanged} unchanged, {displaced} bookings displaced',
      username: 'User name',
      password: 'Password',
      login: 'Sign in',
      sessionOver: 'Your session has ended. Please sign in again.',
      required: 'Please fill this in.',
      status: { ACTIVE: 'active', DISPLACED: 'waiting for a new time', CANCELLED: 'cancelled', COMPLETED: 'took place', NO_SHOW: 'did not come' },
      channel: { WEB: 'web', PHONE: 'phone' },
      kinds: { HOLIDAY: 'holiday', ILLNESS: 'illness', TRAINING: 'training', BLOCK: 'block' },
      worklistIntro: 'Bookings whose time an official\'s change removed. Agree a new time with the citizen and move it, or cancel it with a note.',
      worklistEmpty: 'The worklist is empty.',
      refresh: 'Refresh',
      caller: 'Citizen',
      phone: 'Phone',
      email: 'E-mail',
      none: '–',
      originally: 'Original time',
      official: 'Official',
      department: 'Department',
      agenda: 'Matter',
      topic: 'Topic',
      note: 'Note for the citizen',
      noteHint: 'Sent to them by e-mail and kept in the audit log.',
      proposals: 'Proposed replacement times',
      noProposals: 'No replacement time was found. Choose another time.',
      moveTo: 'Move: {when}',
      otherTime: 'Choose another time',
      cancelWithNote: 'Cancel with the note',
      noteNeeded: 'Write a note to cancel: why, for the citizen.',
      moved: 'The booking ({name}) is moved to {when}. An e-mail is on its way to the citizen.',
      cancelled: 'The booking ({name}) is cancelled. An e-mail is on its way to the citizen.',
      undelivered: 'Undelivered messages',
      retry: 'Send again',
      retried: 'The message is queued again.',
      attempts: 'attempts: {n}',
      bookIntro: 'Booking by phone: choose the department, matter, official and time, then the caller\'s details. E-mail is optional.',
      anyone: 'Anyone – first available time',
      language: 'Language of messages',
      languages: { cs: 'Czech', en: 'English' },
      name: 'Full name',
      chooseTime: 'Choose a day and time',
      chosen: 'Chosen time: {when}, {who}',
      pickTimeFirst: 'Choose a time first.',
      bookButton: 'Book',
      booked: 'Booked: {when}, {who}.',
      text: 'Name, e-mail or phone',
      from: 'From',
      to: 'To',
      anyStatus: 'any',
      anyDepartment: 'all',
      anyOfficial: 'all',
      find: 'Search',
      results: 'Found: {n}',
      when: 'When',
      contact: 'Contact',
      statusLabel: 'Status',
      channelLabel: 'Channel',
      actions: 'Actions',
      came: 'Came',
      noShow: 'Did not come',
      cancel: 'Cancel',
      outcomeSaved: 'Recorded.',
      date: 'Day',
      show: 'Show',
      print: 'Print',
      planTitle: '{who} – {day}',
      holiday: 'Public holiday: {name}',
      windows: 'Times for bookings',
      noWindows: 'No times for bookings on this day.',
      absencesTitle: 'Absence',
      reservationsTitle: 'Meetings',
      noReservations: 'Nobody is booked on this day.',
      absencesIntro: 'An absence removes time from the diary. Meetings that fall into it move to the worklist and the citizens get an e-mail.',
      start: 'Start',
      end: 'End',
      time: 'Time',
      kind: 'Kind',
      reason: 'Reason (internal)',
      record: 'Record the absence',
      recorded: 'The absence is recorded. Meetings moved to the worklist: {n}.',
      remove: 'Remove',
      removed: 'The absence is removed.',
      upcoming: 'Recorded absences (next 90 days)',
      noAbsences: 'None.',
      id: 'Code',
      idHint: 'Lower-case letters, digits and hyphens, e.g. civil-affairs. Cannot be changed later.',
      nameCs: 'Name in Czech',
      nameEn: 'Name in English',
      placeName: 'Place',
      placeAddress: 'Address',
      save: 'Save',
      saved: 'Saved.',
      add: 'Add',
      edit: 'Edit',
      newDepartment: 'New department',
      newOfficial: 'New official',
      newAgenda: 'New matter',
      walkIn: 'Office hours (without appointment)',
      saveHours: 'Save office hours',
      room: 'Door / office',
      active: 'Takes bookings',
      displaced: 'Saved. Meetings moved to the worklist: {n}.',
      savedNothingDisplaced: 'Saved.',
      slots: 'Length (number of slots)',
      handledBy: 'Handled by',
      chooseOfficial: 'Official',
      window: 'Window {n}',
      day: 'Day of the week',
      validFrom: 'Valid from',
      validUntil: 'Valid until (optional)',
      onHolidays: 'Also on public holidays',
      addWindow: 'Add a window',
      removeWindow: 'Remove the window',
      saveWindows: 'Save the diary',
      days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
      fieldInvalid: 'This value is not valid. Please correct it.',
      between: 'Enter a number from {min} to {max}.',
      accountsIntro: 'Accounts for signing in to the console. Passwords are stored only as a hash and never shown.',
      accountsCaption: 'Accounts ({n})',
      newAccount: 'New account',
      account: 'Account {name}',
      editAccount: 'Edit the account {name}',
      usernameHint: 'Cannot be changed later.',
      role: 'Role',
      accountOfficial: 'Official whose diary they manage',
      accountState: 'State',
      accountActive: 'active',
      accountDisabled: 'disabled',
      activeCheck: 'The account is active (can sign in)',
      newPassword: 'New password',
      passwordAgain: 'New password again',
      passwordHintNew: 'At least 12 characters (at most 256).',
      passwordHintKeep: 'Leave empty to keep the password. A new one: at least 12 characters (at most 256).',
      passwordRule: 'The password must have 12 to 256 characters.',
      passwordNeeded: 'A new account needs a password.',
      passwordMismatch: 'The passwords differ.',
      accountSaved: 'The account {name} is saved.',
      auditIntro: 'Who changed what, newest first. Times are in the office\'s local time.',
      limit: 'How many of the latest entries to load',
      filter: 'Search the loaded entries (who, what, subject)',
      auditCaption: 'Entries shown: {shown} of {total}',
      auditEmpty: 'No entries.',
      who: 'Who',
      what: 'What',
      subject: 'Subject',
      change: 'Change',
      before: 'Before',
      after: 'After',
      auditActions: {
        'staff.account.save': 'Account saved',
        'staff.login': 'Signed in',
        'staff.logout': 'Signed out',
        'staff.login-failed': 'Failed sign-in',
        'office.save': 'Office settings changed',
        'department.save': 'Department saved',
        'department.walk-in-hours': 'Office hours changed',
        'official.save': 'Official saved',
        'agenda.save': 'Matter saved',
        'diary.windows': 'Diary changed',
        'absence.record': 'Absence recorded',
        'absence.remove': 'Absence removed',
        'reservation.book': 'Booked',
        'reservation.cancel': 'Booking cancelled',
        'reservation.move': 'Booking moved',
        'reservation.outcome': 'Meeting outcome',
        'message.retry': 'Message sent again',
      },
      statsIntro: 'Bookings per department and week of the meeting (in the office\'s local time): how many, by which channel and how they ended.',
      statsCaption: 'Bookings per week, {from} – {to}',
      onlyBusyWeeks: 'Only weeks with bookings',
      week: 'Week',
      weekOf: '{iso} (from {day})',
      bookings: 'Bookings',
      web: 'Web',
      statActive: 'Active',
      statDisplaced: 'Waiting for a new time',
      statCancelled: 'Cancelled',
      statCompleted: 'Took place',
      statNoShows: 'Did not come',
      total: 'Total',
      noBookings: 'No bookings in this period.',
      truncated: 'Some week has more bookings than the statistics can count: the figures are incomplete.',
      officeIntro: 'Booking rules and the details citizens see beside the form.',
      officeBasics: 'Office',
      zone: 'Time zone',
      zoneHint: 'E.g. Europe/Prague.',
      slotMinutes: 'Slot length (minutes)',
      slotHint: 'For every diary of the office.',
      officeAddress: 'The office\'s address',
      phones: 'Phone numbers',
      phoneN: 'Phone {n}',
      purposeCs: 'Purpose in Czech',
      purposeEn: 'Purpose in English',
      number: 'Number',
      addPhone: 'Add a number',
      removePhone: 'Remove the number',
      policy: 'Booking rules',
      horizonDays: 'How many days ahead one may book',
      minimumNotice: 'Minimum notice (hours)',
      noticeHint: 'How long before the meeting booking closes, e.g. 2 or 0.5.',
      hoursBetween: 'Enter a number of hours from 0 to {max}, e.g. 2 or 0.5.',
      reminderLead: 'Reminder before the meeting (hours)',
      maxOpenPerEmail: 'Most open bookings per e-mail address',
      topicMaxLength: 'Longest topic (characters)',
      retentionDays: 'Keep personal data after the meeting (days)',
      retentionHint: 'Then the booking\'s personal data is anonymised.',
    },
  });

  const PAGES = {
    start: { roles: ['ADMIN'], render: firstRun },
    worklist: { roles: ['OPERATOR', 'ADMIN'], render: worklist },
    book: { roles: ['OPERATOR', 'ADMIN'], render: book },
    search: { roles: ['OPERATOR', 'OFFICIAL', 'ADMIN'], render: search },
    'day-plan': { roles: ['OPERATOR', 'OFFICIAL', 'ADMIN'], render: dayPlan },
    absences: { roles: ['OPERATOR', 'OFFICIAL', 'ADMIN'], render: absences },
    statistics: { roles: ['OPERATOR', 'ADMIN'], render: statistics },
    departments: { roles: ['ADMIN'], render: departments },
    officials: { roles: ['ADMIN'], render: officials },
    agendas: { roles: ['ADMIN'], render: agendas },
    diaries: { roles: ['ADMIN'], render: diaries },
    office: { roles: ['ADMIN'], render: officeSettings },
    directory: { roles: ['ADMIN'], render: directoryTransfer },
    accounts: { roles: ['ADMIN'], render: accounts },
    audit: { roles: ['ADMIN'], render: audit },
  };

  const base = window.location.origin + window.location.pathname.replace(/\/console\/?$/, '');
  const api = new Api(base, 'same-origin', { 'X-Requested-With': 'civic-diary-console' });
  const state = { lang: readLanguage(), me: null, office: null, departments: [], taken: new Set() };

  const app = document.getElementById('app');
  const status = el('div', { class: 'cd-status', role: 'status', 'aria-live': 'polite' });
  const alert = el('div', { class: 'cd-alert', role: 'alert' });
  const content = el('div', { class: 'cd-console-content' });
  fill(app, status, alert, content);

  const t = () => TEXTS[state.lang];
  const kt = () => KIT_TEXTS[state.lang];
  const local = (text) => (text ? text[state.lang] || text.cs : '');
  const clock = () => new Clock(state.lang, state.office ? state.office.zone : 'Europe/Prague');

  function readLanguage() {
    try {
      const saved = window.localStorage.getItem('civicdiary-console-lang');
      if (saved === 'cs' || saved === 'en') return saved;
    } catch (e) {
      // storage may be off; Czech then
    }
    return 'cs';
  }

  // ---------------------------------------------------------------- messages

  function say(message) {
    fill(alert);
    const p = el('p', { class: 'cd-success', tabindex: '-1', text: message });
    fill(status, p);
    return p;
  }

  function quiet() {
    fill(status);
    fill(alert);
  }

  /** A failed call in plain words; a lost session goes back to the login form. */
  function failed(result) {
    if (result.status === 401) {
      state.me = null;
      renderLogin(t().sessionOver);
      return;
    }
    const message = explainStaff(result);
    fill(status);
    fill(alert, el('p', { text: message }));
  }

  /** Like the widget's explanation, plus the detail the API gives staff (they may need it to fix a form). */
  function explainStaff(result) {
    const known = explain(kt(), result);
    const p = result.problem || {};
    if (known.kind === 'other' && p.detail) return `${known.message} (${p.detail})`;
    if (known.kind === 'field' && p.detail) return `${known.message} (${p.detail})`;
    return known.message;
  }

  // ---------------------------------------------------------------- small form pieces

  function field(label, control, hint) {
    control.id = control.id || uid('cd-f');
    let hintNode = null;
    if (hint) {
      hintNode = el('p', { class: 'cd-hint', id: uid('cd-hint'), text: hint });
      control.setAttribute('aria-describedby', hintNode.id);
    }
    return el('div', { class: 'cd-field' }, el('label', { for: control.id, text: label }), hintNode, control);
  }

  function input(name, value, attrs) {
    const node = el('input', { name, type: 'text', ...(attrs || {}) });
    node.value = value === null || value === undefined ? '' : String(value);
    return node;
  }

  function select(name, options, value) {
    const node = el('select', { name });
    for (const [optionValue, label] of options) {
      const option = el('option', { value: optionValue, text: label });
      option.selected = optionValue === value;
      node.append(option);
    }
    return node;
  }

  function checkbox(name, label, checked) {
    const id = uid('cd-check');
    const box = el('input', { type: 'checkbox', name, id });
    box.checked = Boolean(checked);
    return el('div', { class: 'cd-check' }, box, el('label', { for: id, text: label }));
  }

  function button(label, onClick, kind) {
    return el('button', { type: 'button', class: `cd-button ${kind || 'cd-secondary'}`, text: label, on: { click: onClick } });
  }

  function submit(label) {
    return el('button', { type: 'submit', class: 'cd-button cd-primary', text: label });
  }

  /** A form that runs action(form) on submit, with its submit button disabled meanwhile. */
  function form(children, action, attrs) {
    const node = el('form', { class: 'cd-form', novalidate: true, ...(attrs || {}) }, children);
    node.addEventListener('submit', async (event) => {
      event.preventDefault();
      const buttons = node.querySelectorAll('button[type=submit]');
      buttons.forEach((b) => { b.disabled = true; });
      try {
        await action(node);
      } finally {
        buttons.forEach((b) => { b.disabled = false; });
      }
    });
    return node;
  }

  function section(title, ...children) {
    const id = uid('cd-section');
    return el('section', { class: 'cd-card', 'aria-labelledby': id }, el('h2', { id, text: title }), children);
  }

  /**
   * A table with its caption and column headers. options.foot: rows for a tfoot; options.region: the
   * table may be wider than the screen and holds nothing focusable, so its scrolling box is a
   * focusable region named by the caption (keyboard users can scroll it).
   */
  function table(caption, headers, rows, options) {
    const o = options || {};
    const captionId = uid('cd-caption');
    return el('div', { class: 'cd-table-wrap', ...(o.region ? { role: 'region', tabindex: '0', 'aria-labelledby': captionId } : {}) },
      el('table', { class: 'cd-table' },
        el('caption', { id: captionId, text: caption }),
        el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, rows),
        o.foot ? el('tfoot', {}, o.foot) : null));
  }

  // ---------------------------------------------------------------- a refused value on its field

  /** Takes the marks of refused values off the form. */
  function clearFieldErrors(formNode) {
    formNode.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
    formNode.querySelectorAll('.cd-invalid').forEach((box) => box.classList.remove('cd-invalid'));
    formNode.querySelectorAll('.cd-field-error').forEach((error) => { error.textContent = ''; });
  }

  /** Shows the message at the control (read with it: aria-describedby) and focuses the control. */
  function fieldError(control, message) {
    const box = control.closest('.cd-field') || control.parentNode;
    let error = box.querySelector('.cd-field-error');
    if (!error) {
      error = el('p', { class: 'cd-field-error', id: uid('cd-error') });
      control.before(error);
      control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
    }
    error.textContent = message;
    control.setAttribute('aria-invalid', 'true');
    box.classList.add('cd-invalid');
    control.focus();
  }

  /** What to say at a refused control: its own rule (data-error), its number range, or that it is wrong. */
  function fieldMessage(control) {
    if (control.dataset.error) return control.dataset.error;
    if (control.type === 'number' && control.min !== '' && control.max !== '') return t().between({ min: control.min, max: control.max });
    return t().fieldInvalid;
  }

  /**
   * A failed call of a form. A value the API refuses (problem+json naming the "field") is announced
   * with the field's label and marked on that field, which gets the focus; controlName maps the
   * API's field to the name of the form's control (the API names a field by its path in the body or
   * by the core's name for it). The API's detail is added for staff: it says what the rule is.
   */
  function failedForm(result, formNode, controlName) {
    const p = result.problem || {};
    const name = p.field ? (controlName ? controlName(String(p.field)) : String(p.field)) : null;
    const control = name ? formNode.querySelector(`[name="${CSS.escape(name)}"]`) : null;
    if (control) {
      refuse(control, fieldMessage(control), p.detail);
    } else if (result.status === 400 || result.status === 409) {
      fill(status);
      const known = explain(kt(), result).message;
      fill(alert, el('p', { text: p.detail ? `${known} (${p.detail})` : known }));
    } else {
      failed(result);
    }
  }

  /** Announces a refused value with its field's label, and marks it on the field, which gets the focus. */
  function refuse(control, message, detail) {
    const label = document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    fill(status);
    fill(alert, el('p', { text: `${label ? `${label.textContent}: ` : ''}${message}${detail ? ` (${detail})` : ''}` }));
    fieldError(control, message);
  }

  // ---------------------------------------------------------------- directory lookups

  function allOfficials() {
    return state.departments.flatMap((d) => d.officials);
  }

  function officialOf(id) {
    return allOfficials().find((o) => o.id === id) || null;
  }

  function officialName(id) {
    const o = officialOf(id);
    return o ? o.name : id;
  }

  function departmentOf(id) {
    return state.departments.find((d) => d.id === id) || null;
  }

  function agendaOf(id) {
    for (const d of state.departments) {
      const found = d.agendas.find((a) => a.id === id);
      if (found) return found;
    }
    return null;
  }

  /** The officials this member may plan for: an official only themselves. */
  function plannableOfficials() {
    const me = state.me;
    return me.role === 'OFFICIAL' ? allOfficials().filter((o) => o.id === me.official) : allOfficials();
  }

  function officialOptions(officials) {
    return officials.map((o) => [o.id, `${o.name} (${local((departmentOf(o.department) || {}).name)})`]);
  }

  async function loadDirectory() {
    const [offices, departments] = await Promise.all([api.get('/staff/offices'), api.get('/staff/departments')]);
    if (!offices.ok) return offices;
    if (!departments.ok) return departments;
    state.office = offices.data.offices[0] || null;
    state.departments = departments.data.departments;
    return offices;
  }

  // ---------------------------------------------------------------- frame: header, menu, routing

  function chrome() {
    const texts = t();
    document.documentElement.lang = state.lang;
    document.querySelector('.cd-skip').textContent = texts.skip;
    document.getElementById('office').textContent = state.office ? `${local(state.office.name)} · ${texts.console}` : texts.console;
    const menu = document.getElementById('menu');
    menu.setAttribute('aria-label', texts.menu);
    const user = document.getElementById('user');
    const languageButton = el('button', {
      type: 'button', class: 'cd-button cd-secondary', lang: texts.switchLang, id: 'switch-language', text: texts.switchTo,
      on: {
        click: () => {
          state.lang = texts.switchLang;
          try {
            window.localStorage.setItem('civicdiary-console-lang', state.lang);
          } catch (e) {
            // not kept then
          }
          // the header is drawn anew when the routing runs: the new button gets the focus then
          route('switch-language');
        },
      },
    });
    if (!state.me) {
      fill(menu);
      fill(user, languageButton);
      return;
    }
    const current = page();
    fill(menu, el('ul', {}, Object.entries(PAGES)
      .filter(([, p]) => p.roles.includes(state.me.role))
      .map(([key]) => el('li', {}, el('a', { href: `#${key}`, 'aria-current': key === current ? 'page' : null, text: texts.pages[key] })))));
    fill(user,
      el('span', { class: 'cd-user-name', text: texts.signedIn({ name: state.me.username, role: texts.roles[state.me.role] }) }),
      languageButton,
      button(texts.logout, logout));
  }

  function page() {
    const wanted = window.location.hash.replace(/^#/, '').split('?')[0];
    const allowed = Object.keys(PAGES).filter((key) => PAGES[key].roles.includes(state.me.role));
    return allowed.includes(wanted) ? wanted : allowed[0];
  }

  /**
   * Puts a page's choices into the address (#page?...), unless the address has moved on to another
   * page meanwhile: a slow answer must not take the reader back to the page they left.
   */
  function keepAddress(fragment) {
    if (state.me && page() === fragment.replace(/^#/, '').split('?')[0]) window.history.replaceState(null, '', fragment);
  }

  function title(text) {
    const h1 = document.getElementById('page-title');
    h1.textContent = text;
    document.title = `${text} – ${t().console}`;
    return h1;
  }

  /**
   * Shows the page the address names; focus goes to its heading, as after a page load. Routings run
   * one after another: a slow page still loading (the start page after login) must not overwrite
   * the page asked for meanwhile.
   */
  let routing = Promise.resolve();
  function route(moveFocus) {
    routing = routing.then(() => show(moveFocus), () => show(moveFocus));
    return routing;
  }

  /** moveFocus: true for the page's heading, or the id of an element of the header to focus. */
  async function show(moveFocus) {
    const focusHeader = () => {
      if (typeof moveFocus === 'string') document.getElementById(moveFocus).focus();
    };
    if (!state.me) {
      renderLogin();
      focusHeader();
      return;
    }
    chrome();
    focusHeader();
    const key = page();
    const h1 = title(t().pages[key]);
    fill(content, el('p', { class: 'cd-loading', text: t().loading }));
    await PAGES[key].render();
    if (moveFocus === true) h1.focus();
  }

  function renderLogin(message) {
    const texts = t();
    chrome();
    title(texts.pages.login);
    quiet();
    if (message) fill(alert, el('p', { text: message }));
    const username = input('username', '', { autocomplete: 'username', required: true, spellcheck: 'false' });
    const password = input('password', '', { type: 'password', autocomplete: 'current-password', required: true });
    fill(content, el('div', { class: 'cd-card cd-login' }, form([
      field(texts.username, username),
      field(texts.password, password),
      el('div', { class: 'cd-actions' }, submit(texts.login)),
    ], async () => {
      if (!username.value.trim() || !password.value) {
        fill(alert, el('p', { text: texts.required }));
        (username.value.trim() ? password : username).focus();
        return;
      }
      const result = await api.post('/staff/login', { username: username.value.trim(), password: password.value });
      if (!result.ok) {
        fill(alert, el('p', { text: explain(kt(), result).message }));
        password.value = '';
        password.focus();
        return;
      }
      await start(true);
    })));
  }

  async function logout() {
    await api.post('/staff/logout');
    state.me = null;
    window.location.hash = '';
    // through the routings, so a page still loading cannot draw itself over the login form
    await route();
    document.getElementById('page-title').focus();
  }

  async function start(moveFocus) {
    const me = await api.get('/staff/me');
    if (!me.ok) {
      renderLogin();
      return;
    }
    state.me = me.data;
    const loaded = await loadDirectory();
    quiet();
    if (!loaded.ok) {
      failed(loaded);
      return;
    }
    await route(moveFocus);
  }

  /** What a page shows, from the API; on a failure the page is emptied, the failure said, and null answered. */
  async function pageData(path) {
    const result = await api.get(path);
    if (result.ok) return result.data;
    fill(content);
    failed(result);
    return null;
  }

  window.addEventListener('hashchange', () => {
    quiet();
    route(true);
  });

  // ---------------------------------------------------------------- worklist

  async function worklist() {
    const texts = t();
    const data = await pageData('/staff/worklist');
    if (!data) return;
    const { displaced, undelivered } = data;
    const parts = [el('p', { class: 'cd-intro', text: texts.worklistIntro }),
      el('div', { class: 'cd-actions' }, button(texts.refresh, () => { quiet(); route(); }))];
    if (!displaced.length) parts.push(el('p', { class: 'cd-note', text: texts.worklistEmpty }));
    for (const item of displaced) parts.push(worklistItem(item));
    if (undelivered.length) {
      parts.push(section(texts.undelivered, el('ul', { class: 'cd-plain-list' }, undelivered.map((m) => el('li', {},
        el('p', { text: `${clock().at(m.start)} · ${officialName(m.official)} · ${m.kind} · ${texts.attempts({ n: m.attempts })}` }),
        m.lastError ? el('p', { class: 'cd-muted', text: m.lastError }) : null,
        button(texts.retry, async () => {
          const r = await api.post(`/staff/messages/${encodeURIComponent(m.id)}/retry`);
          if (r.ok) {
            await route();
            say(texts.retried).focus();
          } else {
            failed(r);
          }
        }))))));
    }
    fill(content, ...parts);
  }

  function worklistItem(item) {
    const texts = t();
    const r = item.reservation;
    const c = clock();
    const noteBox = el('textarea', { name: 'note', rows: '2', maxlength: '1000' });
    const headingId = uid('cd-item');
    const who = r.citizen.name;
    const card = el('article', { class: 'cd-card cd-worklist-item', 'aria-labelledby': headingId });
    const move = async (official, start, end) => {
      const result = await api.post(`/staff/reservations/${encodeURIComponent(r.id)}/move`,
        { official, start, note: noteBox.value.trim() || null });
      if (!result.ok) {
        if (explain(kt(), result).kind === 'slot') state.taken.add(takenKey({ official, start }));
        failed(result);
        return;
      }
      await route();
      say(texts.moved({ name: who, when: `${c.span(start, end)}, ${officialName(official)}` })).focus();
    };
    const proposals = item.proposals.length
      ? el('ul', { class: 'cd-proposals' }, item.proposals.map((p) => el('li', { class: 'cd-proposal' },
        button(texts.moveTo({ when: `${c.span(p.start, p.end)}, ${officialName(p.official)}` }), () => move(p.official, p.start, p.end), 'cd-primary'))))
      : el('p', { class: 'cd-note', text: texts.noProposals });
    const pickerBox = el('div', { class: 'cd-picker-box' });
    const agenda = agendaOf(r.agenda);
    const department = departmentOf(r.department);
    card.append(
      el('h2', { id: headingId, text: who }),
      details([
        [texts.phone, r.citizen.phone ? el('a', { href: `tel:${r.citizen.phone.replace(/\s+/g, '')}`, text: r.citizen.phone }) : texts.none],
        [texts.email, r.citizen.email ? el('a', { href: `mailto:${r.citizen.email}`, text: r.citizen.email }) : texts.none],
        [texts.originally, c.span(r.start, r.end)],
        [texts.official, officialName(r.official)],
        [texts.department, local(department && department.name)],
        [texts.agenda, local(agenda && agenda.name)],
        [texts.topic, r.topic],
      ]),
      field(texts.note, noteBox, texts.noteHint),
      el('h3', { class: 'cd-subtitle', text: texts.proposals }),
      proposals,
      el('div', { class: 'cd-actions' },
        button(texts.otherTime, () => {
          fill(pickerBox, timePicker(r.department, r.agenda, null, (slot) => move(slot.official, slot.start, slot.end)).element);
        }),
        button(texts.cancelWithNote, async () => {
          if (!noteBox.value.trim()) {
            fill(alert, el('p', { text: texts.noteNeeded }));
            noteBox.focus();
            return;
          }
          const result = await api.post(`/staff/reservations/${encodeURIComponent(r.id)}/cancel`, { note: noteBox.value.trim() });
          if (!result.ok) {
            failed(result);
            return;
          }
          await route();
          say(texts.cancelled({ name: who })).focus();
        })),
      pickerBox);
    return card;
  }

  /** The public free-time calendar for a department's agenda (or one official), for staff. */
  function timePicker(department, agenda, official, onPick) {
    const c = clock();
    const from = c.today();
    const to = addDays(from, state.office ? state.office.policy.horizonDays : 60);
    const owner = official ? `/officials/${encodeURIComponent(official)}` : `/departments/${encodeURIComponent(department)}`;
    const picker = new TimePicker({
      t: kt(), clock: c, headingLevel: 3, taken: state.taken,
      loadDays: async () => {
        const r = await api.get(`${owner}/days`, { agenda, from, to });
        return r.ok ? r.data.days : r;
      },
      loadSlots: async (day) => {
        const r = await api.get(`${owner}/slots`, { agenda, from: day, to: day });
        return r.ok ? r.data.slots : r;
      },
      describeSlot: (slot) => (official ? '' : officialName(slot.official)),
      onPick,
      report: (message) => fill(alert, el('p', { text: message })),
    });
    picker.load(null);
    return picker;
  }

  // ---------------------------------------------------------------- booking for a caller

  async function book() {
    if (needsFirst('office', 'departments', 'officials', 'agendas')) return;
    const texts = t();
    const chosen = { slot: null };
    const departmentSelect = select('department', state.departments.map((d) => [d.id, local(d.name)]), state.departments[0] && state.departments[0].id);
    const agendaSelect = select('agenda', [], null);
    const officialSelect = select('official', [], null);
    const pickerBox = el('div', { class: 'cd-picker-box' });
    const chosenText = el('p', { class: 'cd-chosen', 'aria-live': 'polite' });
    const topic = el('textarea', { name: 'topic', rows: '2', maxlength: String(state.office ? state.office.policy.topicMaxLength : 500) });
    const name = input('name', '', { autocomplete: 'off' });
    const phone = input('phone', '', { type: 'tel', autocomplete: 'off' });
    const email = input('email', '', { type: 'email', autocomplete: 'off' });
    const language = select('language', [['cs', texts.languages.cs], ['en', texts.languages.en]], 'cs');
    let key = randomKey();

    const refreshPicker = () => {
      chosen.slot = null;
      chosenText.textContent = '';
      if (!agendaSelect.value) {
        fill(pickerBox);
        return;
      }
      const picker = timePicker(departmentSelect.value, agendaSelect.value, officialSelect.value || null, (slot) => {
        chosen.slot = slot;
        key = randomKey();
        chosenText.textContent = texts.chosen({ when: clock().span(slot.start, slot.end), who: officialName(slot.official) });
        name.focus();
      });
      fill(pickerBox, picker.element);
    };
    const refreshOfficials = () => {
      const agenda = agendaOf(agendaSelect.value);
      const department = departmentOf(departmentSelect.value);
      const handling = department ? department.officials.filter((o) => o.active && (!agenda || agenda.officials.includes(o.id))) : [];
      fill(officialSelect, ...[['', texts.anyone]].concat(handling.map((o) => [o.id, o.name]))
        .map(([v, l]) => el('option', { value: v, text: l })));
      refreshPicker();
    };
    const refreshAgendas = () => {
      const department = departmentOf(departmentSelect.value);
      fill(agendaSelect, ...(department ? department.agendas : []).map((a) => el('option', { value: a.id, text: local(a.name) })));
      refreshOfficials();
    };
    departmentSelect.addEventListener('change', refreshAgendas);
    agendaSelect.addEventListener('change', refreshOfficials);
    officialSelect.addEventListener('change', refreshPicker);

    fill(content, el('p', { class: 'cd-intro', text: texts.bookIntro }), form([
      el('div', { class: 'cd-grid' },
        field(texts.department, departmentSelect),
        field(texts.agenda, agendaSelect),
        field(texts.official, officialSelect)),
      field(texts.topic, topic),
      el('h2', { class: 'cd-subtitle', text: texts.chooseTime }),
      pickerBox,
      chosenText,
      el('div', { class: 'cd-grid' },
        field(texts.name, name),
        field(texts.phone, phone),
        field(texts.email, email),
        field(texts.language, language)),
      el('div', { class: 'cd-actions' }, submit(texts.bookButton)),
    ], async () => {
      if (!chosen.slot) {
        fill(alert, el('p', { text: texts.pickTimeFirst }));
        return;
      }
      const slot = chosen.slot;
      const result = await api.post('/staff/reservations', {
        official: slot.official, agenda: agendaSelect.value, start: slot.start, name: name.value.trim(),
        email: email.value.trim() || null, phone: phone.value.trim() || null, topic: topic.value.trim(), language: language.value,
      }, { 'Idempotency-Key': key });
      if (!result.ok) {
        if (explain(kt(), result).kind === 'slot') {
          state.taken.add(takenKey(slot));
          refreshPicker();
        }
        failed(result);
        return;
      }
      const when = clock().span(slot.start, slot.end);
      await route();
      say(texts.booked({ when, who: officialName(slot.official) })).focus();
    }));
    refreshAgendas();
  }

  // ---------------------------------------------------------------- search

  async function search() {
    const texts = t();
    const c = clock();
    const text = input('text', '', { type: 'search' });
    const department = select('department', [['', texts.anyDepartment]].concat(state.departments.map((d) => [d.id, local(d.name)])), '');
    const official = select('official', [['', texts.anyOfficial]].concat(officialOptions(plannableOfficials())), '');
    const statusSelect = select('status', [['', texts.anyStatus]].concat(Object.entries(texts.status)), '');
    const from = input('from', c.today(), { type: 'date' });
    const to = input('to', addDays(c.today(), 60), { type: 'date' });
    const results = el('div', { class: 'cd-results' });
    const run = async () => {
      const result = await api.get('/staff/reservations', {
        text: text.value.trim(), department: department.value, official: official.value, status: statusSelect.value,
        // dates as typed; the server reads them in the office's zone ("to" is the whole day, so the next one's start)
        fromDate: from.value || null,
        toDate: to.value ? addDays(to.value, 1) : null,
      });
      if (!result.ok) {
        failed(result);
        return;
      }
      const list = result.data.reservations;
      fill(results, list.length ? table(texts.results({ n: list.length }),
        [texts.when, texts.caller, texts.contact, texts.official, texts.agenda, texts.statusLabel, texts.channelLabel, texts.actions],
        list.map((r) => searchRow(r, run))) : el('p', { class: 'cd-note', text: texts.results({ n: 0 }) }));
    };
    fill(content, form([
      el('div', { class: 'cd-grid' },
        field(texts.text, text),
        field(texts.department, department),
        field(texts.official, official),
        field(texts.statusLabel, statusSelect),
        field(texts.from, from),
        field(texts.to, to)),
      el('div', { class: 'cd-actions' }, submit(texts.find)),
    ], run, { role: 'search' }), results);
    await run();
  }

  function searchRow(r, again) {
    const texts = t();
    const c = clock();
    const agenda = agendaOf(r.agenda);
    const now = new Date();
    const actions = el('td', {});
    const act = async (path, body, message) => {
      const result = await api.post(`/staff/reservations/${encodeURIComponent(r.id)}/${path}`, body);
      if (!result.ok) {
        failed(result);
        return;
      }
      await again();
      say(message);
    };
    if (r.status === 'ACTIVE' && new Date(r.start) <= now) {
      actions.append(button(texts.came, () => act('outcome', { status: 'COMPLETED' }, texts.outcomeSaved)),
        button(texts.noShow, () => act('outcome', { status: 'NO_SHOW' }, texts.outcomeSaved)));
    } else if (r.status === 'ACTIVE' || r.status === 'DISPLACED') {
      const note = input('note', '', { 'aria-label': `${texts.note}: ${r.citizen.name}` });
      actions.append(note, button(texts.cancel, () => {
        if (!note.value.trim()) {
          fill(alert, el('p', { text: texts.noteNeeded }));
          note.focus();
          return;
        }
        act('cancel', { note: note.value.trim() }, texts.cancelled({ name: r.citizen.name }));
      }));
    }
    return el('tr', {},
      el('td', { text: c.span(r.start, r.end) }),
      el('td', { text: r.citizen.name }),
      el('td', { text: [r.citizen.phone, r.citizen.email].filter(Boolean).join(', ') || texts.none }),
      el('td', { text: officialName(r.official) }),
      el('td', { text: local(agenda && agenda.name) }),
      el('td', { text: texts.status[r.status] || r.status }),
      el('td', { text: texts.channel[r.channel] || r.channel }),
      actions);
  }

  // ---------------------------------------------------------------- day plan (printable)

  async function dayPlan() {
    if (needsFirst('office', 'departments', 'officials')) return;
    const texts = t();
    const c = clock();
    const params = new URLSearchParams(window.location.hash.split('?')[1] || '');
    const officials = plannableOfficials();
    const official = select('official', officialOptions(officials), params.get('official') || (officials[0] && officials[0].id));
    const date = input('date', params.get('date') || c.today(), { type: 'date' });
    const plan = el('div', { class: 'cd-plan' });
    const show = async () => {
      const result = await api.get(`/staff/officials/${encodeURIComponent(official.value)}/day-plan`, { date: date.value });
      if (!result.ok) {
        failed(result);
        return;
      }
      const p = result.data;
      const who = officialOf(p.official);
      const windows = p.windows.map((w) => `${Clock.clock(w.start)}–${Clock.clock(w.end)}${w.place ? ` (${w.place.name})` : ''}`);
      fill(plan,
        el('h2', { class: 'cd-plan-title', text: texts.planTitle({ who: who ? `${who.name}${who.room ? `, ${who.room}` : ''}` : p.official, day: c.dayFull(p.date) }) }),
        p.holiday ? el('p', { class: 'cd-note', text: texts.holiday({ name: local(p.holiday) }) }) : null,
        el('h3', { class: 'cd-subtitle', text: texts.windows }),
        windows.length ? el('ul', { class: 'cd-plain-list' }, windows.map((w) => el('li', { text: w }))) : el('p', { text: texts.noWindows }),
        p.absences.length ? el('h3', { class: 'cd-subtitle', text: texts.absencesTitle }) : null,
        p.absences.length ? el('ul', { class: 'cd-plain-list' }, p.absences.map((a) => el('li', { text: `${c.range(a.start, a.end)} · ${texts.kinds[a.kind]}` }))) : null,
        p.reservations.length
          ? table(texts.reservationsTitle, [texts.time, texts.caller, texts.contact, texts.agenda, texts.topic, texts.statusLabel],
            p.reservations.map((r) => el('tr', {},
              el('td', { text: `${c.time(r.start)}–${c.time(r.end)}` }),
              el('td', { text: r.citizen.name }),
              el('td', { text: [r.citizen.phone, r.citizen.email].filter(Boolean).join(', ') || texts.none }),
              el('td', { text: local((agendaOf(r.agenda) || {}).name) }),
              el('td', { text: r.topic }),
              el('td', { text: texts.status[r.status] || r.status }))))
          : el('p', { class: 'cd-note', text: texts.noReservations }));
      keepAddress(`#day-plan?official=${encodeURIComponent(official.value)}&date=${date.value}`);
    };
    fill(content, form([
      el('div', { class: 'cd-grid' }, field(texts.chooseOfficial, official), field(texts.date, date)),
      el('div', { class: 'cd-actions' }, submit(texts.show), button(texts.print, () => window.print())),
    ], show, { class: 'cd-form cd-no-print' }), plan);
    await show();
  }

  // ---------------------------------------------------------------- absences

  async function absences() {
    if (needsFirst('office', 'departments', 'officials')) return;
    const texts = t();
    const c = clock();
    const officials = plannableOfficials();
    const official = select('official', officialOptions(officials), officials[0] && officials[0].id);
    const startDay = input('startDate', c.today(), { type: 'date' });
    const startTime = input('startTime', '00:00', { type: 'time' });
    const endDay = input('endDate', addDays(c.today(), 1), { type: 'date' });
    const endTime = input('endTime', '00:00', { type: 'time' });
    const kind = select('kind', Object.entries(texts.kinds), 'ILLNESS');
    const reason = input('reason', '', { maxlength: '200' });
    const list = el('div', {});
    const refresh = async () => {
      const result = await api.get(`/staff/officials/${encodeURIComponent(official.value)}/absences`,
        { fromDate: c.today(), toDate: addDays(c.today(), 90) });
      if (!result.ok) {
        failed(result);
        return;
      }
      const items = result.data.absences;
      fill(list, section(texts.upcoming, items.length ? el('ul', { class: 'cd-plain-list' }, items.map((a) => el('li', {},
        `${c.range(a.start, a.end)} · ${texts.kinds[a.kind]}${a.reason ? ` · ${a.reason}` : ''} `,
        button(texts.remove, async () => {
          const r = await api.delete(`/staff/absences/${encodeURIComponent(a.id)}`);
          if (!r.ok) {
            failed(r);
            return;
          }
          await refresh();
          say(texts.removed).focus();
        })))) : el('p', { text: texts.noAbsences })));
    };
    official.addEventListener('change', refresh);
    fill(content, el('p', { class: 'cd-intro', text: texts.absencesIntro }), form([
      field(texts.chooseOfficial, official),
      el('fieldset', { class: 'cd-fieldset cd-grid' }, el('legend', { text: texts.start }), field(texts.date, startDay), field(texts.time, startTime)),
      el('fieldset', { class: 'cd-fieldset cd-grid' }, el('legend', { text: texts.end }), field(texts.date, endDay), field(texts.time, endTime)),
      el('div', { class: 'cd-grid' }, field(texts.kind, kind), field(texts.reason, reason)),
      el('div', { class: 'cd-actions' }, submit(texts.record)),
    ], async (f) => {
      // the date and wall-clock time as typed: the server reads them in the office's zone (and says
      // what it does with a time the clocks skip or show twice)
      const result = await api.post(`/staff/officials/${encodeURIComponent(official.value)}/absences`, {
        startDate: startDay.value || null, startTime: startTime.value || null,
        endDate: endDay.value || null, endTime: endTime.value || null,
        kind: kind.value, reason: reason.value.trim() || null,
      });
      if (!result.ok) {
        failedForm(result, f, (name) => ({ start: 'startDate', end: 'endDate' }[name] || name));
        return;
      }
      await refresh();
      say(texts.recorded({ n: result.data.displaced.length })).focus();
    }), list);
    await refresh();
  }

  // ---------------------------------------------------------------- administration

  /** After a save: reload the directory and show the page again with the message. */
  async function saved(message) {
    await loadDirectory();
    await route();
    say(message).focus();
  }

  function placeFields(place) {
    return [field(t().placeName, input('placeName', place && place.name)), field(t().placeAddress, input('placeAddress', place && place.address))];
  }

  function placeOf(formNode) {
    const name = formNode.elements.placeName.value.trim();
    const address = formNode.elements.placeAddress.value.trim();
    return name || address ? { name, address } : null;
  }

  async function departments() {
    if (needsFirst('office')) return;
    const cards = state.departments.map((d) => departmentCard(d));
    cards.push(departmentCard(null));
    fill(content, ...cards);
  }

  function departmentCard(d) {
    const texts = t();
    const hours = (d ? d.walkInHours : []).slice();
    const hoursBox = el('div', {});
    const renderHours = () => fill(hoursBox, ...hours.map((h, i) => el('fieldset', { class: 'cd-fieldset cd-grid cd-row' },
      el('legend', { class: 'cd-visually-hidden', text: `${texts.walkIn} ${i + 1}` }),
      field(texts.day, select(`hourDay${i}`, texts.days.map((day) => [day, KIT_TEXTS[state.lang].days[day]]), h.day)),
      field(texts.start, input(`hourStart${i}`, Clock.clock(h.start).padStart(5, '0'), { type: 'time' })),
      field(texts.end, input(`hourEnd${i}`, Clock.clock(h.end).padStart(5, '0'), { type: 'time' })),
      button(texts.remove, () => { collect(); hours.splice(i, 1); renderHours(); }))));
    renderHours();
    const id = input('id', d ? d.id : '', d ? { readonly: true } : {});
    const edit = form([
      d ? null : field(texts.id, id, texts.idHint),
      el('div', { class: 'cd-grid' }, field(texts.nameCs, input('nameCs', d && d.name.cs)), field(texts.nameEn, input('nameEn', d && d.name.en))),
      el('div', { class: 'cd-grid' }, ...placeFields(d && d.place)),
      el('div', { class: 'cd-actions' }, submit(texts.save)),
    ], async (f) => {
      if (!id.value.trim()) {
        refuse(id, texts.required);
        return;
      }
      const result = await api.put(`/staff/departments/${encodeURIComponent(id.value.trim())}`, {
        office: d ? d.office : state.office.id, name: { cs: f.elements.nameCs.value.trim(), en: f.elements.nameEn.value.trim() }, place: placeOf(f),
      });
      if (!result.ok) {
        failed(result);
        return;
      }
      await saved(texts.saved);
    });
    const hoursForm = d ? form([
      el('h3', { class: 'cd-subtitle', text: texts.walkIn }),
      hoursBox,
      el('div', { class: 'cd-actions' },
        button(texts.add, () => { collect(); hours.push({ day: 'MONDAY', start: '08:00', end: '12:00' }); renderHours(); }),
        submit(texts.saveHours)),
    ], async () => {
      collect();
      const result = await api.put(`/staff/departments/${encodeURIComponent(d.id)}/walk-in-hours`, { hours });
      if (!result.ok) {
        failed(result);
        return;
      }
      await saved(texts.saved);
    }) : null;
    function collect() {
      hours.forEach((h, i) => {
        h.day = hoursBox.querySelector(`[name=hourDay${i}]`).value;
        h.start = hoursBox.querySelector(`[name=hourStart${i}]`).value;
        h.end = hoursBox.querySelector(`[name=hourEnd${i}]`).value;
      });
    }
    return section(d ? local(d.name) : texts.newDepartment, edit, hoursForm);
  }

  async function officials() {
    if (needsFirst('office', 'departments')) return;
    const cards = [];
    for (const d of state.departments) {
      cards.push(section(local(d.name), d.officials.map((o) => officialForm(o, d)), el('details', {},
        el('summary', { text: t().newOfficial }), officialForm(null, d))));
    }
    fill(content, ...cards);
  }

  function officialForm(o, d) {
    const texts = t();
    const id = input('id', o ? o.id : '', o ? { readonly: true } : {});
    return form([
      el('h3', { class: 'cd-subtitle', text: o ? o.name : texts.newOfficial }),
      o ? null : field(texts.id, id, texts.idHint),
      el('div', { class: 'cd-grid' },
        field(texts.name, input('name', o && o.name)),
        field(texts.room, input('room', o && o.room)),
        field(texts.email, input('email', o && o.email, { type: 'email' }))),
      checkbox('active', texts.active, o ? o.active : true),
      el('div', { class: 'cd-actions' }, submit(texts.save)),
    ], async (f) => {
      if (!id.value.trim()) {
        refuse(id, texts.required);
        return;
      }
      const result = await api.put(`/staff/officials/${encodeURIComponent(id.value.trim())}`, {
        department: d.id, name: f.elements.name.value.trim(), room: f.elements.room.value.trim() || null,
        email: f.elements.email.value.trim() || null, active: f.elements.active.checked,
      });
      if (!result.ok) {
        failed(result);
        return;
      }
      await saved(result.data.displaced.length ? texts.displaced({ n: result.data.displaced.length }) : texts.savedNothingDisplaced);
    }, { class: 'cd-form cd-subform' });
  }

  async function agendas() {
    if (needsFirst('office', 'departments')) return;
    const cards = [];
    for (const d of state.departments) {
      cards.push(section(local(d.name), d.agendas.map((a) => agendaForm(a, d)), el('details', {},
        el('summary', { text: t().newAgenda }), agendaForm(null, d))));
    }
    fill(content, ...cards);
  }

  function agendaForm(a, d) {
    const texts = t();
    const id = input('id', a ? a.id : '', a ? { readonly: true } : {});
    const handledBy = el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.handledBy }),
      d.officials.map((o) => checkbox(`official-${o.id}`, o.name, a ? a.officials.includes(o.id) : false)));
    return form([
      el('h3', { class: 'cd-subtitle', text: a ? local(a.name) : texts.newAgenda }),
      a ? null : field(texts.id, id, texts.idHint),
      el('div', { class: 'cd-grid' },
        field(texts.nameCs, input('nameCs', a && a.name.cs)),
        field(texts.nameEn, input('nameEn', a && a.name.en)),
        field(texts.slots, input('slots', a ? a.slots : 1, { type: 'number', min: '1', max: '16' }))),
      handledBy,
      el('div', { class: 'cd-actions' }, submit(texts.save)),
    ], async (f) => {
      if (!id.value.trim()) {
        refuse(id, texts.required);
        return;
      }
      const result = await api.put(`/staff/agendas/${encodeURIComponent(id.value.trim())}`, {
        department: d.id, name: { cs: f.elements.nameCs.value.trim(), en: f.elements.nameEn.value.trim() },
        slots: Number(f.elements.slots.value), officials: d.officials.filter((o) => f.elements[`official-${o.id}`].checked).map((o) => o.id),
      });
      if (!result.ok) {
        failed(result);
        return;
      }
      await saved(texts.saved);
    }, { class: 'cd-form cd-subform' });
  }

  async function diaries() {
    if (needsFirst('office', 'departments', 'officials')) return;
    const texts = t();
    const officials = plannableOfficials();
    const params = new URLSearchParams(window.location.hash.split('?')[1] || '');
    const official = select('official', officialOptions(officials), params.get('official') || (officials[0] && officials[0].id));
    const box = el('div', {});
    const load = async () => {
      const result = await api.get(`/staff/officials/${encodeURIComponent(official.value)}/windows`);
      if (!result.ok) {
        failed(result);
        return;
      }
      keepAddress(`#diaries?official=${encodeURIComponent(official.value)}`);
      fill(box, windowsForm(official.value, result.data.windows.slice()));
    };
    official.addEventListener('change', load);
    fill(content, field(texts.chooseOfficial, official), box);
    await load();
  }

  function windowsForm(officialId, windows) {
    const texts = t();
    const rows = el('div', {});
    const collect = () => windows.forEach((w, i) => {
      const get = (name) => rows.querySelector(`[name=${name}${i}]`);
      const place = get('placeName').value.trim() || get('placeAddress').value.trim()
        ? { name: get('placeName').value.trim(), address: get('placeAddress').value.trim() } : null;
      Object.assign(w, {
        day: get('day').value, start: get('start').value, end: get('end').value, validFrom: get('validFrom').value,
        validUntil: get('validUntil').value || null, onHolidays: get('onHolidays').checked, place,
      });
    });
    const render = () => fill(rows, ...windows.map((w, i) => {
      const holidays = checkbox(`onHolidays${i}`, texts.onHolidays, w.onHolidays);
      return el('fieldset', { class: 'cd-fieldset cd-window' }, el('legend', { text: texts.window({ n: i + 1 }) }),
        el('div', { class: 'cd-grid' },
          field(texts.day, select(`day${i}`, texts.days.map((day) => [day, KIT_TEXTS[state.lang].days[day]]), w.day)),
          field(texts.start, input(`start${i}`, Clock.clock(w.start).padStart(5, '0'), { type: 'time' })),
          field(texts.end, input(`end${i}`, Clock.clock(w.end).padStart(5, '0'), { type: 'time' })),
          field(texts.validFrom, input(`validFrom${i}`, w.validFrom, { type: 'date' })),
          field(texts.validUntil, input(`validUntil${i}`, w.validUntil, { type: 'date' })),
          field(texts.placeName, input(`placeName${i}`, w.place && w.place.name)),
          field(texts.placeAddress, input(`placeAddress${i}`, w.place && w.place.address))),
        holidays,
        button(texts.removeWindow, () => { collect(); windows.splice(i, 1); render(); }));
    }));
    render();
    return form([rows, el('div', { class: 'cd-actions' },
      button(texts.addWindow, () => {
        collect();
        windows.push({ day: 'MONDAY', start: '08:00', end: '12:00', validFrom: clock().today(), validUntil: null, onHolidays: false, place: null });
        render();
      }),
      submit(texts.saveWindows)),
    ], async () => {
      collect();
      const result = await api.put(`/staff/officials/${encodeURIComponent(officialId)}/windows`, { windows });
      if (!result.ok) {
        failed(result);
        return;
      }
      await saved(result.data.displaced.length ? texts.displaced({ n: result.data.displaced.length }) : texts.savedNothingDisplaced);
    });
  }

  // ---------------------------------------------------------------- short forms for tables

  const locale = () => (state.lang === 'cs' ? 'cs-CZ' : 'en-GB');

  /** "23. 11. 2026" for a calendar date (yyyy-mm-dd). */
  function shortDate(iso) {
    return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' })
      .format(new Date(`${iso}T00:00:00Z`));
  }

  /** "23. 11. 2026 9:24:08": an instant in the office's zone, to the second. */
  function stamp(instant) {
    return new Intl.DateTimeFormat(locale(), {
      timeZone: state.office ? state.office.zone : 'Europe/Prague',
      day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit',
    }).format(new Date(instant));
  }

  /** Monday of a date's ISO week (yyyy-mm-dd). */
  function mondayOf(iso) {
    return addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));
  }

  // ---------------------------------------------------------------- statistics (printable)

  const FIGURES = ['bookings', 'web', 'phone', 'active', 'displaced', 'cancelled', 'completed', 'noShows'];

  async function statistics() {
    const texts = t();
    const params = new URLSearchParams(window.location.hash.split('?')[1] || '');
    const thisWeek = mondayOf(clock().today());
    const from = input('from', params.get('from') || addDays(thisWeek, -28), { type: 'date' });
    const to = input('to', params.get('to') || addDays(thisWeek, 34), { type: 'date' });
    const department = select('department', [['', texts.anyDepartment]].concat(state.departments.map((d) => [d.id, local(d.name)])),
      params.get('department') || '');
    const busyOnly = checkbox('busyOnly', texts.onlyBusyWeeks, params.get('all') !== '1');
    const figures = el('div', { class: 'cd-statistics' });
    const show = async (f) => {
      clearFieldErrors(f);
      fill(alert);
      const result = await api.get('/staff/statistics', { from: from.value, to: to.value, department: department.value });
      if (!result.ok) {
        fill(figures);
        failedForm(result, f);
        return;
      }
      const all = busyOnly.querySelector('input').checked ? null : '1';
      keepAddress(`#statistics?${new URLSearchParams(Object.entries({
        from: from.value, to: to.value, department: department.value, all,
      }).filter(([, v]) => v))}`);
      fill(figures, statisticsTable(result.data, department.value, !all));
    };
    const formNode = form([
      el('div', { class: 'cd-grid' }, field(texts.from, from), field(texts.to, to), field(texts.department, department)),
      busyOnly,
      el('div', { class: 'cd-actions' }, submit(texts.show), button(texts.print, () => window.print())),
    ], show, { class: 'cd-form cd-no-print' });
    busyOnly.querySelector('input').addEventListener('change', () => show(formNode));
    fill(content, el('p', { class: 'cd-intro cd-no-print', text: texts.statsIntro }), formNode, figures);
    await show(formNode);
  }

  function statisticsTable(s, only, busyOnly) {
    const texts = t();
    const weeks = s.weeks.filter((w) => !busyOnly || w.bookings > 0);
    const departmentName = (id) => local((departmentOf(id) || {}).name) || id;
    const caption = `${texts.statsCaption({ from: shortDate(s.from), to: shortDate(s.to) })}${only ? ` · ${departmentName(only)}` : ''}`;
    const cells = (w) => FIGURES.map((key) => el('td', { class: 'cd-number', 'data-figure': key, text: String(w[key]) }));
    const total = Object.fromEntries(FIGURES.map((key) => [key, s.weeks.reduce((n, w) => n + w[key], 0)]));
    return [
      s.truncated ? el('p', { class: 'cd-note', text: texts.truncated }) : null,
      weeks.length ? table(caption,
        [texts.department, texts.week, texts.bookings, texts.web, texts.phone, texts.statActive, texts.statDisplaced,
          texts.statCancelled, texts.statCompleted, texts.statNoShows],
        weeks.map((w) => el('tr', { 'data-department': w.department, 'data-week': w.week },
          el('th', { scope: 'row', text: departmentName(w.department) }),
          el('th', { scope: 'row', text: texts.weekOf({ iso: w.week, day: shortDate(w.weekStart) }) }),
          cells(w))),
        { region: true, foot: el('tr', { 'data-total': '' }, el('th', { scope: 'row', colspan: '2', text: texts.total }), cells(total)) })
        : el('p', { class: 'cd-note', text: `${caption}: ${texts.noBookings}` }),
    ];
  }

  // ---------------------------------------------------------------- first run: what to create first

  /** Whether the directory has what a page needs. */
  const HAVE = {
    office: () => Boolean(state.office),
    departments: () => state.departments.length > 0,
    officials: () => allOfficials().length > 0,
    agendas: () => state.departments.some((d) => d.agendas.some((a) => a.officials.length > 0)),
  };

  /**
   * When something a page needs does not exist yet, the page says what to create first (with a
   * link for administrators, who can) instead of failing; answers whether it did.
   */
  function needsFirst(...kinds) {
    const missing = kinds.find((kind) => !HAVE[kind]());
    if (!missing) return false;
    const texts = t();
    fill(content, el('section', { class: 'cd-card cd-need', 'aria-label': texts.need[missing] },
      el('p', { text: texts.need[missing] }),
      state.me.role === 'ADMIN' ? el('p', {}, el('a', { href: `#${missing}`, text: texts.needLink[missing] })) : null));
    return true;
  }

  /** The first free time of any matter of any department (a few looked at, not hundreds), or null. */
  async function firstFreeTime() {
    const c = clock();
    const from = c.today();
    const to = addDays(from, state.office.policy ? state.office.policy.horizonDays : 60);
    const pairs = [];
    for (const d of state.departments) {
      for (const a of d.agendas) if (a.officials.length) pairs.push([d, a]);
    }
    let best = null;
    for (const [d, a] of pairs.slice(0, 10)) {
      const days = await api.get(`/departments/${encodeURIComponent(d.id)}/days`, { agenda: a.id, from, to });
      const first = days.ok && days.data.days.find((day) => day.free > 0);
      if (!first || (best && best.date <= first.date)) continue;
      const slots = await api.get(`/departments/${encodeURIComponent(d.id)}/slots`, { agenda: a.id, from: first.date, to: first.date });
      if (slots.ok && slots.data.slots.length) best = { date: first.date, start: slots.data.slots[0].start };
    }
    return best;
  }

  /** Whether an official has bookable windows (looking at a bounded number of officials). */
  async function someWindows() {
    for (const o of allOfficials().filter((x) => x.active).slice(0, 50)) {
      const r = await api.get(`/staff/officials/${encodeURIComponent(o.id)}/windows`);
      if (r.ok && r.data.windows.length) return true;
    }
    return false;
  }

  async function firstRun() {
    const texts = t();
    const loaded = await loadDirectory();
    if (!loaded.ok) {
      fill(content);
      failed(loaded);
      return;
    }
    chrome();
    const slot = HAVE.agendas() && HAVE.office() ? await firstFreeTime() : null;
    const windows = Boolean(slot) || (HAVE.officials() && await someWindows());
    const steps = [
      ['office', HAVE.office(), 'office'],
      ['departments', HAVE.departments(), 'departments'],
      ['officials', HAVE.officials(), 'officials'],
      ['agendas', HAVE.agendas(), 'agendas'],
      ['windows', windows, 'diaries'],
      ['slot', Boolean(slot), 'book'],
    ];
    const list = el('ol', { class: 'cd-checklist' }, steps.map(([key, done, page]) => el('li', {
      class: done ? 'cd-task cd-done' : 'cd-task', 'data-step': key,
    },
    el('span', { class: 'cd-task-mark', 'aria-hidden': 'true', text: done ? '✓' : '' }),
    el('a', { href: `#${page}`, text: texts.steps[key] }),
    el('span', { class: 'cd-task-state', text: ` (${done ? texts.stepDone : texts.stepOpen})` }))));
    const outcome = slot ? texts.firstSlot({ when: clock().at(slot.start) }) : texts.noSlotYet;
    fill(content,
      el('p', { class: 'cd-intro', text: texts.firstRunIntro }),
      section(texts.pages.start, list, HAVE.agendas() ? el('p', { class: 'cd-note', text: outcome }) : null,
        slot ? el('p', { class: 'cd-success', text: texts.allDone }) : null),
      el('p', {}, `${texts.importInstead} `, el('a', { href: '#directory', text: texts.pages.directory })));
  }

  // ---------------------------------------------------------------- directory import and export

  async function directoryTransfer() {
    const texts = t();
    const file = el('input', { type: 'file', name: 'file', accept: 'application/json,.json' });
    const report = el('div', { class: 'cd-import-report' });
    const upload = form([field(texts.chooseFile, file), el('div', { class: 'cd-actions' }, submit(texts.upload))], async (f) => {
      clearFieldErrors(f);
      quiet();
      fill(report);
      if (!file.files.length) {
        refuse(file, texts.noFile);
        return;
      }
      let document;
      try {
        document = JSON.parse(await file.files[0].text());
      } catch (e) {
        fill(alert, el('p', { text: texts.notJson({ why: e.message }) }));
        return;
      }
      const result = await api.put('/staff/directory', document);
      if (result.ok) {
        await loadDirectory();
        chrome();
        const r = result.data;
        say(r.created.length || r.updated.length ? texts.imported({ summary: texts.importSummary({ created: r.created.length, updated: r.updated.length, unchanged: r.unchanged, displaced: r.displaced }) }) : texts.importedNothing).focus();
        return;
      }
      const errors = (result.problem && result.problem.errors) || [];
      if (!errors.length) {
        failed(result);
        return;
      }
      fill(alert, el('p', { text: texts.importErrors({ n: errors.length }) }));
      fill(report, table(texts.errorsCaption, [texts.errorPath, texts.errorCode, texts.errorDetail],
        errors.map((e) => el('tr', {},
          el('th', { scope: 'row' }, el('code', { text: e.path })),
          el('td', { text: e.code }),
          el('td', { text: e.detail }))), { region: true }));
    });
    fill(content,
      el('p', { class: 'cd-intro', text: texts.directoryIntro }),
      el('p', { class: 'cd-note', text: texts.directoryRules }),
      el('div', { class: 'cd-actions' }, el('a', {
        class: 'cd-button cd-secondary', href: api.url('/staff/directory').href, download: 'civic-diary-directory.json', text: texts.download,
      })),
      section(texts.uploadTitle, upload, report));
  }

  // ---------------------------------------------------------------- office settings

  const POLICY = ['horizonDays', 'minimumNotice', 'maxOpenPerEmail', 'topicMaxLength', 'retentionDays', 'reminderLead'];

  async function officeSettings() {
    const data = await pageData('/staff/offices');
    if (!data) return;
    if (!data.offices.length) {
      fill(content, el('p', { class: 'cd-intro', text: t().officeCreateIntro }), officeForm(null));
      return;
    }
    fill(content, el('p', { class: 'cd-intro', text: t().officeIntro }), data.offices.map(officeForm));
  }

  /** What a new office's form starts with: the core's defaults (BookingPolicy.DEFAULT). */
  const NEW_OFFICE = {
    id: '', name: { cs: '', en: '' }, zone: 'Europe/Prague', slotMinutes: 15, place: null, phones: [],
    policy: { horizonDays: 60, minimumNotice: 'PT2H', maxOpenPerEmail: 3, topicMaxLength: 500, retentionDays: 90, reminderLead: 'PT24H' },
  };

  /** The API names a refused office value by its path in the body, or by the core's name for it. */
  function officeControl(field) {
    const name = field.replace(/^place\.place\./, 'place.');
    if (name === 'slotLength') return 'slotMinutes';
    if (name === 'office') return 'id';
    return POLICY.includes(name) ? `policy.${name}` : name;
  }

  /** "PT2H30M" (as java.time.Duration writes it) as hours, "2.5"; "" for what it cannot read. */
  function hoursOf(duration) {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(String(duration));
    if (!m) return '';
    const hours = Number(m[1] || 0) + Number(m[2] || 0) / 60 + Number(m[3] || 0) / 3600;
    return String(Math.round(hours * 100) / 100);
  }

  /** Hours as typed ("2", "0,5" or "0.5") as an ISO-8601 duration in whole minutes; null if not such a number. */
  function durationOf(hours) {
    const m = /^\s*(\d+(?:[.,]\d+)?)\s*$/.exec(hours);
    return m ? `PT${Math.round(Number(m[1].replace(',', '.')) * 60)}M` : null;
  }

  /**
   * Hours as text, not type=number: a browser whose own language is not Czech reads "0,5" typed
   * into a number field as 5.
   */
  function hoursInput(name, duration, max) {
    const hours = hoursOf(duration);
    const node = input(name, state.lang === 'cs' ? hours.replace('.', ',') : hours, { inputmode: 'decimal', autocomplete: 'off' });
    node.dataset.error = t().hoursBetween({ max });
    return node;
  }

  /** A number field's value, or null when empty (Number('') would send 0). */
  function numberOf(control) {
    return control.value.trim() === '' ? null : Number(control.value);
  }

  function numberInput(name, value, min, max) {
    return input(name, value, { type: 'number', min: String(min), max: String(max), step: '1' });
  }

  function officeForm(existing) {
    const texts = t();
    const o = existing || NEW_OFFICE;
    const p = o.policy;
    const c = {
      id: existing ? null : input('id', '', { autocomplete: 'off', spellcheck: 'false' }),
      nameCs: input('name.cs', o.name.cs),
      nameEn: input('name.en', o.name.en),
      zone: input('zone', o.zone, { autocomplete: 'off', spellcheck: 'false' }),
      slot: select('slotMinutes', [5, 6, 10, 12, 15, 20, 30, 60].map((n) => [String(n), String(n)]), String(o.slotMinutes)),
      placeName: input('place.name', o.place && o.place.name),
      placeAddress: input('place.address', o.place && o.place.address),
      horizon: numberInput('policy.horizonDays', p.horizonDays, 1, 730),
      notice: hoursInput('policy.minimumNotice', p.minimumNotice, 720),
      reminder: hoursInput('policy.reminderLead', p.reminderLead, 336),
      maxOpen: numberInput('policy.maxOpenPerEmail', p.maxOpenPerEmail, 1, 100),
      topic: numberInput('policy.topicMaxLength', p.topicMaxLength, 1, 2000),
      retention: numberInput('policy.retentionDays', p.retentionDays, 1, 3650),
    };
    const phones = o.phones.map((x) => ({ purpose: { cs: x.purpose.cs, en: x.purpose.en }, number: x.number }));
    const phonesBox = el('div', {});
    const collect = () => phones.forEach((phone, i) => {
      const get = (name) => phonesBox.querySelector(`[name="phones[${i}].${name}"]`).value.trim();
      Object.assign(phone, { purpose: { cs: get('purpose.cs'), en: get('purpose.en') }, number: get('number') });
    });
    const addPhone = button(texts.addPhone, () => {
      collect();
      phones.push({ purpose: { cs: '', en: '' }, number: '' });
      renderPhones();
      phonesBox.querySelector(`[name="phones[${phones.length - 1}].purpose.cs"]`).focus();
    });
    const renderPhones = () => fill(phonesBox, phones.map((phone, i) => el('fieldset', { class: 'cd-fieldset cd-row' },
      el('legend', { text: texts.phoneN({ n: i + 1 }) }),
      el('div', { class: 'cd-grid' },
        field(texts.purposeCs, input(`phones[${i}].purpose.cs`, phone.purpose.cs)),
        field(texts.purposeEn, input(`phones[${i}].purpose.en`, phone.purpose.en)),
        field(texts.number, input(`phones[${i}].number`, phone.number, { type: 'tel' }))),
      button(texts.removePhone, () => {
        collect();
        phones.splice(i, 1);
        renderPhones();
        addPhone.focus();
      }))));
    renderPhones();
    const edit = form([
      el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.officeBasics }),
        el('div', { class: 'cd-grid' },
          c.id ? field(texts.id, c.id, texts.idHint) : null,
          field(texts.nameCs, c.nameCs),
          field(texts.nameEn, c.nameEn),
          field(texts.zone, c.zone, texts.zoneHint),
          field(texts.slotMinutes, c.slot, texts.slotHint))),
      el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.officeAddress }),
        el('div', { class: 'cd-grid' }, field(texts.placeName, c.placeName), field(texts.placeAddress, c.placeAddress))),
      el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.phones }), phonesBox, el('div', { class: 'cd-actions' }, addPhone)),
      el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.policy }),
        el('div', { class: 'cd-grid' },
          field(texts.horizonDays, c.horizon),
          field(texts.minimumNotice, c.notice, texts.noticeHint),
          field(texts.reminderLead, c.reminder),
          field(texts.maxOpenPerEmail, c.maxOpen),
          field(texts.topicMaxLength, c.topic),
          field(texts.retentionDays, c.retention, texts.retentionHint))),
      el('div', { class: 'cd-actions' }, submit(texts.save)),
    ], async (f) => {
      clearFieldErrors(f);
      if (c.id && !c.id.value.trim()) {
        refuse(c.id, texts.required);
        return;
      }
      const unreadable = [c.notice, c.reminder].find((control) => durationOf(control.value) === null);
      if (unreadable) {
        refuse(unreadable, unreadable.dataset.error);
        return;
      }
      fill(alert);
      collect();
      const result = await api.put(`/staff/offices/${encodeURIComponent(c.id ? c.id.value.trim() : o.id)}`, {
        name: { cs: c.nameCs.value.trim(), en: c.nameEn.value.trim() },
        zone: c.zone.value.trim(),
        slotMinutes: Number(c.slot.value),
        place: { name: c.placeName.value.trim(), address: c.placeAddress.value.trim() },
        phones,
        policy: {
          horizonDays: numberOf(c.horizon), minimumNotice: durationOf(c.notice.value), maxOpenPerEmail: numberOf(c.maxOpen),
          topicMaxLength: numberOf(c.topic), retentionDays: numberOf(c.retention), reminderLead: durationOf(c.reminder.value),
        },
      });
      if (!result.ok) {
        failedForm(result, f, officeControl);
        return;
      }
      await saved(texts.saved);
    });
    return section(existing ? local(o.name) : texts.newOffice, edit);
  }

  // ---------------------------------------------------------------- staff accounts

  async function accounts() {
    const texts = t();
    const data = await pageData('/staff/accounts');
    if (!data) return;
    const list = data.accounts.slice().sort((a, b) => a.username.localeCompare(b.username));
    const editor = el('div', {});
    const open = (account) => {
      quiet();
      const card = accountForm(account);
      fill(editor, card);
      card.querySelector('h2').focus();
    };
    fill(content,
      el('p', { class: 'cd-intro', text: texts.accountsIntro }),
      el('div', { class: 'cd-actions' }, button(texts.newAccount, () => open(null))),
      table(texts.accountsCaption({ n: list.length }), [texts.username, texts.role, texts.official, texts.accountState, texts.actions],
        list.map((a) => el('tr', { 'data-username': a.username },
          el('th', { scope: 'row', text: a.username }),
          el('td', { text: texts.roles[a.role] || a.role }),
          el('td', { text: a.official ? officialName(a.official) : texts.none }),
          el('td', { text: a.active ? texts.accountActive : texts.accountDisabled }),
          el('td', {}, el('button', {
            type: 'button', class: 'cd-button cd-secondary', 'aria-label': texts.editAccount({ name: a.username }), text: texts.edit,
            on: { click: () => open(a) },
          }))))),
      editor);
  }

  /** Creates (a = null) or changes an account; the password is only ever sent, never shown. */
  function accountForm(a) {
    const texts = t();
    const headingId = uid('cd-section');
    const username = input('username', '', { autocomplete: 'off', spellcheck: 'false', maxlength: '100' });
    const role = select('role', Object.entries(texts.roles), a ? a.role : 'OPERATOR');
    const officials = allOfficials();
    const official = select('official', officialOptions(officials), a && a.official ? a.official : officials[0] && officials[0].id);
    const officialField = field(texts.accountOfficial, official);
    const showOfficial = () => { officialField.hidden = role.value !== 'OFFICIAL'; };
    role.addEventListener('change', showOfficial);
    showOfficial();
    const active = checkbox('active', texts.activeCheck, a ? a.active : true);
    const password = input('password', '', { type: 'password', autocomplete: 'new-password', maxlength: '256' });
    password.dataset.error = texts.passwordRule;
    const again = input('passwordAgain', '', { type: 'password', autocomplete: 'new-password', maxlength: '256' });
    const name = () => (a ? a.username : username.value.trim());
    const edit = form([
      a ? null : field(texts.username, username, texts.usernameHint),
      el('div', { class: 'cd-grid' }, field(texts.role, role), officialField),
      active,
      el('div', { class: 'cd-grid' },
        field(texts.newPassword, password, a ? texts.passwordHintKeep : texts.passwordHintNew),
        field(texts.passwordAgain, again)),
      el('div', { class: 'cd-actions' }, submit(texts.save)),
    ], async (f) => {
      clearFieldErrors(f);
      if (!name()) {
        refuse(username, texts.required);
        return;
      }
      if (!a && !password.value) {
        refuse(password, texts.passwordNeeded);
        return;
      }
      if (password.value !== again.value) {
        refuse(again, texts.passwordMismatch);
        return;
      }
      fill(alert);
      const result = await api.put(`/staff/accounts/${encodeURIComponent(name())}`, {
        role: role.value,
        official: role.value === 'OFFICIAL' ? official.value || null : null,
        active: active.querySelector('input').checked,
        password: password.value || null,
      });
      if (!result.ok) {
        failedForm(result, f);
        return;
      }
      const savedName = name();
      await route();
      say(texts.accountSaved({ name: savedName })).focus();
    });
    return el('section', { class: 'cd-card', 'aria-labelledby': headingId },
      el('h2', { id: headingId, tabindex: '-1', text: a ? texts.account({ name: a.username }) : texts.newAccount }), edit);
  }

  // ---------------------------------------------------------------- audit log

  async function audit() {
    const texts = t();
    const limit = select('limit', ['50', '100', '500', '1000'].map((n) => [n, n]), '100');
    const filter = input('filter', '', { type: 'search' });
    const box = el('div', {});
    let entries = [];
    const render = () => {
      const words = filter.value.trim().toLowerCase();
      const shown = entries.filter((e) => !words || [e.actor, e.action, texts.auditActions[e.action], e.subject]
        .some((v) => String(v || '').toLowerCase().includes(words)));
      fill(box, shown.length
        ? table(texts.auditCaption({ shown: shown.length, total: entries.length }), [texts.when, texts.who, texts.what, texts.subject, texts.change],
          shown.map(auditRow), { region: true })
        : el('p', { class: 'cd-note', text: texts.auditEmpty }));
    };
    const load = async (f) => {
      clearFieldErrors(f);
      fill(alert);
      const result = await api.get('/staff/audit', { limit: limit.value });
      if (!result.ok) {
        fill(box);
        failedForm(result, f);
        return;
      }
      entries = result.data.entries;
      render();
    };
    filter.addEventListener('input', render);
    const formNode = form([
      el('div', { class: 'cd-grid' }, field(texts.limit, limit), field(texts.filter, filter)),
      el('div', { class: 'cd-actions' }, submit(texts.show)),
    ], load, { class: 'cd-form cd-no-print' });
    fill(content, el('p', { class: 'cd-intro', text: texts.auditIntro }), formNode, box);
    await load(formNode);
  }

  function auditRow(e) {
    const texts = t();
    const changed = e.before && e.after ? differences(e.before, e.after) : [];
    const change = [[texts.before, e.before], [texts.after, e.after]]
      .filter(([, text]) => text !== null && text !== undefined)
      .map(([label, text]) => el('details', { class: 'cd-change' }, el('summary', { text: label }), el('pre', { text: readable(text) })));
    if (changed.length) change.unshift(el('p', { class: 'cd-change-summary', text: changed.join('; ') }));
    return el('tr', { 'data-action': e.action, 'data-subject': e.subject },
      el('td', {}, el('time', { datetime: e.at, text: stamp(e.at) })),
      el('td', { text: e.actor }),
      el('td', { text: texts.auditActions[e.action] || e.action }),
      el('td', { text: e.subject }),
      el('td', {}, change.length ? change : texts.none));
  }

  /**
   * The values that differ between two texts of one record, in order ("horizonDays: 60 → 61"); none
   * when the two are not shaped alike (a list grew, say): the full texts are there to read then.
   */
  function differences(before, after) {
    // key=value where the value holds no bracket and runs to the next ", key=" or a closing bracket
    const leaves = (text) => Array.from(String(text).matchAll(/(\w+)=([^[\]]*?)(?=, \w+=|\]|$)/g), (m) => [m[1], m[2]]);
    const a = leaves(before);
    const b = leaves(after);
    if (a.length !== b.length || a.some(([key], i) => key !== b[i][0])) return [];
    return a.flatMap(([key, value], i) => (value === b[i][1] ? [] : [`${key}: ${value} → ${b[i][1]}`]));
  }

  /**
   * A record as the audit log keeps it, easier to read: JSON pretty-printed; a record's text
   * ("Office[id=…, name=…]") one field a line. Only ever set as text.
   */
  function readable(text) {
    const s = String(text).trim();
    if (/^[[{]/.test(s)) {
      try {
        return JSON.stringify(JSON.parse(s), null, 2);
      } catch (e) {
        // not JSON: a record's text
      }
    }
    let depth = 0;
    let out = '';
    for (let i = 0; i < s.length; i += 1) {
      const ch = s[i];
      if (ch === '[') depth += 1;
      if (ch === ']') depth -= 1;
      if (ch === ',' && depth === 1 && /^ [A-Za-z]+=/.test(s.slice(i + 1, i + 40))) {
        out += ',\n  ';
        i += 1;
      } else {
        out += ch;
      }
    }
    return out;
  }

  start(false);
})();
