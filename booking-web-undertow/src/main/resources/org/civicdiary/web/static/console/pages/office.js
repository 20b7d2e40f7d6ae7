/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The office's settings and booking rules.
 */
import { el, fill, uid } from '../../kit/kit.js';
import { alert, api, button, checkbox, choosesOffice, chooseOffice, clearFieldErrors, content, failedForm, field, form, input, local, pageData, placeDescription, refuse, saved, section, select, state, submit, t } from '../shell.js';

// ---------------------------------------------------------------- office settings

export const POLICY = ['horizonDays', 'minimumNotice', 'maxOpenPerEmail', 'topicMaxLength', 'retentionDays', 'reminderLead', 'feedShowsCitizenNames',
  'phoneShareRelease', 'maxDailyPerEmail', 'proposalHold'];

export async function officeSettings() {
  const [data, calendars] = await Promise.all([pageData('/staff/offices'), pageData('/staff/holiday-calendars')]);
  if (!data || !calendars) return;
  const formOf = (/** @type {any} */ office) => officeForm(office, calendars);
  if (!data.offices.length) {
    fill(content, el('p', { class: 'cd-intro', text: t().officeCreateIntro }), formOf(null));
    return;
  }
  // The office the console shows; the deployment's administrator may also add another.
  const shown = data.offices.filter((o) => !state.office || o.id === state.office.id);
  fill(content, el('p', { class: 'cd-intro', text: t().officeIntro }), shown.map(formOf), choosesOffice() ? formOf(null) : null);
}

/** Reads the offices anew and chooses this one. */
async function loadOffices(id) {
  const offices = await api.get('/staff/offices');
  if (offices.ok) state.offices = offices.data.offices;
  await chooseOffice(id);
}

/** What a new office's form starts with: the core's defaults (BookingPolicy.DEFAULT). */
export const NEW_OFFICE = {
  id: '', name: { cs: '', en: '' }, zone: 'Europe/Prague', slotMinutes: 15, place: null, phones: [], holidayCalendar: 'CZ',
  policy: {
    horizonDays: 60, minimumNotice: 'PT2H', maxOpenPerEmail: 3, topicMaxLength: 500, retentionDays: 90, reminderLead: 'PT24H', feedShowsCitizenNames: false,
    phoneShareRelease: 'PT48H', maxDailyPerEmail: 1, proposalHold: 'PT48H',
  },
};

/** The API names a refused office value by its path in the body, or by the core's name for it. */
export function officeControl(field) {
  const name = field.replace(/^place\.place\./, 'place.');
  if (name === 'slotLength') return 'slotMinutes';
  if (name === 'office') return 'id';
  return POLICY.includes(name) ? `policy.${name}` : name;
}

/** "PT2H30M" (as java.time.Duration writes it) as hours, "2.5"; "" for what it cannot read. */
export function hoursOf(duration) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(String(duration));
  if (!m) return '';
  const hours = Number(m[1] || 0) + Number(m[2] || 0) / 60 + Number(m[3] || 0) / 3600;
  return String(Math.round(hours * 100) / 100);
}

/** Hours as typed ("2", "0,5" or "0.5") as an ISO-8601 duration in whole minutes; null if not such a number. */
export function durationOf(hours) {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*$/.exec(hours);
  return m ? `PT${Math.round(Number(m[1].replace(',', '.')) * 60)}M` : null;
}

/**
 * Hours as text, not type=number: a browser whose own language is not Czech reads "0,5" typed
 * into a number field as 5.
 */
export function hoursInput(name, duration, max) {
  const hours = hoursOf(duration);
  const node = input(name, state.lang === 'cs' ? hours.replace('.', ',') : hours, { inputmode: 'decimal', autocomplete: 'off' });
  node.dataset.error = t().hoursBetween({ max });
  return node;
}

/** A number field's value, or null when empty (Number('') would send 0). */
export function numberOf(control) {
  return control.value.trim() === '' ? null : Number(control.value);
}

export function numberInput(name, value, min, max) {
  return input(name, value, { type: 'number', min: String(min), max: String(max), step: '1' });
}

/**
 * @param {any} existing the office as the API answers it, or null for a new one
 * @param {string[]} calendars the holiday calendars the deployment knows (GET /staff/holiday-calendars)
 */
export function officeForm(existing, calendars) {
  const texts = t();
  const o = existing || NEW_OFFICE;
  const p = o.policy;
  // An office may still name a calendar no longer plugged in: it stays offered, so saving keeps it visible.
  const calendarNames = calendars.includes(o.holidayCalendar) ? calendars : [...calendars, o.holidayCalendar];
  const c = {
    id: existing ? null : input('id', '', { autocomplete: 'off', spellcheck: 'false' }),
    nameCs: input('name.cs', o.name.cs),
    nameEn: input('name.en', o.name.en),
    zone: input('zone', o.zone, { autocomplete: 'off', spellcheck: 'false' }),
    slot: select('slotMinutes', [5, 6, 10, 12, 15, 20, 30, 60].map((n) => [String(n), String(n)]), String(o.slotMinutes)),
    calendar: select('holidayCalendar', calendarNames.map((name) => [name, name]), o.holidayCalendar),
    placeName: input('place.name', o.place && o.place.name),
    placeAddress: input('place.address', o.place && o.place.address),
    descriptionCs: input('place.description.cs', o.place && o.place.description && o.place.description.cs),
    descriptionEn: input('place.description.en', o.place && o.place.description && o.place.description.en),
    horizon: numberInput('policy.horizonDays', p.horizonDays, 1, 730),
    notice: hoursInput('policy.minimumNotice', p.minimumNotice, 720),
    reminder: hoursInput('policy.reminderLead', p.reminderLead, 336),
    release: hoursInput('policy.phoneShareRelease', p.phoneShareRelease, 1440),
    hold: hoursInput('policy.proposalHold', p.proposalHold || 'PT48H', 336),
    maxOpen: numberInput('policy.maxOpenPerEmail', p.maxOpenPerEmail, 1, 100),
    maxDaily: numberInput('policy.maxDailyPerEmail', p.maxDailyPerEmail === undefined ? 1 : p.maxDailyPerEmail, 1, 100),
    topic: numberInput('policy.topicMaxLength', p.topicMaxLength, 1, 2000),
    retention: numberInput('policy.retentionDays', p.retentionDays, 1, 3650),
    feedNames: checkbox('policy.feedShowsCitizenNames', texts.feedShowsCitizenNames, p.feedShowsCitizenNames),
  };
  const feedNamesBox = /** @type {HTMLInputElement} */ (c.feedNames.querySelector('input'));
  const feedNamesHint = el('p', { class: 'cd-hint', id: uid('cd-hint'), text: texts.feedShowsCitizenNamesHint });
  feedNamesBox.setAttribute('aria-describedby', feedNamesHint.id);
  const phones = o.phones.map((x) => ({ purpose: { cs: x.purpose.cs, en: x.purpose.en }, number: x.number }));
  const phonesBox = el('div', {});
  const collect = () => phones.forEach((phone, i) => {
    const get = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (phonesBox.querySelector(`[name="phones[${i}].${name}"]`)).value.trim();
    Object.assign(phone, { purpose: { cs: get('purpose.cs'), en: get('purpose.en') }, number: get('number') });
  });
  const addPhone = button(texts.addPhone, () => {
    collect();
    phones.push({ purpose: { cs: '', en: '' }, number: '' });
    renderPhones();
    /** @type {HTMLInputElement} */ (phonesBox.querySelector(`[name="phones[${phones.length - 1}].purpose.cs"]`)).focus();
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
        field(texts.slotMinutes, c.slot, texts.slotHint),
        field(texts.holidayCalendar, c.calendar, texts.holidayCalendarHint))),
    el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.officeAddress }),
      el('div', { class: 'cd-grid' }, field(texts.placeName, c.placeName), field(texts.placeAddress, c.placeAddress),
        field(texts.placeDescriptionCs, c.descriptionCs, texts.placeDescriptionHint), field(texts.placeDescriptionEn, c.descriptionEn))),
    el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.phones }), phonesBox, el('div', { class: 'cd-actions' }, addPhone)),
    el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.policy }),
      el('div', { class: 'cd-grid' },
        field(texts.horizonDays, c.horizon),
        field(texts.minimumNotice, c.notice, texts.noticeHint),
        field(texts.reminderLead, c.reminder),
        field(texts.phoneShareRelease, c.release),
        field(texts.proposalHold, c.hold, texts.proposalHoldHint),
        field(texts.maxOpenPerEmail, c.maxOpen),
        field(texts.maxDailyPerEmail, c.maxDaily, texts.maxDailyPerEmailHint),
        field(texts.topicMaxLength, c.topic),
        field(texts.retentionDays, c.retention, texts.retentionHint)),
      c.feedNames, feedNamesHint),
    el('div', { class: 'cd-actions' }, submit(texts.save)),
  ], async (f) => {
    clearFieldErrors(f);
    if (c.id && !c.id.value.trim()) {
      refuse(c.id, texts.required);
      return;
    }
    const unreadable = [c.notice, c.reminder, c.release, c.hold].find((control) => durationOf(control.value) === null);
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
      holidayCalendar: c.calendar.value,
      place: { name: c.placeName.value.trim(), address: c.placeAddress.value.trim(), description: placeDescription(c.descriptionCs.value, c.descriptionEn.value) },
      phones,
      policy: {
        horizonDays: numberOf(c.horizon), minimumNotice: durationOf(c.notice.value), maxOpenPerEmail: numberOf(c.maxOpen), maxDailyPerEmail: numberOf(c.maxDaily),
        topicMaxLength: numberOf(c.topic), retentionDays: numberOf(c.retention), reminderLead: durationOf(c.reminder.value),
        feedShowsCitizenNames: feedNamesBox.checked, phoneShareRelease: durationOf(c.release.value), proposalHold: durationOf(c.hold.value),
      },
    });
    if (!result.ok) {
      failedForm(result, f, officeControl);
      return;
    }
    if (!existing && choosesOffice()) {
      // a new office: the console turns to it, to fill in its departments
      await loadOffices(c.id ? c.id.value.trim() : o.id);
    }
    await saved(texts.saved);
  });
  return section(existing ? local(o.name) : texts.newOffice, edit);
}
