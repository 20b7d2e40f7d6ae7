/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The console's frame, shared by its pages: state, messages, form pieces, the directory, header and menu, and the routing by the address's #fragment.
 */
import { el, fill, uid, Api, explain, Clock, TimePicker, addDays } from '../kit/kit.js';
import { TEXTS as KIT_TEXTS } from '../kit/texts.js';
import { TEXTS } from './texts.js';

export const base = window.location.origin + window.location.pathname.replace(/\/console\/?$/, '');
export const api = new Api(base, 'same-origin', { 'X-Requested-With': 'civic-diary-console' });
export const state = { lang: readLanguage(), me: null, office: null, departments: [], taken: new Set(), mustEnrol: false, offices: [] };

// ---------------------------------------------------------------- offices

const OFFICE_KEY = 'civicdiary-console-office';

/** The deployment's administrator (an administrator of no one office) chooses the office the console shows. */
export const choosesOffice = () => Boolean(state.me && state.me.role === 'ADMIN' && !state.me.office);

function chosenOffice() {
  try {
    return window.localStorage.getItem(OFFICE_KEY);
  } catch (e) {
    return null;
  }
}

/** Switches the console to another office (the deployment's administrator). */
export async function chooseOffice(id) {
  try {
    window.localStorage.setItem(OFFICE_KEY, id);
  } catch (e) {
    // kept for this page only
  }
  state.office = state.offices.find((o) => o.id === id) || state.office;
  await loadDirectory();
  await route();
}

// The staff lists of the deployment's administrator show the chosen office only (staff of one
// office see only theirs anyway): every staff read names it.
const unscopedGet = api.get.bind(api);
api.get = (path, query) => unscopedGet(path,
  choosesOffice() && state.office && path.startsWith('/staff/') && path !== '/staff/offices' && path !== '/staff/me'
    ? { ...(query || {}), office: state.office.id } : query);

export const app = document.getElementById('app');
export const status = el('div', { class: 'cd-status', role: 'status', 'aria-live': 'polite' });
export const alert = el('div', { class: 'cd-alert', role: 'alert' });
export const content = el('div', { class: 'cd-console-content' });
fill(app, status, alert, content);

export const t = () => TEXTS[state.lang];
export const kt = () => KIT_TEXTS[state.lang];
export const local = (text) => (text ? text[state.lang] || text.cs : '');
export const clock = () => new Clock(state.lang, state.office ? state.office.zone : 'Europe/Prague');

export function readLanguage() {
  try {
    const saved = window.localStorage.getItem('civicdiary-console-lang');
    if (saved === 'cs' || saved === 'en') return saved;
  } catch (e) {
    // storage may be off; Czech then
  }
  return 'cs';
}

// ---------------------------------------------------------------- messages

export function say(message) {
  fill(alert);
  const p = el('p', { class: 'cd-success', tabindex: '-1', text: message });
  fill(status, p);
  return p;
}

export function quiet() {
  fill(status);
  fill(alert);
}

/** A failed call in plain words; a lost session goes back to the login form. */
export function failed(result) {
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
export function explainStaff(result) {
  const known = explain(kt(), result);
  const p = result.problem || {};
  if (known.kind === 'other' && p.detail) return `${known.message} (${p.detail})`;
  if (known.kind === 'field' && p.detail) return `${known.message} (${p.detail})`;
  return known.message;
}

// ---------------------------------------------------------------- small form pieces

export function field(label, control, hint) {
  control.id = control.id || uid('cd-f');
  let hintNode = null;
  if (hint) {
    hintNode = el('p', { class: 'cd-hint', id: uid('cd-hint'), text: hint });
    control.setAttribute('aria-describedby', hintNode.id);
  }
  return el('div', { class: 'cd-field' }, el('label', { for: control.id, text: label }), hintNode, control);
}

export function input(name, value, attrs) {
  const node = el('input', { name, type: 'text', ...(attrs || {}) });
  node.value = value === null || value === undefined ? '' : String(value);
  return node;
}

export function select(name, options, value) {
  const node = el('select', { name });
  for (const [optionValue, label] of options) {
    const option = el('option', { value: optionValue, text: label });
    option.selected = optionValue === value;
    node.append(option);
  }
  return node;
}

export function checkbox(name, label, checked) {
  const id = uid('cd-check');
  const box = el('input', { type: 'checkbox', name, id });
  box.checked = Boolean(checked);
  return el('div', { class: 'cd-check' }, box, el('label', { for: id, text: label }));
}

export function button(label, onClick, kind) {
  return el('button', { type: 'button', class: `cd-button ${kind || 'cd-secondary'}`, text: label, on: { click: onClick } });
}

export function submit(label) {
  return el('button', { type: 'submit', class: 'cd-button cd-primary', text: label });
}

/** A form that runs action(form) on submit, with its submit button disabled meanwhile. */
export function form(children, action, attrs) {
  const node = el('form', { class: 'cd-form', novalidate: true, ...(attrs || {}) }, children);
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = /** @type {NodeListOf<HTMLButtonElement>} */ (node.querySelectorAll('button[type=submit]'));
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await action(node);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
  return node;
}

export function section(title, ...children) {
  const id = uid('cd-section');
  return el('section', { class: 'cd-card', 'aria-labelledby': id }, el('h2', { id, text: title }), children);
}

/**
 * A table with its caption and column headers. options.foot: rows for a tfoot; options.region: the
 * table may be wider than the screen and holds nothing focusable, so its scrolling box is a
 * focusable region named by the caption (keyboard users can scroll it).
 */
export function table(caption, headers, rows, options) {
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
export function clearFieldErrors(formNode) {
  formNode.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
  formNode.querySelectorAll('.cd-invalid').forEach((box) => box.classList.remove('cd-invalid'));
  formNode.querySelectorAll('.cd-field-error').forEach((error) => { error.textContent = ''; });
}

/** Shows the message at the control (read with it: aria-describedby) and focuses the control. */
export function fieldError(control, message) {
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
export function fieldMessage(control) {
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
export function failedForm(result, formNode, controlName) {
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
export function refuse(control, message, detail) {
  const label = document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
  fill(status);
  fill(alert, el('p', { text: `${label ? `${label.textContent}: ` : ''}${message}${detail ? ` (${detail})` : ''}` }));
  fieldError(control, message);
}

// ---------------------------------------------------------------- directory lookups

export function allOfficials() {
  return state.departments.flatMap((d) => d.officials);
}

export function officialOf(id) {
  return allOfficials().find((o) => o.id === id) || null;
}

export function officialName(id) {
  const o = officialOf(id);
  return o ? o.name : id;
}

export function departmentOf(id) {
  return state.departments.find((d) => d.id === id) || null;
}

export function agendaOf(id) {
  for (const d of state.departments) {
    const found = d.agendas.find((a) => a.id === id);
    if (found) return found;
  }
  return null;
}

/** The officials this member may plan for: an official only themselves. */
export function plannableOfficials() {
  const me = state.me;
  return me.role === 'OFFICIAL' ? allOfficials().filter((o) => o.id === me.official) : allOfficials();
}

export function officialOptions(officials) {
  return officials.map((o) => [o.id, `${o.name} (${local((departmentOf(o.department) || {}).name)})`]);
}

export async function loadDirectory() {
  const [offices, departments] = await Promise.all([api.get('/staff/offices'), api.get('/staff/departments')]);
  if (!offices.ok) return offices;
  if (!departments.ok) return departments;
  state.offices = offices.data.offices;
  const chosen = choosesOffice() ? chosenOffice() : null;
  state.office = state.offices.find((o) => o.id === chosen) || state.offices[0] || null;
  state.departments = departments.data.departments.filter((d) => !state.office || d.office === state.office.id);
  return offices;
}

// ---------------------------------------------------------------- frame: header, menu, routing

export function chrome() {
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
  // until the password is changed, nothing else is open: no menu
  fill(menu, state.me.mustChangePassword || state.mustEnrol ? null : el('ul', {}, Object.entries(PAGES)
    .filter(([key]) => offered(key))
    .map(([key]) => el('li', {}, el('a', { href: `#${key}`, 'aria-current': key === current ? 'page' : null, text: texts.pages[key] })))));
  fill(user,
    choosesOffice() && state.offices.length > 0 && !state.me.mustChangePassword && !state.mustEnrol ? officeSwitcher() : null,
    el('span', { class: 'cd-user-name', text: texts.signedIn({ name: state.me.username, role: texts.roles[state.me.role] }) }),
    languageButton,
    button(texts.logout, logout));
}

/** The deployment's administrator's choice of office, in the header. */
function officeSwitcher() {
  const id = uid('cd-office');
  const choice = el('select', { id, name: 'office', class: 'cd-office-switcher', on: { change: () => chooseOffice(/** @type {HTMLSelectElement} */ (choice).value) } },
    state.offices.map((o) => el('option', { value: o.id, text: local(o.name), selected: state.office && o.id === state.office.id ? 'selected' : null })));
  return el('span', { class: 'cd-office-choice' }, el('label', { for: id, text: t().officeSwitch }), ' ', choice);
}

const PAGES = {};
/** The whole deployment's pages: an administrator of one office is refused them, so they are not offered. */
const DEPLOYMENT_PAGES = ['directory', 'api-keys', 'webhooks'];

/** Whether the signed-in member sees this page in the menu and may open it. */
function offered(key) {
  return PAGES[key].roles.includes(state.me.role) && (!DEPLOYMENT_PAGES.includes(key) || !state.me.office);
}

/** The pages by their #fragment, each with the roles that see it and its render function; set once by the entry module. */
export function registerPages(pages) {
  Object.assign(PAGES, pages);
}

export function page() {
  if (state.me.mustChangePassword || state.mustEnrol) return 'account';
  const wanted = window.location.hash.replace(/^#/, '').split('?')[0];
  const allowed = Object.keys(PAGES).filter(offered);
  return allowed.includes(wanted) ? wanted : allowed[0];
}

/**
 * Puts a page's choices into the address (#page?...), unless the address has moved on to another
 * page meanwhile: a slow answer must not take the reader back to the page they left.
 */
export function keepAddress(fragment) {
  if (state.me && page() === fragment.replace(/^#/, '').split('?')[0]) window.history.replaceState(null, '', fragment);
}

export function title(text) {
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
export let routing = Promise.resolve();
export function route(moveFocus) {
  routing = routing.then(() => show(moveFocus), () => show(moveFocus));
  return routing;
}

/** moveFocus: true for the page's heading, or the id of an element of the header to focus. */
export async function show(moveFocus) {
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

export function renderLogin(message) {
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
    if (!result.ok && result.problem && result.problem.code === 'second-factor-required') {
      renderSecondStep(username.value.trim(), result.problem.secondStepToken);
      return;
    }
    if (!result.ok) {
      fill(alert, el('p', { text: explain(kt(), result).message }));
      password.value = '';
      password.focus();
      return;
    }
    await start(true);
  })));
}

/** The login's second step: a code from the authenticator app or a recovery code, with the password step's token. */
function renderSecondStep(name, token) {
  const texts = t();
  quiet();
  const code = input('code', '', { autocomplete: 'one-time-code', required: true, spellcheck: 'false', maxlength: '64' });
  fill(content, el('div', { class: 'cd-card cd-login' },
    el('p', { class: 'cd-intro', text: texts.secondStepIntro }),
    form([
      field(texts.secondStepCode, code),
      el('div', { class: 'cd-actions' }, submit(texts.secondStepSubmit)),
    ], async () => {
      if (!code.value.trim()) {
        refuse(code, texts.required);
        return;
      }
      const result = await api.post('/staff/login/second-step', { username: name, token, code: code.value.trim() });
      if (!result.ok) {
        fill(alert, el('p', { text: result.status === 401 ? texts.secondStepWrong : explain(kt(), result).message }));
        code.value = '';
        code.focus();
        return;
      }
      await start(true);
    }, { 'data-form': 'second-step' })));
  code.focus();
}

export async function logout() {
  await api.post('/staff/logout');
  state.me = null;
  window.location.hash = '';
  // through the routings, so a page still loading cannot draw itself over the login form
  await route();
  document.getElementById('page-title').focus();
}

export async function start(moveFocus) {
  const me = await api.get('/staff/me');
  if (!me.ok) {
    renderLogin();
    return;
  }
  state.me = me.data;
  state.mustEnrol = false;
  if (state.me.mustChangePassword) {
    // the directory is closed to them until then
    quiet();
    await route(moveFocus);
    return;
  }
  if (state.me.role === 'RECEPTION') {
    // the reception sees today's list only, which carries the names it needs, and not the directory
    quiet();
    await route(moveFocus);
    return;
  }
  const loaded = await loadDirectory();
  quiet();
  if (!loaded.ok && loaded.problem && loaded.problem.code === 'second-factor-enrolment-required') {
    // an administrator the office wants to have a second factor: closed until they enrol one
    state.mustEnrol = true;
    await route(moveFocus);
    return;
  }
  if (!loaded.ok) {
    failed(loaded);
    return;
  }
  await route(moveFocus);
}

/** What a page shows, from the API; on a failure the page is emptied, the failure said, and null answered. */
export async function pageData(path) {
  const result = await api.get(path);
  if (result.ok) return result.data;
  fill(content);
  failed(result);
  return null;
}

/** The public free-time calendar for a department's agenda (or one official), for staff. */
export function timePicker(department, agenda, official, onPick) {
  const c = clock();
  const from = c.today();
  const to = addDays(from, state.office ? state.office.policy.horizonDays : 60);
  const owner = official ? `/officials/${encodeURIComponent(official)}` : `/departments/${encodeURIComponent(department)}`;
  // Operators book by phone, so free time comes from the staff view, which keeps the phone share of
  // windows (marked); its days cover the whole horizon in one call. Officials book their own diary only.
  const operator = Boolean(state.me) && ['OPERATOR', 'ADMIN'].includes(state.me.role);
  const staff = official ? `/staff/officials/${encodeURIComponent(official)}`
    : operator ? `/staff/departments/${encodeURIComponent(department)}` : null;
  const picker = new TimePicker({
    t: kt(), clock: c, headingLevel: 3, taken: state.taken,
    loadDays: async () => {
      const r = await api.get(`${staff || owner}/days`, { agenda, from, to });
      return r.ok ? r.data.days : r;
    },
    loadSlots: async (day) => {
      const r = await api.get(`${staff || owner}/slots`, { agenda, from: day, to: day });
      return r.ok ? r.data.slots : r;
    },
    describeSlot: (slot) => [official ? '' : officialName(slot.official), slot.phoneShare ? t().phoneShare : '']
      .filter(Boolean).join(' · '),
    onPick,
    report: (message) => fill(alert, el('p', { text: message })),
  });
  picker.load(null);
  return picker;
}

// ---------------------------------------------------------------- administration

/** After a save: reload the directory and show the page again with the message. */
export async function saved(message) {
  await loadDirectory();
  await route();
  say(message).focus();
}

export function placeFields(place) {
  const d = place && place.description;
  return [field(t().placeName, input('placeName', place && place.name)), field(t().placeAddress, input('placeAddress', place && place.address)),
    field(t().placeDescriptionCs, input('place.description.cs', d && d.cs), t().placeDescriptionHint),
    field(t().placeDescriptionEn, input('place.description.en', d && d.en))];
}

export function placeOf(formNode) {
  const name = formNode.elements.placeName.value.trim();
  const address = formNode.elements.placeAddress.value.trim();
  const description = placeDescription(formNode.elements['place.description.cs'].value, formNode.elements['place.description.en'].value);
  return name || address ? { name, address, description } : null;
}

/** A place's description from its two fields: none when both are empty, one language standing for both. */
export function placeDescription(cs, en) {
  const c = cs.trim();
  const e = en.trim();
  return c || e ? { cs: c || e, en: e || c } : null;
}

// ---------------------------------------------------------------- short forms for tables

export const locale = () => (state.lang === 'cs' ? 'cs-CZ' : 'en-GB');

/** "23. 11. 2026" for a calendar date (yyyy-mm-dd). */
export function shortDate(iso) {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' })
    .format(new Date(`${iso}T00:00:00Z`));
}

/** "23. 11. 2026 9:24:08": an instant in the office's zone, to the second. */
export function stamp(instant) {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: state.office ? state.office.zone : 'Europe/Prague',
    day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit',
  }).format(new Date(instant));
}

/** Monday of a date's ISO week (yyyy-mm-dd). */
export function mondayOf(iso) {
  return addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));
}

// ---------------------------------------------------------------- first run: what to create first

/** Whether the directory has what a page needs. */
export const HAVE = {
  office: () => Boolean(state.office),
  departments: () => state.departments.length > 0,
  officials: () => allOfficials().length > 0,
  agendas: () => state.departments.some((d) => d.agendas.some((a) => a.officials.length > 0)),
};

/**
 * When something a page needs does not exist yet, the page says what to create first (with a
 * link for administrators, who can) instead of failing; answers whether it did.
 */
export function needsFirst(...kinds) {
  const missing = kinds.find((kind) => !HAVE[kind]());
  if (!missing) return false;
  const texts = t();
  fill(content, el('section', { class: 'cd-card cd-need', 'aria-label': texts.need[missing] },
    el('p', { text: texts.need[missing] }),
    state.me.role === 'ADMIN' ? el('p', {}, el('a', { href: `#${missing}`, text: texts.needLink[missing] })) : null));
  return true;
}

/** The first free time of any matter of any department (a few looked at, not hundreds), or null. */
export async function firstFreeTime() {
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
export async function someWindows() {
  for (const o of allOfficials().filter((x) => x.active).slice(0, 50)) {
    const r = await api.get(`/staff/officials/${encodeURIComponent(o.id)}/windows`);
    if (r.ok && r.data.windows.length) return true;
  }
  return false;
}
