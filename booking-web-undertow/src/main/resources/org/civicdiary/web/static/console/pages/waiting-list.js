/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The waiting list of an official (with the department-wide entries that may go to them) and an
 * agenda: who waits, in order; an operator adds a caller by phone, and takes or declines a time
 * offered to a caller without e-mail (such offers are not e-mailed: they wait here).
 */
import { el, fill, addDays } from '../../kit/kit.js';
import { api, button, clock, content, failed, failedForm, field, form, input, local, needsFirst, officialOf, officialOptions, plannableOfficials, say, section, select, state, submit, t, table } from '../shell.js';

export async function waitingList() {
  if (needsFirst('office', 'departments', 'officials')) return;
  const texts = t();
  const c = clock();
  const officials = plannableOfficials();
  const official = select('official', officialOptions(officials), officials[0] && officials[0].id);
  const agendaOptions = () => {
    const o = officialOf(official.value);
    const department = o ? state.departments.find((d) => d.id === o.department) : null;
    return [['', texts.allAgendas], ...(department ? department.agendas.filter((a) => a.officials.includes(official.value))
      .map((a) => [a.id, local(a.name)]) : [])];
  };
  const agenda = select('agenda', agendaOptions(), '');
  const operator = state.me.role !== 'OFFICIAL';
  const list = el('div', {});
  const refresh = async () => {
    const o = officialOf(official.value);
    if (!o) return;
    const result = await api.get('/staff/waiting-list', { department: o.department, official: official.value, agenda: agenda.value || undefined });
    if (!result.ok) {
      failed(result);
      return;
    }
    const entries = result.data.entries;
    const rows = entries.map((e, i) => el('tr', {},
      el('td', { text: String(i + 1) }),
      el('td', { text: [e.citizen.name, e.citizen.email, e.citizen.phone].filter(Boolean).join(', ') }),
      el('td', { text: local((state.departments.flatMap((d) => d.agendas).find((a) => a.id === e.agenda) || {}).name) }),
      el('td', { text: e.firstDay === e.lastDay ? c.dayFull(e.firstDay) : `${c.dayFull(e.firstDay)} – ${c.dayFull(e.lastDay)}` }),
      el('td', { text: e.official ? (officialOf(e.official) || {}).name || e.official : texts.wlAnyOfficial }),
      el('td', {}, texts.waitingStatus[e.status] || e.status,
        e.holdUntil ? ` (${texts.heldUntil({ until: c.at(e.holdUntil) })})` : ''),
      el('td', {}, operator && e.status === 'OFFERED' && !e.citizen.email ? [
        button(texts.takeForCaller, () => act(e, 'take', texts.takenForCaller)),
        ' ',
        button(texts.declineForCaller, () => act(e, 'decline', texts.declinedForCaller)),
      ] : null)));
    fill(list, entries.length
      ? table(texts.waitingListCaption, [texts.order, texts.caller, texts.agenda, texts.wlDays, texts.official, texts.state, ''], rows, { region: true })
      : section(texts.waitingListCaption, el('p', { text: texts.waitingListEmpty })));
  };
  const act = async (/** @type {any} */ entry, /** @type {string} */ action, /** @type {string} */ done) => {
    const r = await api.post(`/staff/waiting-list/${encodeURIComponent(entry.id)}/${action}`);
    if (!r.ok) {
      failed(r);
      return;
    }
    await refresh();
    say(done).focus();
  };
  official.addEventListener('change', () => {
    fill(agenda, ...agendaOptions().map(([value, label]) => el('option', { value, text: label })));
    refresh();
  });
  agenda.addEventListener('change', refresh);
  /** @type {HTMLElement[]} */
  const parts = [el('p', { class: 'cd-intro', text: texts.waitingListIntro }),
    el('div', { class: 'cd-grid' }, field(texts.chooseOfficial, official), field(texts.agenda, agenda)), list];
  if (operator) {
    const name = input('name', '', { maxlength: '200', autocomplete: 'off' });
    const phone = input('phone', '', { type: 'tel' });
    const email = input('email', '', { type: 'email' });
    const topic = input('topic', '', { maxlength: '500' });
    const firstDay = input('firstDay', c.today(), { type: 'date' });
    const lastDay = input('lastDay', addDays(c.today(), 14), { type: 'date' });
    parts.push(section(texts.addCaller, form([
      el('div', { class: 'cd-grid' }, field(texts.callerName, name), field(texts.callerPhone, phone), field(texts.callerEmail, email, texts.callerEmailHint)),
      field(texts.topic, topic),
      el('div', { class: 'cd-grid' }, field(texts.from, firstDay), field(texts.to, lastDay)),
      el('div', { class: 'cd-actions' }, submit(texts.addCaller)),
    ], async (f) => {
      const result = await api.post('/staff/waiting-list', {
        official: official.value, agenda: agenda.value || null, firstDay: firstDay.value || null, lastDay: lastDay.value || null,
        name: name.value.trim(), phone: phone.value.trim() || null, email: email.value.trim() || null,
        topic: topic.value.trim(), language: state.lang,
      });
      if (!result.ok) {
        failedForm(result, f, (n) => n);
        return;
      }
      await refresh();
      say(texts.callerAdded).focus();
    })));
  }
  fill(content, ...parts);
  await refresh();
}
