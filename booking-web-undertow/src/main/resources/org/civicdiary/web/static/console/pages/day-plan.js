/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * An official's printable day plan.
 */
import { el, fill, Clock } from '../../kit/kit.js';
import { agendaOf, api, button, clock, content, failed, field, form, input, keepAddress, local, needsFirst, officialOf, officialOptions, plannableOfficials, select, submit, t, table } from '../shell.js';

// ---------------------------------------------------------------- day plan (printable)

export async function dayPlan() {
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
        ? table(texts.reservationsTitle, [texts.time, texts.code, texts.caller, texts.contact, texts.agenda, texts.topic, texts.statusLabel],
          p.reservations.map((r) => el('tr', {},
            el('td', { text: `${c.time(r.start)}–${c.time(r.end)}` }),
            el('td', { class: 'cd-code', text: r.code }),
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
