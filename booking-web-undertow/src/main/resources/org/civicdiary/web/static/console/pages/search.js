/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Searching reservations; came, did not come, cancel.
 */
import { el, fill, addDays } from '../../kit/kit.js';
import { agendaOf, alert, api, button, clock, content, failed, field, form, input, local, officialName, officialOptions, plannableOfficials, say, select, state, submit, t, table } from '../shell.js';

// ---------------------------------------------------------------- search

export async function search() {
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
      [texts.when, texts.code, texts.caller, texts.contact, texts.official, texts.agenda, texts.statusLabel, texts.channelLabel, texts.actions],
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

export function searchRow(r, again) {
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
    el('td', { class: 'cd-code', text: r.code }),
    el('td', { text: r.citizen.name }),
    el('td', { text: [r.citizen.phone, r.citizen.email].filter(Boolean).join(', ') || texts.none }),
    el('td', { text: officialName(r.official) }),
    el('td', { text: local(agenda && agenda.name) }),
    el('td', { text: texts.status[r.status] || r.status }),
    el('td', { text: texts.channel[r.channel] || r.channel }),
    actions);
}
