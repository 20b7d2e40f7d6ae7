/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/*
 * civic-diary booking widget: the custom element <civic-diary-booking>.
 *
 * A portal drops it into any page:
 *   <script src="https://diar.example.cz/static/widget/civic-diary-booking.js" defer></script>
 *   <civic-diary-booking lang="cs"></civic-diary-booking>
 *
 * Attributes: api (the API's base URL; by default where this script came from), lang (cs or en;
 * by default the page's), department, official, agenda (preselect and skip those steps),
 * heading-level (of the widget's title, 2 by default).
 * Event: civic-diary-booked (bubbles, composed) when a booking is made; detail holds the ids and times.
 * Theming: CSS custom properties (--cd-accent, --cd-font ...) set on the element, and ::part().
 *
 * No framework and no third-party requests. Every text that comes from the server is set as text
 * (textContent), never parsed as HTML. The same file gives the manage page and the staff console
 * their shared pieces as window.CivicDiaryKit.
 */
(() => {
  'use strict';

  const SCRIPT_URL = document.currentScript ? document.currentScript.src : '';
  // The server rewrites this name to the stylesheet's hashed one as it serves the script.
  const CSS_FILE = './civic-diary-booking.css';
  const LANGS = ['cs', 'en'];

  // ---------------------------------------------------------------- texts

  const TEXTS = {
    cs: {
      title: 'Objednání na úřad',
      intro: 'Vyberte si odbor, úředníka a čas, který vám vyhovuje. Na schůzku se objednáte hned, bez čekání na schválení.',
      stepOf: (n, total) => `Krok ${n} z ${total}`,
      steps: {
        department: 'Odbor',
        official: 'Úředník',
        agenda: 'Agenda a téma',
        time: 'Den a čas',
        contact: 'Kontaktní údaje',
        summary: 'Shrnutí',
        done: 'Hotovo',
      },
      next: 'Pokračovat',
      retry: 'Zkusit znovu',
      back: 'Zpět',
      loading: 'Načítám…',
      required: '(povinné)',
      optional: '(nepovinné)',
      chooseDepartment: 'Který odbor potřebujete?',
      chooseOfficial: 'U koho se chcete objednat?',
      firstAvailable: 'Kdokoli z odboru – první volný termín',
      firstAvailableHint: 'Nabídneme vám volné časy všech úředníků, kteří vaši agendu vyřizují.',
      room: (room) => room,
      chooseAgenda: 'Co potřebujete vyřídit?',
      minutes: (n) => `${n} min`,
      topic: 'Téma schůzky',
      topicHint: (max) => `Stručně popište, co chcete vyřídit, ať se úředník může připravit. Nejvýše ${max} znaků.`,
      chooseDay: 'Vyberte den',
      chooseTime: (day) => `Volné časy – ${day}`,
      noDays: 'V nejbližších týdnech tu není žádný volný čas. Zkuste jiného úředníka nebo přijďte v úředních hodinách bez objednání.',
      noSlots: 'V tento den už není nic volného. Vyberte si prosím jiný den.',
      previousMonth: 'Předchozí měsíc',
      nextMonth: 'Další měsíc',
      freeCount: (n) => n === 1 ? '1 volný čas' : n >= 2 && n <= 4 ? `${n} volné časy` : `${n} volných časů`,
      today: 'dnes',
      pickDayFirst: 'Nejdřív vyberte den v kalendáři.',
      name: 'Jméno a příjmení',
      email: 'E-mail',
      emailHint: 'Na tuto adresu pošleme potvrzení a odkaz, kterým schůzku zrušíte nebo přesunete.',
      phone: 'Telefon',
      phoneHint: 'Pro případ, že by bylo potřeba schůzku přesunout. Např. +420 777 123 456.',
      privacy: 'Údaje použijeme jen k této schůzce. Po jejím skončení je po stanovené době anonymizujeme.',
      summaryIntro: 'Zkontrolujte prosím údaje. Potvrzením se na schůzku závazně objednáte.',
      department: 'Odbor',
      official: 'Úředník',
      assigned: 'přidělen podle volného času',
      agenda: 'Agenda',
      when: 'Kdy',
      where: 'Kde',
      contact: 'Kontakt',
      confirm: 'Závazně objednat',
      booking: 'Objednávám…',
      change: 'Změnit',
      doneTitle: 'Jste objednáni',
      doneWhat: 'Co bude dál',
      doneMail: (email) => `Během několika minut vám na ${email} přijde potvrzovací e-mail. Pokud nepřijde, podívejte se i do nevyžádané pošty.`,
      doneManage: 'Schůzku můžete zrušit nebo přesunout odkazem v e-mailu nebo zde:',
      manageLink: 'Zobrazit, zrušit nebo přesunout rezervaci',
      doneChange: 'Kdyby se program úředníka změnil, dáme vám vědět e-mailem a domluvíme náhradní termín.',
      again: 'Objednat další schůzku',
      walkIn: 'Bez objednání',
      helpLabel: 'Bez objednání a po telefonu',
      walkInText: 'V úředních hodinách můžete přijít i bez objednání (může se ale čekat):',
      phones: 'Po telefonu',
      phonesText: 'Objednat se můžete i přes call centrum:',
      days: { MONDAY: 'pondělí', TUESDAY: 'úterý', WEDNESDAY: 'středa', THURSDAY: 'čtvrtek', FRIDAY: 'pátek', SATURDAY: 'sobota', SUNDAY: 'neděle' },
      weekdaysShort: ['Po', 'Út', 'St', 'Čt', 'Pá', 'So', 'Ne'],
      weekdaysLong: ['pondělí', 'úterý', 'středa', 'čtvrtek', 'pátek', 'sobota', 'neděle'],
      fix: 'Opravte prosím:',
      errors: {
        nameMissing: 'Vyplňte prosím jméno a příjmení.',
        emailMissing: 'Vyplňte prosím e-mail.',
        emailInvalid: 'Zadejte e-mail ve tvaru jmeno@example.cz.',
        phoneInvalid: 'Telefon zadejte číslicemi, případně s + na začátku, např. +420 777 123 456.',
        topicMissing: 'Napište prosím téma schůzky.',
        topicTooLong: (max) => `Téma je příliš dlouhé, zkraťte ho prosím na nejvýše ${max} znaků.`,
        choose: 'Vyberte prosím jednu možnost.',
        network: 'Nepodařilo se spojit s rezervačním systémem. Zkontrolujte připojení k internetu a zkuste to znovu.',
        refreshed: 'Nabídku volných časů jsme obnovili.',
        generic: 'Něco se nepovedlo. Zkuste to prosím znovu.',
        callUs: (phone) => `Když to nepůjde, zavolejte nám na ${phone}.`,
      },
    },
    en: {
      title: 'Book an appointment',
      intro: 'Choose a department, an official and a time that suits you. Your booking is final at once; nobody has to approve it.',
      stepOf: (n, total) => `Step ${n} of ${total}`,
      steps: {
        department: 'Department',
        official: 'Official',
        agenda: 'Matter and topic',
        time: 'Day and time',
        contact: 'Your contact details',
        summary: 'Summary',
        done: 'Done',
      },
      next: 'Continue',
      retry: 'Try again',
      back: 'Back',
      loading: 'Loading…',
      required: '(required)',
      optional: '(optional)',
      chooseDepartment: 'Which department do you need?',
      chooseOfficial: 'Whom would you like to see?',
      firstAvailable: 'Anyone in the department – first available time',
      firstAvailableHint: 'We offer you the free times of every official who handles your matter.',
      room: (room) => room,
      chooseAgenda: 'What do you need to settle?',
      minutes: (n) => `${n} min`,
      topic: 'Topic of the meeting',
      topicHint: (max) => `Say briefly what you need, so that the official can prepare. At most ${max} characters.`,
      chooseDay: 'Choose a day',
      chooseTime: (day) => `Free times – ${day}`,
      noDays: 'There is no free time in the coming weeks. Try another official, or come without an appointment during office hours.',
      noSlots: 'Nothing is free on this day any more. Please choose another day.',
      previousMonth: 'Previous month',
      nextMonth: 'Next month',
      freeCount: (n) => n === 1 ? '1 free time' : `${n} free times`,
      today: 'today',
      pickDayFirst: 'First choose a day in the calendar.',
      name: 'Full name',
      email: 'E-mail',
      emailHint: 'We send the confirmation here, with a link to cancel or move the meeting.',
      phone: 'Phone',
      phoneHint: 'In case the meeting has to be moved. For example +420 777 123 456.',
      privacy: 'We use your details for this meeting only and anonymise them a set time after it.',
      summaryIntro: 'Please check the details. Confirming books the meeting.',
      department: 'Department',
      official: 'Official',
      assigned: 'assigned by free time',
      agenda: 'Matter',
      when: 'When',
      where: 'Where',
      contact: 'Contact',
      confirm: 'Confirm booking',
      booking: 'Booking…',
      change: 'Change',
      doneTitle: 'You are booked',
      doneWhat: 'What happens next',
      doneMail: (email) => `A confirmation e-mail will reach ${email} within a few minutes. If it does not, please look in your spam folder too.`,
      doneManage: 'You can cancel or move the meeting from the link in the e-mail, or here:',
      manageLink: 'View, cancel or move the booking',
      doneChange: 'If the official\'s programme changes, we will tell you by e-mail and arrange another time.',
      again: 'Book another meeting',
      walkIn: 'Without an appointment',
      helpLabel: 'Without an appointment, and by phone',
      walkInText: 'During office hours you can also come without an appointment (you may have to wait):',
      phones: 'By phone',
      phonesText: 'You can also book through the call centre:',
      days: { MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday' },
      weekdaysShort: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
      weekdaysLong: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      fix: 'Please correct:',
      errors: {
        nameMissing: 'Please enter your full name.',
        emailMissing: 'Please enter your e-mail address.',
        emailInvalid: 'Enter an e-mail address such as name@example.com.',
        phoneInvalid: 'Enter the phone number in digits, optionally starting with +, for example +420 777 123 456.',
        topicMissing: 'Please write the topic of the meeting.',
        topicTooLong: (max) => `The topic is too long; please shorten it to at most ${max} characters.`,
        choose: 'Please choose one option.',
        network: 'Could not reach the booking system. Check your internet connection and try again.',
        refreshed: 'We have refreshed the free times.',
        generic: 'Something went wrong. Please try again.',
        callUs: (phone) => `If it still does not work, call us on ${phone}.`,
      },
    },
  };

  /**
   * The words for each problem code the API sends (and for code.REASON / code.POLICY), by language:
   * the server's problem catalogue, filled in when it serves this script.
   */
  const PROBLEM_TEXTS = /*__PROBLEM_TEXTS__*/{};
  for (const lang of LANGS) TEXTS[lang].problems = PROBLEM_TEXTS[lang] || {};

  // ---------------------------------------------------------------- DOM without HTML strings

  /**
   * Creates an element. attrs: class, text (set as textContent), on: {event: handler}, and any
   * other attribute (null/false leave it out, true sets it empty). Children: nodes or strings.
   */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = String(value);
      else if (name === 'on') for (const [event, fn] of Object.entries(value)) node.addEventListener(event, fn);
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** Replaces a node's children (null and false children are left out, unlike replaceChildren). */
  function fill(node, ...children) {
    node.replaceChildren();
    return append(node, children);
  }

  let uniqueIds = 0;
  function uid(prefix) {
    uniqueIds += 1;
    return `${prefix}-${uniqueIds}`;
  }

  // ---------------------------------------------------------------- the API

  /** A key for Idempotency-Key: 128 random bits (works outside secure contexts too). */
  function randomKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** The JSON API under {base}/api/v1: every call resolves to {ok, status, data, problem, retryAfter}. */
  class Api {
    constructor(base, credentials, headers) {
      this.base = String(base || '').replace(/\/+$/, '');
      this.credentials = credentials || 'omit';
      this.headers = headers || {};
    }

    url(path, query) {
      const url = new URL(`${this.base}/api/v1${path}`, document.baseURI);
      for (const [name, value] of Object.entries(query || {})) {
        if (value !== null && value !== undefined && value !== '') url.searchParams.set(name, value);
      }
      return url;
    }

    /**
     * A failed cross-origin call is either the network or the server refusing this page's origin
     * (CORS), which scripts cannot tell apart. A no-cors request for the widget's own script
     * answers (opaquely) only when the server is reachable, so then it was CORS: say so once in
     * the console for the portal's developer, naming the origin and the key the office must set.
     */
    async refusedByCors() {
      const probe = new URL(`${this.base}/static/widget/civic-diary-booking.js`, document.baseURI);
      if (probe.origin === window.location.origin) return false;
      try {
        await fetch(probe, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
      } catch (e) {
        return false;
      }
      if (!Api.corsReported) {
        Api.corsReported = true;
        console.error(`civic-diary: the booking server ${probe.origin} refused requests from this page's origin `
          + `${window.location.origin} (CORS). Ask its operator to add ${window.location.origin} to `
          + 'civicdiary.web.cors-origins.');
      }
      return true;
    }

    get(path, query) {
      return this.request('GET', path, { query });
    }

    post(path, body, headers) {
      return this.request('POST', path, { body, headers });
    }

    put(path, body) {
      return this.request('PUT', path, { body });
    }

    delete(path) {
      return this.request('DELETE', path, {});
    }

    async request(method, path, { query, body, headers }) {
      const sent = { Accept: 'application/json', ...this.headers, ...(headers || {}) };
      if (body !== undefined) sent['Content-Type'] = 'application/json';
      let response;
      try {
        response = await fetch(this.url(path, query), {
          method,
          headers: sent,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials: this.credentials,
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        });
      } catch (e) {
        const refused = await this.refusedByCors();
        return { ok: false, status: 0, data: null, problem: null, retryAfter: null, refused };
      }
      let json = null;
      if (response.status !== 204) {
        try {
          json = await response.json();
        } catch (e) {
          json = null;
        }
      }
      return {
        ok: response.ok,
        status: response.status,
        data: response.ok ? json : null,
        problem: response.ok ? null : json || {},
        retryAfter: response.headers.get('Retry-After'),
      };
    }
  }

  /**
   * A failed call in plain words. kind: 'network', 'refused' (CORS: not on this portal), 'retry' (429/503), 'slot' (the time is no
   * longer bookable: refresh the free times), 'field' (named field), 'email-limit', 'not-found',
   * 'conflict', 'other'.
   */
  /** The code of an answer that came without one (a proxy's 404, 429 or 503). */
  const STATUS_CODES = { 404: 'not-found', 409: 'state-conflict', 429: 'rate-limited', 503: 'storage-unavailable' };

  function explain(t, result) {
    const e = t.errors;
    const p = result.problem || {};
    // A refused origin is told apart by a probe (see refusedByCors), as the answer's code cannot be read.
    if (result.status === 0 && result.refused) return { kind: 'refused', message: t.problems['cors-refused'] || e.generic };
    if (result.status === 0) return { kind: 'network', message: e.network };
    const code = p.code || STATUS_CODES[result.status];
    const seconds = Math.max(1, parseInt(result.retryAfter, 10) || 30);
    const said = (key) => (t.problems[key] || '').replace('{seconds}', seconds);
    const message = said(code) || e.generic;
    if (result.status === 429 || result.status === 503) return { kind: 'retry', message };
    if (code === 'slot-taken') return { kind: 'slot', message };
    if (code === 'slot-not-bookable') return { kind: 'slot', message: `${said(`${code}.${p.reason}`) || message} ${e.refreshed}` };
    if (code === 'email-limit') return { kind: 'email-limit', field: 'email', message };
    const byField = { name: e.nameMissing, email: e.emailInvalid, phone: e.phoneInvalid, topic: e.topicMissing };
    const field = String(p.field || '').replace(/^citizen\./, '');
    const finer = said(`${code}.${p.policy}`);
    if (code === 'policy-violated' && byField[field]) return { kind: 'field', field, message: finer || message };
    if (code === 'invalid-input' && byField[field]) return { kind: 'field', field, message: byField[field] };
    if (result.status === 404) return { kind: 'not-found', message };
    if (result.status === 409) return { kind: 'conflict', message };
    return { kind: 'other', message: finer || message };
  }

  // ---------------------------------------------------------------- dates in the office's zone

  /** ISO dates (yyyy-mm-dd) are handled as UTC midnights: calendar arithmetic without time zones. */
  function parseDate(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(iso, n) {
    const date = parseDate(iso);
    date.setUTCDate(date.getUTCDate() + n);
    return isoDate(date);
  }

  /**
   * Formats instants in the office's time zone and dates of its calendar: display only. Turning a
   * typed date and time into an instant is the server's work (pages send what the person typed).
   */
  class Clock {
    constructor(lang, zone) {
      this.lang = lang;
      this.zone = zone || 'Europe/Prague';
      const locale = lang === 'cs' ? 'cs-CZ' : 'en-GB';
      const zoned = (options) => new Intl.DateTimeFormat(locale, { timeZone: this.zone, ...options });
      const plain = (options) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
      this.timeFormat = zoned({ hour: 'numeric', minute: '2-digit' });
      this.dayFormat = zoned({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
      this.isoFormat = new Intl.DateTimeFormat('en-CA', { timeZone: this.zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      this.dateLong = plain({ weekday: 'long', day: 'numeric', month: 'long' });
      this.dateFull = plain({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
      this.monthFormat = plain({ month: 'long', year: 'numeric' });
    }

    /** Today in the office's zone, as yyyy-mm-dd. */
    today() {
      return this.dateOf(new Date());
    }

    dateOf(instant) {
      return this.isoFormat.format(new Date(instant));
    }

    time(instant) {
      return this.timeFormat.format(new Date(instant));
    }

    /** "úterý 2. března 2027, 15:00–15:15" */
    span(start, end) {
      return `${this.dayFormat.format(new Date(start))}, ${this.time(start)}–${this.time(end)}`;
    }

    /** "úterý 2. března 2027, 15:00" */
    at(instant) {
      return `${this.dayFormat.format(new Date(instant))}, ${this.time(instant)}`;
    }

    /** A span that may cover several days (an absence): both ends in full unless on one day. */
    range(start, end) {
      return this.dateOf(start) === this.dateOf(end) ? this.span(start, end) : `${this.at(start)} – ${this.at(end)}`;
    }

    day(iso) {
      return this.dateLong.format(parseDate(iso));
    }

    dayFull(iso) {
      return this.dateFull.format(parseDate(iso));
    }

    month(iso) {
      return this.monthFormat.format(parseDate(iso));
    }

    /** "08:00:00" → "8:00" */
    static clock(text) {
      const [h, m] = String(text).split(':');
      return `${Number(h)}:${m}`;
    }
  }

  // ---------------------------------------------------------------- the day calendar and the free times

  /**
   * The day calendar (days with free time are buttons; arrow keys move between them) and, under it,
   * the free times of the chosen day. options: t, clock, loadDays() → [{date, free}] or a failed
   * result, loadSlots(date) → [{start, end, official, place}] or a failed result, onPick(slot),
   * describeSlot(slot) → extra text for a time, headingLevel, report(message, isError), taken (a Set
   * of "official|start" refused as taken: the server's free-time answers may be a moment old, so
   * they are left out here, or offered with another official free at that time).
   */
  class TimePicker {
    constructor(options) {
      this.o = options;
      this.days = new Map();
      this.selected = null;
      this.month = null;
      this.element = el('div', { class: 'cd-picker' });
      this.calendarBox = el('div', { class: 'cd-calendar', part: 'calendar' });
      this.slotsBox = el('div', { class: 'cd-slot-box' });
      append(this.element, [this.calendarBox, this.slotsBox]);
    }

    /** Loads the days (again); keeps the chosen day when it still has free time. */
    async load(preferred) {
      const t = this.o.t;
      fill(this.calendarBox, el('p', { class: 'cd-loading', text: t.loading }));
      fill(this.slotsBox);
      const days = await this.o.loadDays();
      if (!Array.isArray(days)) {
        fill(this.calendarBox);
        this.o.report(explain(t, days).message, true);
        return false;
      }
      this.days = new Map(days.filter((d) => d.free > 0).map((d) => [d.date, d.free]));
      if (this.days.size === 0) {
        fill(this.calendarBox, el('p', { class: 'cd-note', text: t.noDays }));
        return true;
      }
      const first = [...this.days.keys()].sort()[0];
      const keep = preferred && this.days.has(preferred) ? preferred : null;
      this.selected = keep;
      this.month = (keep || first).slice(0, 7);
      this.renderCalendar(false);
      if (keep) await this.showSlots(keep, false);
      return true;
    }

    firstDay() {
      return [...this.days.keys()].sort()[0];
    }

    months() {
      return [...new Set([...this.days.keys()].map((d) => d.slice(0, 7)))].sort();
    }

    renderCalendar(focusDay) {
      const t = this.o.t;
      const clock = this.o.clock;
      const months = this.months();
      const index = months.indexOf(this.month);
      const headingId = uid('cd-month');
      const level = this.o.headingLevel;
      const previous = el('button', {
        type: 'button', class: 'cd-button cd-month-nav', part: 'button', 'aria-label': t.previousMonth,
        'data-nav': 'previous', disabled: index <= 0, on: { click: () => this.showMonth(months[index - 1], 'previous') },
      }, '‹');
      const next = el('button', {
        type: 'button', class: 'cd-button cd-month-nav', part: 'button', 'aria-label': t.nextMonth,
        'data-nav': 'next', disabled: index >= months.length - 1, on: { click: () => this.showMonth(months[index + 1], 'next') },
      }, '›');
      const table = el('table', { class: 'cd-month', 'aria-labelledby': headingId });
      const headRow = el('tr', {});
      t.weekdaysShort.forEach((short, i) => headRow.append(el('th', { scope: 'col' }, el('abbr', { title: t.weekdaysLong[i], text: short }))));
      table.append(el('thead', {}, headRow));
      const body = el('tbody', {});
      const firstOfMonth = parseDate(`${this.month}-01`);
      const offset = (firstOfMonth.getUTCDay() + 6) % 7;
      let day = addDays(`${this.month}-01`, -offset);
      const today = clock.today();
      const tabbable = this.selected && this.selected.startsWith(this.month) ? this.selected
        : [...this.days.keys()].sort().find((d) => d.startsWith(this.month));
      do {
        const row = el('tr', {});
        for (let i = 0; i < 7; i += 1) {
          const date = day;
          const inMonth = date.startsWith(this.month);
          const free = this.days.get(date);
          const number = String(parseDate(date).getUTCDate());
          let cell;
          if (!inMonth) {
            cell = el('td', { class: 'cd-outside' });
          } else if (free) {
            const label = `${clock.day(date)}${date === today ? `, ${t.today}` : ''}, ${t.freeCount(free)}`;
            cell = el('td', {}, el('button', {
              type: 'button', class: 'cd-day', part: 'day', 'data-date': date, 'aria-label': label,
              'aria-pressed': date === this.selected ? 'true' : 'false',
              'aria-current': date === today ? 'date' : null,
              tabindex: date === tabbable ? '0' : '-1',
              on: { click: () => this.showSlots(date, true), keydown: (event) => this.onKey(event, date) },
            }, number));
          } else {
            cell = el('td', { class: 'cd-day-none' }, el('span', { 'aria-current': date === today ? 'date' : null }, number));
          }
          row.append(cell);
          day = addDays(day, 1);
        }
        body.append(row);
      } while (day.startsWith(this.month));
      table.append(body);
      const title = el(`h${level}`, { class: 'cd-month-title', id: headingId, 'aria-live': 'polite', text: clock.month(`${this.month}-01`) });
      fill(this.calendarBox,
        el('div', { class: 'cd-month-bar' }, previous, title, next),
        table);
      if (focusDay) {
        const button = this.calendarBox.querySelector(`button[data-date="${focusDay}"]`);
        if (button) button.focus();
      }
    }

    /** Another month; focus stays on the button pressed, or goes to the month's first day when it is the last month. */
    showMonth(month, nav) {
      if (!month) return;
      this.month = month;
      this.renderCalendar(false);
      const button = this.calendarBox.querySelector(`button[data-nav="${nav}"]`);
      if (button && !button.disabled) button.focus();
      else (this.calendarBox.querySelector('button.cd-day[tabindex="0"]') || this.calendarBox).focus();
    }

    /** Arrow keys move between days with free time; Home and End to the month's first and last. */
    onKey(event, day) {
      const sorted = [...this.days.keys()].sort();
      let target = null;
      const after = (d) => sorted.find((x) => x >= d);
      const before = (d) => [...sorted].reverse().find((x) => x <= d);
      switch (event.key) {
        case 'ArrowRight': target = after(addDays(day, 1)); break;
        case 'ArrowLeft': target = before(addDays(day, -1)); break;
        case 'ArrowDown': target = after(addDays(day, 7)); break;
        case 'ArrowUp': target = before(addDays(day, -7)); break;
        case 'Home': target = sorted.find((x) => x.startsWith(this.month)); break;
        case 'End': target = [...sorted].reverse().find((x) => x.startsWith(this.month)); break;
        default: return;
      }
      event.preventDefault();
      if (!target) return;
      this.month = target.slice(0, 7);
      this.renderCalendar(target);
    }

    async showSlots(day, moveFocus) {
      const t = this.o.t;
      this.selected = day;
      this.month = day.slice(0, 7);
      this.renderCalendar(moveFocus ? day : false);
      fill(this.slotsBox, el('p', { class: 'cd-loading', text: t.loading }));
      let slots = await this.o.loadSlots(day);
      if (this.selected !== day) return;
      if (!Array.isArray(slots)) {
        fill(this.slotsBox);
        this.o.report(explain(t, slots).message, true);
        return;
      }
      slots = TimePicker.withoutTaken(slots, this.o.taken);
      const legendId = uid('cd-slots');
      const heading = el(`h${this.o.headingLevel}`, { id: legendId, class: 'cd-slots-title', tabindex: '-1', text: t.chooseTime(this.o.clock.day(day)) });
      if (slots.length === 0) {
        fill(this.slotsBox, heading, el('p', { class: 'cd-note', text: t.noSlots }));
      } else {
        const list = el('ul', { class: 'cd-slots', 'aria-labelledby': legendId });
        for (const slot of slots) {
          const extra = this.o.describeSlot ? this.o.describeSlot(slot) : '';
          list.append(el('li', {}, el('button', {
            type: 'button', class: 'cd-slot', part: 'slot',
            'aria-pressed': this.o.isChosen && this.o.isChosen(slot) ? 'true' : 'false',
            on: {
              click: (event) => {
                list.querySelectorAll('button.cd-slot').forEach((b) => b.setAttribute('aria-pressed', String(b === event.currentTarget)));
                this.o.onPick(slot);
              },
            },
          }, el('span', { class: 'cd-slot-time', text: this.o.clock.time(slot.start) }),
          extra ? el('span', { class: 'cd-slot-extra', text: extra }) : null)));
        }
        fill(this.slotsBox, heading, list);
      }
      if (moveFocus) heading.focus();
    }
  }

  /** The key of a time refused as taken. */
  function takenKey(slot) {
    return `${slot.official}|${new Date(slot.start).toISOString()}`;
  }

  TimePicker.withoutTaken = (slots, taken) => {
    if (!taken || taken.size === 0) return slots;
    const free = [];
    for (const slot of slots) {
      if (!taken.has(takenKey(slot))) {
        free.push(slot);
        continue;
      }
      const other = (slot.alsoFree || []).find((o) => !taken.has(takenKey({ official: o, start: slot.start })));
      if (other) free.push({ ...slot, official: other, alsoFree: slot.alsoFree.filter((o) => o !== other) });
    }
    return free;
  };

  // ---------------------------------------------------------------- small shared views

  /** "pondělí 8:00–18:00" lines of a department's walk-in hours. */
  function walkInLines(t, hours) {
    return (hours || []).map((h) => `${t.days[h.day]} ${Clock.clock(h.start)}–${Clock.clock(h.end)}`);
  }

  function phoneLink(phone) {
    return el('a', { href: `tel:${String(phone.number).replace(/\s+/g, '')}`, text: phone.number });
  }

  /** A definition list of [term, value] pairs (values: strings or nodes); empty values are left out. */
  function details(pairs) {
    const list = el('dl', { class: 'cd-details' });
    for (const [term, value] of pairs) {
      if (value === null || value === undefined || value === '') continue;
      list.append(el('div', { class: 'cd-detail' }, el('dt', { text: term }), el('dd', {}, value)));
    }
    return list;
  }

  function placeText(place, room) {
    const parts = [];
    if (place) parts.push(place.name, place.address);
    if (room) parts.push(room);
    return parts.filter(Boolean).join(', ');
  }

  function languageOf(node) {
    const tagged = node.closest('[lang]');
    const lang = (tagged ? tagged.getAttribute('lang') : document.documentElement.lang || 'cs').slice(0, 2).toLowerCase();
    return LANGS.includes(lang) ? lang : 'en';
  }

  // ---------------------------------------------------------------- the widget

  const STEPS = ['department', 'official', 'agenda', 'time', 'contact', 'summary'];

  class CivicDiaryBooking extends HTMLElement {
    static get observedAttributes() {
      return ['lang'];
    }

    constructor() {
      super();
      this.root = this.attachShadow({ mode: 'open' });
      this.state = { step: 'department', citizen: { name: '', email: '', phone: '' }, topic: '' };
      this.directory = null;
      this.busy = false;
      this.taken = new Set();
    }

    connectedCallback() {
      if (this.started) return;
      this.started = true;
      const cssUrl = new URL(CSS_FILE, new URL(SCRIPT_URL || `${this.base()}/static/widget/`, document.baseURI)).href;
      this.frame = el('div', { class: 'cd-widget', part: 'container', hidden: true });
      const reveal = () => this.frame.removeAttribute('hidden');
      const link = el('link', { rel: 'stylesheet', href: cssUrl, on: { load: reveal, error: reveal } });
      this.root.append(link, this.frame);
      // Shown unstyled rather than not at all if the stylesheet neither loads nor fails.
      setTimeout(reveal, 4000);
      this.api = new Api(this.base(), 'omit');
      this.start();
    }

    attributeChangedCallback() {
      if (this.directory) this.render(false);
    }

    /** The API's base URL: the api attribute, or where this script was loaded from. */
    base() {
      const attribute = this.getAttribute('api');
      if (attribute) return new URL(attribute, document.baseURI).href.replace(/\/+$/, '');
      return SCRIPT_URL.replace(/\/static\/widget\/civic-diary-booking(\.[0-9a-f]{10})?\.js(\?.*)?$/, '');
    }

    get lang2() {
      return languageOf(this);
    }

    get t() {
      return TEXTS[this.lang2];
    }

    async start() {
      this.renderShell();
      this.shellLang = this.lang2;
      fill(this.stepBox, el('p', { class: 'cd-loading', text: this.t.loading }));
      const result = await this.api.get('/departments');
      if (!result.ok) {
        fill(this.stepBox, el('p', { class: 'cd-error-text', text: explain(this.t, result).message }),
          el('button', { type: 'button', class: 'cd-button', part: 'button', text: this.t.retry, on: { click: () => this.start() } }));
        return;
      }
      this.directory = result.data;
      this.applyPreselection();
      this.render(false);
    }

    applyPreselection() {
      const s = this.state;
      const officialId = this.getAttribute('official');
      const departmentId = this.getAttribute('department');
      const agendaId = this.getAttribute('agenda');
      const departments = this.directory.departments;
      let department = departments.find((d) => d.id === departmentId);
      if (officialId) {
        const owner = departments.find((d) => d.officials.some((o) => o.id === officialId));
        if (owner) {
          department = owner;
          s.official = officialId;
          s.officialFixed = true;
        }
      }
      if (!department && agendaId) department = departments.find((d) => d.agendas.some((a) => a.id === agendaId));
      if (department) {
        s.department = department.id;
        s.departmentFixed = true;
        if (agendaId && department.agendas.some((a) => a.id === agendaId)) {
          s.agenda = agendaId;
          s.agendaFixed = true;
        }
      }
      s.step = this.firstStep();
    }

    firstStep() {
      return this.visibleSteps()[0];
    }

    /** The steps this citizen goes through: preselected ones are skipped. */
    visibleSteps() {
      const s = this.state;
      return STEPS.filter((step) => !(step === 'department' && s.departmentFixed)
        && !(step === 'official' && s.officialFixed));
    }

    // -- lookups

    department() {
      return this.directory.departments.find((d) => d.id === this.state.department) || null;
    }

    office() {
      const department = this.department();
      const offices = this.directory.offices;
      return (department && offices.find((o) => o.id === department.office)) || offices[0] || null;
    }

    official(id) {
      const department = this.department();
      return department ? department.officials.find((o) => o.id === (id || this.state.official)) || null : null;
    }

    agenda() {
      const department = this.department();
      return department ? department.agendas.find((a) => a.id === this.state.agenda) || null : null;
    }

    clock() {
      const office = this.office();
      return new Clock(this.lang2, office && office.zone);
    }

    callCentre() {
      const office = this.office();
      return office && office.phones.length ? office.phones[0].number : null;
    }

    /** A LocalizedText in the widget's language. */
    local(text) {
      return text ? text[this.lang2] || text.cs : '';
    }

    // -- rendering

    renderShell() {
      const t = this.t;
      const level = Math.min(5, Math.max(1, parseInt(this.getAttribute('heading-level'), 10) || 2));
      this.level = level;
      this.titleId = this.titleId || uid('cd-title');
      this.progress = el('p', { class: 'cd-progress', part: 'progress' });
      this.status = el('div', { class: 'cd-status', role: 'status', 'aria-live': 'polite' });
      this.alert = el('div', { class: 'cd-alert', role: 'alert', part: 'alert' });
      this.stepBox = el('div', { class: 'cd-step', part: 'step' });
      this.help = el('aside', { class: 'cd-help', part: 'help', 'aria-label': t.helpLabel, hidden: true });
      this.frame.setAttribute('lang', this.lang2);
      fill(this.frame,
        el('section', { class: 'cd-main', 'aria-labelledby': this.titleId },
          el(`h${level}`, { class: 'cd-title', part: 'title', id: this.titleId, text: t.title }),
          this.progress, this.alert, this.status, this.stepBox),
        this.help);
    }

    /** Shows the current step; moves focus to its heading when the citizen moved on or back. */
    render(moveFocus) {
      if (this.shellLang !== this.lang2) {
        this.renderShell();
        this.shellLang = this.lang2;
      }
      fill(this.alert);
      this.status.textContent = '';
      const t = this.t;
      const step = this.state.step;
      const steps = this.visibleSteps();
      const index = steps.indexOf(step);
      this.progress.textContent = step === 'done' ? t.steps.done : `${t.stepOf(index + 1, steps.length)}: ${t.steps[step]}`;
      this.renderHelp();
      const heading = el(`h${this.level + 1}`, { class: 'cd-step-title', tabindex: '-1', text: t.steps[step] });
      const body = this[`step_${step}`]();
      fill(this.stepBox, heading, ...[].concat(body));
      if (moveFocus) heading.focus();
    }

    renderHelp() {
      const t = this.t;
      const department = this.directory && this.department();
      const office = this.directory && this.office();
      const parts = [];
      const heading = (text) => el(`h${this.level + 1}`, { class: 'cd-help-title', text });
      if (department && department.walkInHours.length) {
        parts.push(heading(t.walkIn), el('p', { text: t.walkInText }),
          el('ul', { class: 'cd-hours' }, walkInLines(t, department.walkInHours).map((line) => el('li', { text: line }))),
          department.place ? el('p', { class: 'cd-muted', text: placeText(department.place) }) : null);
      }
      if (office && office.phones.length) {
        parts.push(heading(t.phones), el('p', { text: t.phonesText }),
          el('ul', { class: 'cd-phones' }, office.phones.map((phone) => el('li', {}, `${this.local(phone.purpose)}: `, phoneLink(phone)))));
      }
      fill(this.help, ...parts);
      this.help.hidden = parts.length === 0;
    }

    say(message) {
      this.alert.textContent = '';
      this.status.textContent = message;
    }

    /** Shows what went wrong; with the call centre's number unless the citizen can simply choose again. */
    fail(message, withPhone = true) {
      this.status.textContent = '';
      const phone = withPhone && this.callCentre();
      fill(this.alert, el('p', { text: message }), phone ? el('p', { text: this.t.errors.callUs(phone) }) : null);
    }

    go(step) {
      this.state.step = step;
      this.render(true);
    }

    goBack() {
      const steps = this.visibleSteps();
      const index = steps.indexOf(this.state.step);
      if (index > 0) this.go(steps[index - 1]);
    }

    goNext() {
      const steps = this.visibleSteps();
      this.go(steps[steps.indexOf(this.state.step) + 1]);
    }

    /** The buttons under a step: Back (unless first) and the main action. */
    actions(mainLabel, withBack = true) {
      const steps = this.visibleSteps();
      const back = withBack && steps.indexOf(this.state.step) > 0
        ? el('button', { type: 'button', class: 'cd-button cd-secondary', part: 'button', text: this.t.back, on: { click: () => this.goBack() } })
        : null;
      const main = mainLabel ? el('button', { type: 'submit', class: 'cd-button cd-primary', part: 'button button-primary', text: mainLabel }) : null;
      return el('div', { class: 'cd-actions' }, back, main);
    }

    /** A radio group in a fieldset, with an error message slot. options: [{value, label, hint}] */
    radios(name, legend, options, chosen) {
      const errorId = uid('cd-error');
      const fieldset = el('fieldset', { class: 'cd-fieldset', 'aria-describedby': errorId },
        el('legend', { text: legend }),
        el('p', { class: 'cd-field-error', id: errorId }));
      for (const option of options) {
        const id = uid('cd-radio');
        const hintId = option.hint ? uid('cd-hint') : null;
        fieldset.append(el('div', { class: 'cd-radio' },
          el('input', { type: 'radio', id, name, value: option.value, checked: option.value === chosen, 'aria-describedby': hintId }),
          el('div', { class: 'cd-radio-text' },
            el('label', { for: id, class: 'cd-radio-label', text: option.label }),
            option.hint ? el('span', { class: 'cd-hint', id: hintId, text: option.hint }) : null)));
      }
      return fieldset;
    }

    /** A form whose submit checks with check(form) → error message or null, then calls done(form). */
    form(children, check, done) {
      const form = el('form', { class: 'cd-form', novalidate: true }, children);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (this.busy) return;
        const invalid = check(form);
        if (invalid) return;
        done(form);
      });
      return form;
    }

    /** Marks a radio group invalid (or clears it) and focuses its first option. */
    groupError(form, message) {
      const fieldset = form.querySelector('fieldset');
      const error = fieldset.querySelector('.cd-field-error');
      error.textContent = message || '';
      fieldset.classList.toggle('cd-invalid', Boolean(message));
      if (message) form.querySelector('input').focus();
      return message;
    }

    step_department() {
      const t = this.t;
      const options = this.directory.departments.map((d) => ({ value: d.id, label: this.local(d.name) }));
      return [el('p', { class: 'cd-intro', text: t.intro }), this.form(
        [this.radios('department', t.chooseDepartment, options, this.state.department), this.actions(t.next)],
        (form) => this.groupError(form, form.elements.department.value ? null : t.errors.choose),
        (form) => {
          const chosen = form.elements.department.value;
          if (chosen !== this.state.department) {
            Object.assign(this.state, { department: chosen, official: undefined, agenda: undefined, slot: undefined, day: undefined });
          }
          this.goNext();
        })];
    }

    step_official() {
      const t = this.t;
      const department = this.department();
      const options = [{ value: '*', label: t.firstAvailable, hint: t.firstAvailableHint }].concat(
        department.officials.map((o) => ({ value: o.id, label: o.name, hint: o.room ? t.room(o.room) : null })));
      return this.form(
        [this.radios('official', t.chooseOfficial, options, this.state.official || '*'), this.actions(t.next)],
        (form) => this.groupError(form, form.elements.official.value ? null : t.errors.choose),
        (form) => {
          const value = form.elements.official.value;
          const official = value === '*' ? undefined : value;
          if (official !== this.state.official) Object.assign(this.state, { official, slot: undefined, day: undefined });
          const agenda = this.agenda();
          if (agenda && official && !agenda.officials.includes(official)) this.state.agenda = undefined;
          this.goNext();
        });
    }

    step_agenda() {
      const t = this.t;
      const department = this.department();
      const office = this.office();
      const official = this.state.official;
      const agendas = department.agendas.filter((a) => !official || a.officials.includes(official));
      const options = agendas.map((a) => ({ value: a.id, label: this.local(a.name), hint: t.minutes(a.slots * office.slotMinutes) }));
      const max = office.booking.topicMaxLength;
      const topicId = uid('cd-topic');
      const hintId = uid('cd-hint');
      const errorId = uid('cd-error');
      const topic = el('textarea', {
        id: topicId, name: 'topic', rows: '3', maxlength: String(max), required: true,
        'aria-describedby': `${hintId} ${errorId}`,
      });
      topic.value = this.state.topic;
      const children = [];
      if (!this.state.agendaFixed) children.push(this.radios('agenda', t.chooseAgenda, options, this.state.agenda));
      children.push(el('div', { class: 'cd-field' },
        el('label', { for: topicId }, t.topic, ' ', el('span', { class: 'cd-muted', text: t.required })),
        el('p', { class: 'cd-hint', id: hintId, text: t.topicHint(max) }),
        el('p', { class: 'cd-field-error', id: errorId }),
        topic), this.actions(t.next));
      return this.form(children,
        (form) => {
          if (!this.state.agendaFixed && this.groupError(form, form.elements.agenda.value ? null : t.errors.choose)) return true;
          const text = topic.value.trim();
          const message = !text ? t.errors.topicMissing : text.length > max ? t.errors.topicTooLong(max) : null;
          return this.fieldError(topic, message);
        },
        (form) => {
          const agenda = this.state.agendaFixed ? this.state.agenda : form.elements.agenda.value;
          if (agenda !== this.state.agenda) Object.assign(this.state, { agenda, slot: undefined, day: undefined });
          this.state.topic = topic.value.trim();
          this.goNext();
        });
    }

    /** Shows (or clears) the message of one field; focuses it when wrong. */
    fieldError(input, message) {
      const error = this.root.getElementById(input.getAttribute('aria-describedby').split(' ').pop());
      error.textContent = message || '';
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
      input.closest('.cd-field').classList.toggle('cd-invalid', Boolean(message));
      if (message) input.focus();
      return message;
    }

    step_time() {
      const t = this.t;
      const s = this.state;
      const office = this.office();
      const department = this.department();
      const clock = this.clock();
      const from = clock.today();
      const to = addDays(from, office.booking.horizonDays);
      const owner = s.official ? `/officials/${encodeURIComponent(s.official)}` : `/departments/${encodeURIComponent(s.department)}`;
      this.picker = new TimePicker({
        t, clock, headingLevel: this.level + 2, taken: this.taken,
        loadDays: async () => {
          const r = await this.api.get(`${owner}/days`, { agenda: s.agenda, from, to });
          return r.ok ? r.data.days : r;
        },
        loadSlots: async (day) => {
          s.day = day;
          const r = await this.api.get(`${owner}/slots`, { agenda: s.agenda, from: day, to: day });
          return r.ok ? r.data.slots : r;
        },
        describeSlot: (slot) => {
          const parts = [];
          if (!s.official) parts.push((this.official(slot.official) || {}).name);
          if (slot.place && (!department.place || slot.place.name !== department.place.name)) parts.push(slot.place.name);
          return parts.filter(Boolean).join(' · ');
        },
        isChosen: (slot) => Boolean(s.slot && s.slot.start === slot.start && s.slot.official === slot.official),
        onPick: (slot) => {
          s.slot = { official: slot.official, start: slot.start, end: slot.end, place: slot.place };
          this.goNext();
        },
        report: (message, isError) => (isError ? this.fail(message) : this.say(message)),
      });
      this.picker.load(s.day);
      const back = el('div', { class: 'cd-actions' }, el('button', {
        type: 'button', class: 'cd-button cd-secondary', part: 'button', text: t.back, on: { click: () => this.goBack() },
      }));
      return [el('p', { class: 'cd-intro', text: t.chooseDay }), this.picker.element, back];
    }

    step_contact() {
      const t = this.t;
      const c = this.state.citizen;
      const field = (name, label, type, autocomplete, hint, required) => {
        const id = uid(`cd-${name}`);
        const hintId = uid('cd-hint');
        const errorId = uid('cd-error');
        const input = el('input', {
          id, name, type, autocomplete, required, spellcheck: 'false',
          'aria-describedby': `${hint ? hintId : ''} ${errorId}`.trim(),
          inputmode: type === 'tel' ? 'tel' : null,
        });
        input.value = c[name] || '';
        return el('div', { class: 'cd-field' },
          el('label', { for: id }, label, ' ', el('span', { class: 'cd-muted', text: required ? t.required : t.optional })),
          hint ? el('p', { class: 'cd-hint', id: hintId, text: hint }) : null,
          el('p', { class: 'cd-field-error', id: errorId }),
          input);
      };
      const children = [
        field('name', t.name, 'text', 'name', null, true),
        field('email', t.email, 'email', 'email', t.emailHint, true),
        field('phone', t.phone, 'tel', 'tel', t.phoneHint, false),
        el('p', { class: 'cd-muted', text: t.privacy }),
        this.actions(t.next),
      ];
      return this.form(children,
        (form) => {
          const e = t.errors;
          const name = form.elements.name.value.trim();
          const email = form.elements.email.value.trim();
          const phone = form.elements.phone.value.trim();
          const checks = [
            [form.elements.name, !name ? e.nameMissing : null],
            [form.elements.email, !email ? e.emailMissing : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? null : e.emailInvalid],
            [form.elements.phone, !phone || /^\+?[0-9][0-9 ]{2,23}$/.test(phone) ? null : e.phoneInvalid],
          ];
          let first = null;
          for (const [input, message] of checks.reverse()) {
            if (this.fieldError(input, message)) first = message;
          }
          return first;
        },
        (form) => {
          const next = { name: form.elements.name.value.trim(), email: form.elements.email.value.trim(), phone: form.elements.phone.value.trim() };
          this.state.citizen = next;
          this.goNext();
        });
    }

    /** The booking as the API takes it; a new Idempotency-Key whenever it changes. */
    bookingBody() {
      const s = this.state;
      const body = {
        official: s.slot.official, agenda: s.agenda, start: s.slot.start, name: s.citizen.name,
        email: s.citizen.email, phone: s.citizen.phone || null, topic: s.topic, language: this.lang2,
      };
      const text = JSON.stringify(body);
      if (text !== this.keyedBody) {
        this.keyedBody = text;
        this.idempotencyKey = randomKey();
      }
      return body;
    }

    summaryList() {
      const t = this.t;
      const s = this.state;
      const department = this.department();
      const official = this.official(s.slot.official);
      const clock = this.clock();
      const place = s.slot.place || department.place;
      return details([
        [t.department, this.local(department.name)],
        [t.official, official ? `${official.name}${s.official ? '' : ` (${t.assigned})`}` : ''],
        [t.agenda, this.local(this.agenda().name)],
        [t.topic, s.topic],
        [t.when, clock.span(s.slot.start, s.slot.end)],
        [t.where, placeText(place, official && official.room)],
        [t.contact, [s.citizen.name, s.citizen.email, s.citizen.phone].filter(Boolean).join(', ')],
      ]);
    }

    step_summary() {
      const t = this.t;
      return [el('p', { class: 'cd-intro', text: t.summaryIntro }), this.summaryList(), this.form(
        [this.actions(t.confirm)],
        () => null,
        (form) => this.book(form))];
    }

    async book(form) {
      const t = this.t;
      const button = form.querySelector('button[type=submit]');
      const body = this.bookingBody();
      this.busy = true;
      button.disabled = true;
      button.textContent = t.booking;
      this.say(t.booking);
      const result = await this.api.post('/reservations', body, { 'Idempotency-Key': this.idempotencyKey });
      this.busy = false;
      if (result.ok) {
        this.booked = result.data;
        this.state.step = 'done';
        this.render(true);
        // For the portal's own use (analytics, a thank-you box): what and when, no personal data.
        const r = result.data.reservation;
        this.dispatchEvent(new CustomEvent('civic-diary-booked', {
          bubbles: true,
          composed: true,
          detail: { reservation: r.id, department: r.department, official: r.official, agenda: r.agenda, start: r.start, end: r.end },
        }));
        return;
      }
      button.disabled = false;
      button.textContent = t.confirm;
      const problem = explain(t, result);
      if (problem.kind === 'slot') {
        this.taken.add(takenKey(this.state.slot));
        this.state.slot = undefined;
        this.go('time');
        this.fail(problem.message, false);
      } else if (problem.kind === 'field' || problem.kind === 'email-limit') {
        const step = problem.field === 'topic' ? 'agenda' : 'contact';
        this.go(step);
        const input = this.stepBox.querySelector(`[name="${problem.field}"]`);
        if (input) this.fieldError(input, problem.message);
        this.fail(problem.message);
      } else {
        this.fail(problem.message);
      }
    }

    step_done() {
      const t = this.t;
      const manage = this.booked.manage;
      const url = manage ? new URL(manage.link, `${this.base()}/`) : null;
      const link = url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
      this.keyedBody = null;
      return [
        el('p', { class: 'cd-success', text: t.doneTitle }),
        this.summaryList(),
        el(`h${this.level + 2}`, { class: 'cd-subtitle', text: t.doneWhat }),
        el('ul', { class: 'cd-next' },
          el('li', { text: t.doneMail(this.state.citizen.email) }),
          link ? el('li', {}, `${t.doneManage} `, el('a', { href: link, class: 'cd-link', part: 'link', rel: 'noreferrer', text: t.manageLink })) : null,
          el('li', { text: t.doneChange })),
        el('div', { class: 'cd-actions' }, el('button', {
          type: 'button', class: 'cd-button cd-secondary', part: 'button', text: t.again,
          on: {
            click: () => {
              const keep = this.state;
              this.state = {
                citizen: keep.citizen, topic: '', department: keep.departmentFixed ? keep.department : undefined,
                departmentFixed: keep.departmentFixed, official: keep.officialFixed ? keep.official : undefined,
                officialFixed: keep.officialFixed, agenda: keep.agendaFixed ? keep.agenda : undefined, agendaFixed: keep.agendaFixed,
              };
              this.state.step = this.firstStep();
              this.render(true);
            },
          },
        })),
      ];
    }
  }

  window.CivicDiaryKit = Object.freeze({ TEXTS, el, append, fill, uid, Api, explain, Clock, TimePicker, takenKey, addDays, details, placeText, walkInLines, phoneLink, randomKey });
  if (!customElements.get('civic-diary-booking')) customElements.define('civic-diary-booking', CivicDiaryBooking);
})();
