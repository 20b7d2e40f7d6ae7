/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The pages' shared kit, an ES module: DOM without HTML strings, the JSON API, dates in the
 * office's zone, the day calendar with the free times, small shared views, and translations as data.
 * Every text that comes from the server is set as text (textContent), never parsed as HTML.
 */

// ---------------------------------------------------------------- translations as data

export const LANGS = ['cs', 'en'];
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Turns translations written as data into the words the pages use: a string with {name}
 * placeholders becomes a function of {name: value}; an object of plural forms ({one, few, many,
 * other}) a function of {count, ...} that picks the form with Intl.PluralRules of the language.
 * Other strings, objects and arrays stay as they are.
 * @param {Record<string, Record<string, any>>} data the texts by language code
 * @returns {Record<string, Record<string, any>>}
 */
export function words(data) {
  /** @type {Record<string, Record<string, any>>} */
  const out = {};
  for (const [lang, texts] of Object.entries(data)) out[lang] = compile(texts, new Intl.PluralRules(lang));
  return out;
}

function compile(node, rules) {
  if (typeof node === 'string') {
    return node.match(PLACEHOLDER) ? (params) => fillIn(node, params) : node;
  }
  if (Array.isArray(node)) return node.map((item) => compile(item, rules));
  if (node && typeof node === 'object') {
    const keys = Object.keys(node);
    if (keys.includes('other') && keys.every((key) => PLURAL_FORMS.includes(key))) {
      return (params) => fillIn(node[rules.select(params.count)] ?? node.other, params);
    }
    return Object.fromEntries(keys.map((key) => [key, compile(node[key], rules)]));
  }
  return node;
}

/**
 * @param {string} template
 * @param {Record<string, unknown>} params
 */
function fillIn(template, params) {
  return template.replace(PLACEHOLDER, (whole, name) => (name in params ? String(params[name]) : whole));
}

// ---------------------------------------------------------------- DOM without HTML strings

/**
 * Creates an element. attrs: class, text (set as textContent), on: {event: handler}, and any
 * other attribute (null/false leave it out, true sets it empty). Children: nodes or strings.
 * @template {string} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs]
 * @param {...Child} children
 * @returns {K extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[K] : HTMLElement}
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'on') for (const [event, fn] of Object.entries(value)) node.addEventListener(event, fn);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  // @ts-ignore createElement(string) is typed HTMLElement; the tag names its finer type
  return node;
}

/**
 * A child as the DOM helpers take it: a node, a string, an array of those, or nothing (left out).
 * @typedef {Node | string | null | undefined | false | Array<Node | string | null | undefined | false>} Child
 */

/**
 * @template {Element | DocumentFragment} N
 * @param {N} node
 * @param {Child[]} children
 * @returns {N}
 */
export function append(node, children) {
  for (const child of /** @type {Array<Node | string | null | undefined | false>} */ (children.flat(Infinity))) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * Replaces a node's children (null and false children are left out, unlike replaceChildren).
 * @template {Element} N
 * @param {N} node
 * @param {...Child} children
 * @returns {N}
 */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

let uniqueIds = 0;
/** @param {string} prefix @returns {string} an id unique in the page */
export function uid(prefix) {
  uniqueIds += 1;
  return `${prefix}-${uniqueIds}`;
}

// ---------------------------------------------------------------- the API

/** A key for Idempotency-Key: 128 random bits (works outside secure contexts too). */
export function randomKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * What every call of the API resolves to (it never rejects): the answer's JSON as data when ok, the
 * problem+json when not, the Retry-After header when the server sent one, and for a call that got
 * no answer (status 0) whether the server refused this page's origin (CORS).
 * @typedef {{ok: boolean, status: number, data: any, problem: any, retryAfter: string | null, refused?: boolean}} ApiResult
 */

/** The JSON API under {base}/api/v1: every call resolves to an ApiResult. */
export class Api {
  /** Whether a refusal by CORS was told in the console already (once per page). */
  static corsReported = false;

  /**
   * @param {string} base the booking server's base URL, with its prefix
   * @param {RequestCredentials} [credentials] 'omit' for the widget, 'same-origin' for the console
   * @param {Record<string, string>} [headers] sent with every call
   */
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

  /**
   * @param {string} method
   * @param {string} path under /api/v1
   * @param {{query?: Record<string, any>, body?: any, headers?: Record<string, string>}} options
   * @returns {Promise<ApiResult>}
   */
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

export function explain(t, result) {
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

/**
 * ISO dates (yyyy-mm-dd) are handled as UTC midnights: calendar arithmetic without time zones.
 * @param {string} iso
 * @returns {Date}
 */
export function parseDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** @param {Date} date @returns {string} */
export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/** @param {string} iso a date @param {number} n days, may be negative @returns {string} */
export function addDays(iso, n) {
  const date = parseDate(iso);
  date.setUTCDate(date.getUTCDate() + n);
  return isoDate(date);
}

/**
 * Formats instants in the office's time zone and dates of its calendar: display only. Turning a
 * typed date and time into an instant is the server's work (pages send what the person typed).
 */
export class Clock {
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
 * they are left out here, or offered with another official free at that time), onNothingFree(box,
 * day) when a day (day null: the whole range) has no free time, to offer the waiting list there.
 */
export class TimePicker {
  constructor(options) {
    this.o = options;
    this.days = new Map();
    this.selected = null;
    this.month = null;
    this.element = el('div', { class: 'cd-picker' });
    this.nextFree = el('p', { class: 'cd-next-free', part: 'next-free', hidden: true });
    this.calendarBox = el('div', { class: 'cd-calendar', part: 'calendar' });
    this.slotsBox = el('div', { class: 'cd-slot-box' });
    append(this.element, [this.nextFree, this.calendarBox, this.slotsBox]);
  }

  /** Loads the days (again); keeps the chosen day when it still has free time. */
  async load(preferred) {
    const t = this.o.t;
    fill(this.calendarBox, el('p', { class: 'cd-loading', text: t.loading }));
    fill(this.slotsBox);
    this.nextFree.hidden = true;
    const days = await this.o.loadDays();
    if (!Array.isArray(days)) {
      fill(this.calendarBox);
      this.o.report(explain(t, days).message, true);
      return false;
    }
    this.days = new Map(days.filter((d) => d.free > 0).map((d) => [d.date, d.free]));
    if (this.days.size === 0) {
      fill(this.calendarBox, el('p', { class: 'cd-note', text: t.noDays }));
      if (this.o.onNothingFree) this.o.onNothingFree(this.calendarBox, null);
      return true;
    }
    const first = this.firstDay();
    const keep = preferred && this.days.has(preferred) ? preferred : null;
    // GOV.UK's pattern: say the next free date, open on its month
    fill(this.nextFree, t.nextFree({ date: this.o.clock.dayFull(first) }));
    this.nextFree.hidden = false;
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
          const label = `${clock.day(date)}${date === today ? `, ${t.today}` : ''}, ${t.freeCount({ count: free })}`;
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
      const button = /** @type {HTMLButtonElement | null} */ (this.calendarBox.querySelector(`button[data-date="${focusDay}"]`));
      if (button) button.focus();
    }
  }

  /** Another month; focus stays on the button pressed, or goes to the month's first day when it is the last month. */
  showMonth(month, nav) {
    if (!month) return;
    this.month = month;
    this.renderCalendar(false);
    const button = /** @type {HTMLButtonElement | null} */ (this.calendarBox.querySelector(`button[data-nav="${nav}"]`));
    if (button && !button.disabled) button.focus();
    else (/** @type {HTMLElement | null} */ (this.calendarBox.querySelector('button.cd-day[tabindex="0"]')) || this.calendarBox).focus();
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
    const heading = el(`h${this.o.headingLevel}`, { id: legendId, class: 'cd-slots-title', tabindex: '-1', text: t.chooseTime({ day: this.o.clock.day(day) }) });
    if (slots.length === 0) {
      fill(this.slotsBox, heading, el('p', { class: 'cd-note', text: t.noSlots }));
      if (this.o.onNothingFree) this.o.onNothingFree(this.slotsBox, day);
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
export function takenKey(slot) {
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
export function walkInLines(t, hours) {
  return (hours || []).map((h) => `${t.days[h.day]} ${Clock.clock(h.start)}–${Clock.clock(h.end)}`);
}

export function phoneLink(phone) {
  return el('a', { href: `tel:${String(phone.number).replace(/\s+/g, '')}`, text: phone.number });
}

/**
 * A definition list of [term, value] pairs (values: strings or nodes); empty values are left out.
 * @param {Array<[string, Child]>} pairs
 * @returns {HTMLElement}
 */
export function details(pairs) {
  const list = el('dl', { class: 'cd-details' });
  for (const [term, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    list.append(el('div', { class: 'cd-detail' }, el('dt', { text: term }), el('dd', {}, value)));
  }
  return list;
}

export function placeText(place, room, lang) {
  const parts = [];
  if (place) parts.push(place.name, place.address);
  if (room) parts.push(room);
  const line = parts.filter(Boolean).join(', ');
  const description = place && place.description ? place.description[lang] || place.description.cs : '';
  return description ? `${line} (${description})` : line;
}

/** @param {Element} node @returns {string} the language of the nearest [lang], one of LANGS */
export function languageOf(node) {
  const tagged = node.closest('[lang]');
  const lang = (tagged ? tagged.getAttribute('lang') : document.documentElement.lang || 'cs').slice(0, 2).toLowerCase();
  return LANGS.includes(lang) ? lang : 'en';
}
