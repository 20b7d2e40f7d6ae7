/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The office's closure days (31 December, an election day): the whole office or one department is
 * closed that day. Closing a day over booked time displaces those meetings like an absence: their
 * citizens are e-mailed and they go on the worklist. Administrators only.
 */
import { el, fill } from '../../kit/kit.js';
import { alert, api, clearFieldErrors, clock, content, failedForm, field, form, input, local, pageData, refuse, route, say, select, shortDate, state, submit, t, table } from '../shell.js';

/** How far ahead the list reaches: a year and a little, within the API's limit. */
const AHEAD_DAYS = 400;

export async function closureDays() {
  const texts = t();
  const office = state.office;
  if (!office) return;
  const today = clock().today();
  const until = new Date(`${today}T12:00:00Z`);
  until.setUTCDate(until.getUTCDate() + AHEAD_DAYS);
  const path = `/staff/offices/${encodeURIComponent(office.id)}/closure-days`;
  const data = await pageData(`${path}?from=${today}&to=${until.toISOString().slice(0, 10)}`);
  if (!data) return;
  const departmentName = (id) => {
    const department = state.departments.find((d) => d.id === id);
    return department ? local(department.name) : id;
  };
  const date = input('date', '', { type: 'date', min: today, required: true });
  const department = select('department', [['', texts.closureWholeOffice],
    ...state.departments.map((d) => [d.id, local(d.name)])], '');
  const reason = input('reason', '', { maxlength: '500' });
  const close = form([
    field(texts.closureDate, date),
    field(texts.closureDepartment, department),
    field(texts.closureReason, reason, texts.closureReasonHint),
    el('div', { class: 'cd-actions' }, submit(texts.closeDay)),
  ], async (f) => {
    clearFieldErrors(f);
    if (!date.value) {
      refuse(date, texts.required);
      return;
    }
    fill(alert);
    const result = await api.post(path, {
      date: date.value,
      department: department.value || null,
      reason: reason.value.trim() || null,
    });
    if (!result.ok) {
      failedForm(result, f);
      return;
    }
    await route();
    say(texts.dayClosed({ date: shortDate(result.data.closureDay.date), n: result.data.displaced.length })).focus();
  });
  const list = data.closureDays;
  fill(content,
    el('p', { class: 'cd-intro', text: texts.closureDaysIntro }),
    close,
    list.length
      ? table(texts.closureDaysCaption({ n: list.length }), [texts.closureDate, texts.closureDepartment, texts.closureReason, texts.actions],
        list.map((d) => el('tr', { 'data-closure-day': d.id },
          el('th', { scope: 'row' }, el('time', { datetime: d.date, text: shortDate(d.date) })),
          el('td', { text: d.department ? departmentName(d.department) : texts.closureWholeOffice }),
          el('td', { text: d.reason || texts.none }),
          el('td', {}, el('button', {
            type: 'button', class: 'cd-button cd-secondary', text: texts.reopenDay,
            'aria-label': texts.reopenDayOf({ date: shortDate(d.date) }),
            on: {
              click: async () => {
                fill(alert);
                const result = await api.delete(`/staff/closure-days/${encodeURIComponent(d.id)}`);
                if (!result.ok) {
                  failedForm(result, content);
                  return;
                }
                await route();
                say(texts.dayReopened({ date: shortDate(d.date) })).focus();
              },
            },
          })))))
      : el('p', { class: 'cd-note', text: texts.noClosureDays }));
}
