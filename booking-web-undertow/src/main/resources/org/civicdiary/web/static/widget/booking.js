/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * civic-diary booking widget: the custom element <civic-diary-booking>.
 *
 * A portal drops it into any page:
 *   <script src="https://diar.example.cz/static/widget/civic-diary-booking.js" defer></script>
 *   <civic-diary-booking lang="cs"></civic-diary-booking>
 *
 * Attributes: api (the API's base URL; by default where this script came from), lang (cs or en;
 * by default the page's; the widget's switch overrides it), department, official, agenda (preselect and skip those steps),
 * heading-level (of the widget's title, 2 by default), office (in a deployment of several town
 * halls: the office whose departments it offers; by default every office's).
 * Event: civic-diary-booked (bubbles, composed) when a booking is made; detail holds the ids and times.
 * Theming: CSS custom properties (--cd-accent, --cd-font ...) set on the element, and ::part().
 *
 * No framework and no third-party requests. Every text that comes from the server is set as text
 * (textContent), never parsed as HTML. This module is what civic-diary-booking.js loads; the
 * shared pieces come from the kit (../kit/kit.js), which the manage page and the console use too.
 */
import { el, fill, uid, randomKey, Api, explain, addDays, Clock, TimePicker, takenKey, walkInLines, phoneLink, details, placeText, languageOf, LANGS } from '../kit/kit.js';
import { TEXTS } from '../kit/texts.js';
import { solve } from './pow.js';

const MODULE_URL = import.meta.url;
// The server rewrites this name to the stylesheet's hashed one as it serves the module.
const CSS_FILE = './civic-diary-booking.css';

// ---------------------------------------------------------------- the widget

const STEPS = ['department', 'official', 'agenda', 'time', 'contact', 'summary'];
const LANGUAGE_NAMES = { cs: 'Česky', en: 'English' };

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
    const cssUrl = new URL(CSS_FILE, MODULE_URL).href;
    this.frame = el('div', { class: 'cd-widget', part: 'container', hidden: true });
    const reveal = () => this.frame.removeAttribute('hidden');
    const link = el('link', { rel: 'stylesheet', href: cssUrl, on: { load: reveal, error: reveal } });
    this.root.append(link, this.frame);
    // Shown unstyled rather than not at all if the stylesheet neither loads nor fails.
    setTimeout(reveal, 4000);
    this.api = new Api(this.base(), 'omit');
    this.prepareProof();
    this.start();
  }

  /**
   * Fetches a proof-of-work challenge and solves it in a Worker while the citizen fills the form;
   * this.proof is the Altcha header's value, or null (the check is off, or the server refused:
   * then the booking says why).
   */
  prepareProof() {
    this.proof = this.api.get('/challenge').then(async (r) => {
      const c = r.ok && r.data;
      if (!c || !c.maxnumber) return null;
      const number = await solveAside(c.challenge, c.salt, c.maxnumber);
      if (number === null) return null;
      return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature }));
    }).catch(() => null);
  }

  /**
   * A public write with the proof of work (the Altcha header); a spent or expired proof is replaced
   * once, unseen. While the proof is still being solved the button says so.
   * @param {string} path under /api/v1
   * @param {any} body
   * @param {Record<string, string>} headers
   * @param {HTMLButtonElement} button
   */
  async postWithProof(path, body, headers, button) {
    for (let attempt = 0; ; attempt++) {
      const proof = this.proof;
      const label = button.textContent;
      if (await Promise.race([proof, Promise.resolve(PENDING)]) === PENDING) {
        button.textContent = this.t.checking;
        this.say(this.t.checking);
      }
      const solved = await proof;
      button.textContent = label;
      this.prepareProof();
      const result = await this.api.post(path, body, solved ? { ...headers, Altcha: solved } : headers);
      const code = result.problem && result.problem.code;
      if (attempt > 0 || (code !== 'challenge-expired' && code !== 'challenge-reused')) return result;
    }
  }

  attributeChangedCallback() {
    // the portal's own switch: the latest choice
    this.chosenLang = null;
    if (this.directory) this.render(false);
  }

  /** The API's base URL: the api attribute, or where this script was loaded from. */
  base() {
    const attribute = this.getAttribute('api');
    if (attribute) return new URL(attribute, document.baseURI).href.replace(/\/+$/, '');
    return MODULE_URL.replace(/\/static\/widget\/booking(\.[0-9a-f]{10})?\.js(\?.*)?$/, '');
  }

  get lang2() {
    return this.chosenLang || languageOf(this);
  }

  /** Toggle buttons, each named in its own language. */
  languageSwitch() {
    return el('div', { class: 'cd-languages', part: 'languages', role: 'group', 'aria-label': this.t.language },
      LANGS.map((lang) => el('button', {
        type: 'button', class: 'cd-language', part: 'language', lang, 'data-lang': lang,
        'aria-pressed': lang === this.lang2 ? 'true' : 'false', text: LANGUAGE_NAMES[lang] || lang,
        on: { click: () => this.switchLanguage(lang) },
      })));
  }

  /** Keeps the step; focus stays on the switch. */
  switchLanguage(lang) {
    if (lang === this.lang2) return;
    this.chosenLang = lang;
    if (this.directory) this.render(false);
    else this.start();
    const pressed = /** @type {HTMLElement | null} */ (this.root.querySelector(`.cd-language[data-lang="${lang}"]`));
    if (pressed) pressed.focus();
  }

  get t() {
    return TEXTS[this.lang2];
  }

  async start() {
    this.renderShell();
    this.shellLang = this.lang2;
    fill(this.stepBox, el('p', { class: 'cd-loading', text: this.t.loading }));
    const result = await this.api.get(`${this.officePath()}/departments`);
    if (!result.ok) {
      fill(this.stepBox, el('p', { class: 'cd-error-text', text: explain(this.t, result).message }),
        el('button', { type: 'button', class: 'cd-button', part: 'button', text: this.t.retry, on: { click: () => this.start() } }));
      return;
    }
    this.directory = result.data;
    this.applyPreselection();
    this.render(false);
  }

  /**
   * "/offices/{id}" when the portal names its office (office="…"), in a deployment of several
   * town halls: then the widget shows that office's departments only; "" shows every office's.
   */
  officePath() {
    const office = this.getAttribute('office');
    return office ? `/offices/${encodeURIComponent(office)}` : '';
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
      this.languageSwitch(),
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
    this.progress.textContent = step === 'done' ? t.steps.done : `${t.stepOf({ n: index + 1, total: steps.length })}: ${t.steps[step]}`;
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
        department.place ? el('p', { class: 'cd-muted', text: placeText(department.place, null, this.lang2) }) : null);
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
    fill(this.alert, el('p', { text: message }), phone ? el('p', { text: this.t.errors.callUs({ phone }) }) : null);
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
      department.officials.map((o) => ({ value: o.id, label: o.name, hint: o.room ? t.room({ room: o.room }) : null })));
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
    const options = agendas.map((a) => ({ value: a.id, label: this.local(a.name), hint: t.minutes({ n: a.slots * office.slotMinutes }) }));
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
      el('p', { class: 'cd-hint', id: hintId, text: t.topicHint({ max }) }),
      el('p', { class: 'cd-field-error', id: errorId }),
      topic), this.actions(t.next));
    return this.form(children,
      (form) => {
        if (!this.state.agendaFixed && this.groupError(form, form.elements.agenda.value ? null : t.errors.choose)) return true;
        const text = topic.value.trim();
        const message = !text ? t.errors.topicMissing : text.length > max ? t.errors.topicTooLong({ max }) : null;
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
    const owner = this.officePath() + (s.official ? `/officials/${encodeURIComponent(s.official)}` : `/departments/${encodeURIComponent(s.department)}`);
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
      onNothingFree: (box, day) => {
        if (!day && s.official) this.offerDeputy(box);
        this.offerWatch(box, day || from, day || to);
      },
    });
    this.picker.load(s.day);
    const back = el('div', { class: 'cd-actions' }, el('button', {
      type: 'button', class: 'cd-button cd-secondary', part: 'button', text: t.back, on: { click: () => this.goBack() },
    }));
    return [el('p', { class: 'cd-intro', text: t.chooseDay }), this.picker.element, back];
  }

  /**
   * An official with no free time in the whole horizon: the first deputy's first free time, as a
   * button that switches to the deputy on that day. Its place is kept above the waiting list's offer.
   */
  offerDeputy(box) {
    const s = this.state;
    const place = el('div', { class: 'cd-actions' });
    box.append(place);
    this.api.get(`/officials/${encodeURIComponent(s.official)}/deputy-offer`, { agenda: s.agenda }).then((r) => {
      const offer = r.ok && r.data.offer;
      const deputy = offer && this.official(offer.official);
      if (!deputy) return;
      const clock = this.clock();
      fill(place, el('button', {
        type: 'button', class: 'cd-button', part: 'button', id: 'cd-deputy',
        text: this.t.deputyOffer({ name: deputy.name, when: clock.at(offer.start) }),
        on: { click: () => { Object.assign(s, { official: offer.official, day: clock.dateOf(offer.start), slot: undefined }); this.render(true); } },
      }));
    });
  }

  /** The waiting list's offer where no time is free: a button that loads its form on demand. */
  offerWatch(box, firstDay, lastDay) {
    const s = this.state;
    const open = el('button', {
      type: 'button', class: 'cd-button cd-secondary', part: 'button', id: 'cd-watch', text: this.t.watch,
      on: {
        click: async () => {
          open.disabled = true;
          const { watchForm } = await import('./watch.js');
          const form = watchForm({
            t: this.t, lang: this.lang2, firstDay, lastDay, official: s.official || null,
            post: (/** @type {string} */ path, /** @type {any} */ body, /** @type {HTMLButtonElement} */ button) =>
              this.postWithProof(path, body, {}, button),
            agenda: s.agenda, topic: s.topic, citizen: s.citizen, level: this.level + 2,
          });
          open.replaceWith(form);
          form.querySelector('input').focus();
        },
      },
    });
    box.append(el('div', { class: 'cd-actions' }, open));
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
      [t.where, placeText(place, official && official.room, this.lang2)],
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
    const result = await this.postWithProof('/reservations', body, { 'Idempotency-Key': this.idempotencyKey }, button);
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
      this.booked.reservation.code ? el('p', { class: 'cd-code' }, `${t.doneCode} `, el('strong', { text: this.booked.reservation.code })) : null,
      this.summaryList(),
      el(`h${this.level + 2}`, { class: 'cd-subtitle', text: t.doneWhat }),
      el('ul', { class: 'cd-next' },
        el('li', { text: t.doneMail({ email: this.state.citizen.email }) }),
        link ? el('li', {}, `${t.doneManage} `, el('a', { href: link, class: 'cd-link', part: 'link', rel: 'noreferrer', text: t.manageLink })) : null,
        el('li', { text: t.doneChange })),
      el('div', { class: 'cd-actions' }, el('button', {
        type: 'button', class: 'cd-button cd-secondary', part: 'button', text: t.again,
        on: {
          click: () => {
            const keep = this.state;
            this.state = {
              step: 'department', citizen: keep.citizen, topic: '', department: keep.departmentFixed ? keep.department : undefined,
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

const PENDING = {};

/**
 * Solves in a module Worker made from the solver's own source (a Worker must come from the page's
 * origin, the widget's server rarely is), or on this thread when the page forbids such Workers.
 * @param {string} challenge
 * @param {string} salt
 * @param {number} max
 * @returns {Promise<number | null>}
 */
async function solveAside(challenge, salt, max) {
  try {
    const source = await (await fetch(new URL('./pow.js', MODULE_URL), { credentials: 'omit' })).text();
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url, { type: 'module' });
    return await new Promise((resolve, reject) => {
      worker.onmessage = (event) => {
        worker.terminate();
        URL.revokeObjectURL(url);
        resolve(event.data);
      };
      worker.onerror = reject;
      worker.postMessage({ challenge, salt, max });
    });
  } catch (e) {
    return solve(challenge, salt, max);
  }
}

if (!customElements.get('civic-diary-booking')) customElements.define('civic-diary-booking', CivicDiaryBooking);
