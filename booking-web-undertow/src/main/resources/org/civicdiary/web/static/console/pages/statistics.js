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
    fill(figures, statisticsTable(result.data, department.value, !all));
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
