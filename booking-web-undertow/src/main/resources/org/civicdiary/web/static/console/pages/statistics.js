/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Weekly statistics, printable.
 */
import { el, fill, addDays } from '../../kit/kit.js';
import { alert, api, button, checkbox, clearFieldErrors, clock, content, departmentOf, failedForm, field, form, input, keepAddress, local, mondayOf, select, shortDate, state, submit, t, table } from '../shell.js';

// ---------------------------------------------------------------- statistics (printable)

export const FIGURES = ['bookings', 'web', 'phone', 'active', 'displaced', 'cancelled', 'completed', 'noShows',
  'phoneShare', 'phoneShareUsed', 'phoneShareReleasedOnline'];

export async function statistics() {
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
    fill(figures, statisticsTable(result.data, department.value, !all), receptionTables(result.data, !all));
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

/** Waiting at the reception by department and week, and no-shows by channel. */
function receptionTables(s, busyOnly) {
  const texts = t();
  const range = { from: shortDate(s.from), to: shortDate(s.to) };
  const weeks = (s.waiting || []).filter((w) => !busyOnly || w.visits > 0);
  const minutes = (seconds) => (seconds === null ? '–' : texts.minutes({ m: (seconds / 60).toLocaleString(state.lang, { maximumFractionDigits: 1 }) }));
  return [
    weeks.length ? table(texts.waitingCaption(range), [texts.department, texts.week, texts.visits, texts.medianWait, texts.p90Wait],
      weeks.map((w) => el('tr', { 'data-waiting': `${w.department} ${w.week}` },
        el('th', { scope: 'row', text: local((departmentOf(w.department) || {}).name) || w.department }),
        el('th', { scope: 'row', text: w.week }),
        el('td', { class: 'cd-number', text: String(w.visits) }),
        el('td', { class: 'cd-number', 'data-figure': 'median', text: minutes(w.medianSeconds) }),
        el('td', { class: 'cd-number', 'data-figure': 'p90', text: minutes(w.p90Seconds) }))), { region: true })
      : el('p', { class: 'cd-note', text: texts.noVisits }),
    table(texts.noShowCaption(range), [texts.channelLabel, texts.statCompleted, texts.statNoShows, texts.noShowRate],
      (s.noShows || []).map((n) => el('tr', { 'data-channel': n.channel },
        el('th', { scope: 'row', text: texts.channel[n.channel] || n.channel }),
        el('td', { class: 'cd-number', text: String(n.completed) }),
        el('td', { class: 'cd-number', text: String(n.noShows) }),
        el('td', { class: 'cd-number', 'data-figure': 'rate', text: n.rate.toLocaleString(state.lang, { style: 'percent', maximumFractionDigits: 1 }) }))),
      { region: true }),
  ];
}

export function statisticsTable(s, only, busyOnly) {
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
        texts.statCancelled, texts.statCompleted, texts.statNoShows, texts.statPhoneShare, texts.statPhoneShareUsed,
        texts.statPhoneShareReleasedOnline],
      weeks.map((w) => el('tr', { 'data-department': w.department, 'data-week': w.week },
        el('th', { scope: 'row', text: departmentName(w.department) }),
        el('th', { scope: 'row', text: texts.weekOf({ iso: w.week, day: shortDate(w.weekStart) }) }),
        cells(w))),
      { region: true, foot: el('tr', { 'data-total': '' }, el('th', { scope: 'row', colspan: '2', text: texts.total }), cells(total)) })
      : el('p', { class: 'cd-note', text: `${caption}: ${texts.noBookings}` }),
  ];
}
