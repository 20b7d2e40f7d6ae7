/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Administration of departments, officials, agendas and diaries.
 */
import { el, fill, Clock } from '../../kit/kit.js';
import { TEXTS as KIT_TEXTS } from '../../kit/texts.js';
import { deputiesEditor } from './deputies.js';
import { api, button, checkbox, clock, content, failed, field, form, input, keepAddress, local, needsFirst, officialOptions, placeFields, placeOf, plannableOfficials, refuse, saved, section, select, state, submit, t } from '../shell.js';

export async function departments() {
  if (needsFirst('office')) return;
  const cards = state.departments.map((d) => departmentCard(d));
  cards.push(departmentCard(null));
  fill(content, ...cards);
}

export function departmentCard(d) {
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
      const get = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (hoursBox.querySelector(`[name=${name}${i}]`));
      h.day = get('hourDay').value;
      h.start = get('hourStart').value;
      h.end = get('hourEnd').value;
    });
  }
  return section(d ? local(d.name) : texts.newDepartment, edit, hoursForm);
}

export async function officials() {
  if (needsFirst('office', 'departments')) return;
  const cards = [];
  for (const d of state.departments) {
    cards.push(section(local(d.name), d.officials.map((o) => [officialForm(o, d), deputiesEditor(o, d)]), el('details', {},
      el('summary', { text: t().newOfficial }), officialForm(null, d))));
  }
  fill(content, ...cards);
}

export function officialForm(o, d) {
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

export async function agendas() {
  if (needsFirst('office', 'departments')) return;
  const cards = [];
  for (const d of state.departments) {
    cards.push(section(local(d.name), d.agendas.map((a) => agendaForm(a, d)), el('details', {},
      el('summary', { text: t().newAgenda }), agendaForm(null, d))));
  }
  fill(content, ...cards);
}

export function agendaForm(a, d) {
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

export async function diaries() {
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

export function windowsForm(officialId, windows) {
  const texts = t();
  const rows = el('div', {});
  // The agendas a window may be limited to: those of the official's department the official handles.
  const department = state.departments.find((d) => d.officials.some((o) => o.id === officialId));
  const handled = department ? department.agendas.filter((a) => a.officials.includes(officialId)) : [];
  const collect = () => windows.forEach((w, i) => {
    const get = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (rows.querySelector(`[name=${name}${i}]`));
    const place = get('placeName').value.trim() || get('placeAddress').value.trim()
      ? { name: get('placeName').value.trim(), address: get('placeAddress').value.trim(), description: w.place ? w.place.description : null } : null;
    Object.assign(w, {
      day: get('day').value, start: get('start').value, end: get('end').value, validFrom: get('validFrom').value,
      validUntil: get('validUntil').value || null, place,
      phoneSlots: Number(get('phoneSlots').value || 0), phonePercent: Number(get('phonePercent').value || 0),
      holidayOpenings: get('holidayOpenings').value.split(/[\s,;]+/).filter((d) => d),
      agendas: handled.filter((a) => get(`agenda-${a.id}-`).checked).map((a) => a.id),
    });
    delete w.onHolidays;
  });
  const render = () => fill(rows, ...windows.map((w, i) => {
    const holidays = field(texts.holidayOpenings, input(`holidayOpenings${i}`, (w.holidayOpenings || []).join(', ')),
      texts.holidayOpeningsHint);
    // No agenda ticked: the window serves every agenda the official handles.
    const agendas = handled.length ? el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.windowAgendas }),
      el('p', { class: 'cd-hint', text: texts.windowAgendasHint }),
      handled.map((a) => checkbox(`agenda-${a.id}-${i}`, local(a.name), (w.agendas || []).includes(a.id)))) : null;
    return el('fieldset', { class: 'cd-fieldset cd-window' }, el('legend', { text: texts.window({ n: i + 1 }) }),
      el('div', { class: 'cd-grid' },
        field(texts.day, select(`day${i}`, texts.days.map((day) => [day, KIT_TEXTS[state.lang].days[day]]), w.day)),
        field(texts.start, input(`start${i}`, Clock.clock(w.start).padStart(5, '0'), { type: 'time' })),
        field(texts.end, input(`end${i}`, Clock.clock(w.end).padStart(5, '0'), { type: 'time' })),
        field(texts.validFrom, input(`validFrom${i}`, w.validFrom, { type: 'date' })),
        field(texts.validUntil, input(`validUntil${i}`, w.validUntil, { type: 'date' })),
        field(texts.placeName, input(`placeName${i}`, w.place && w.place.name)),
        field(texts.placeAddress, input(`placeAddress${i}`, w.place && w.place.address)),
        field(texts.phoneSlots, input(`phoneSlots${i}`, w.phoneSlots || 0, { type: 'number', min: '0', step: '1' })),
        field(texts.phonePercent, input(`phonePercent${i}`, w.phonePercent || 0, { type: 'number', min: '0', max: '100', step: '1' }))),
      holidays,
      agendas,
      button(texts.removeWindow, () => { collect(); windows.splice(i, 1); render(); }));
  }));
  render();
  return form([rows, el('div', { class: 'cd-actions' },
    button(texts.addWindow, () => {
      collect();
      windows.push({
        day: 'MONDAY', start: '08:00', end: '12:00', validFrom: clock().today(), validUntil: null, place: null,
        phoneSlots: 0, phonePercent: 0, holidayOpenings: [], agendas: [],
      });
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
