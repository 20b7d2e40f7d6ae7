/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The reception: today's booked citizens by time and department, checked in by the booking code
 * from their e-mail, or found by name and checked in with the row's button.
 */
import { el, fill } from '../../kit/kit.js';
import { alert, api, base, clearFieldErrors, clock, content, failed, failedForm, field, form, input, local, pageData, say, submit, t, table } from '../shell.js';

export async function reception() {
  const texts = t();
  const data = await pageData('/staff/reception/today');
  if (!data) return;
  const c = clock();
  const code = input('code', '', { autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '20', class: 'cd-code' });
  const filter = input('filter', '', { type: 'search', autocomplete: 'off' });
  const list = el('div', { id: 'reception-list' });
  const arrival = (/** @type {any} */ v) => {
    if (v.endedAt) return texts.receptionDone({ time: c.time(v.endedAt) });
    if (v.startedAt) return texts.receptionIn({ time: c.time(v.startedAt) });
    if (v.arrivedAt) return texts.receptionWaitingSince({ time: c.time(v.arrivedAt) });
    return texts.receptionNotYet;
  };
  const checkedIn = async (/** @type {any} */ result, /** @type {HTMLFormElement | null} */ formNode) => {
    if (!result.ok) {
      if (formNode) failedForm(result, formNode);
      else failed(result);
      return;
    }
    const v = result.data;
    await reception();
    say(texts.receptionCheckedIn({ name: v.citizen, code: v.code, time: c.time(v.arrivedAt) })).focus();
  };
  const draw = () => {
    const words = filter.value.trim().toLocaleLowerCase();
    const shown = data.visits.filter((/** @type {any} */ v) => !words || v.citizen.toLocaleLowerCase().includes(words)
      || v.code.toLowerCase().includes(words.replace(/[\s-]/g, '')));
    fill(list, shown.length
      ? table(texts.receptionCaption({ day: c.dayFull(c.today()) }),
        [texts.time, texts.code, texts.caller, texts.department, texts.official, texts.receptionArrived, texts.actions],
        shown.map((/** @type {any} */ v) => el('tr', { 'data-reservation': v.reservation },
          el('td', { text: `${c.time(v.start)}–${c.time(v.end)}` }),
          el('td', { class: 'cd-code', text: v.code }),
          el('td', { text: v.citizen }),
          el('td', { text: local(v.departmentName) }),
          el('td', { text: v.room ? `${v.officialName}, ${v.room}` : v.officialName }),
          el('td', { text: arrival(v) }),
          el('td', {}, !v.arrivedAt && v.status === 'ACTIVE'
            ? el('button', {
              type: 'button', class: 'cd-button cd-secondary', text: texts.receptionCheckIn,
              'aria-label': texts.receptionCheckInOf({ name: v.citizen, time: c.time(v.start) }),
              on: { click: async () => checkedIn(await api.post('/staff/reception/check-in', { reservation: v.reservation }), null) },
            })
            : null))),
        { region: true })
      : el('p', { class: 'cd-note', text: texts.receptionNobody }));
  };
  filter.addEventListener('input', draw);
  fill(content,
    el('p', { class: 'cd-intro', text: texts.receptionIntro }),
    form([
      field(texts.receptionCode, code, texts.receptionCodeHint),
      el('div', { class: 'cd-actions' }, submit(texts.receptionCheckIn)),
    ], async (/** @type {HTMLFormElement} */ formNode) => {
      clearFieldErrors(formNode);
      fill(alert);
      checkedIn(await api.post('/staff/reception/check-in', { code: code.value }), formNode);
    }, { 'data-form': 'check-in' }),
    field(texts.receptionFilter, filter),
    list,
    data.office ? el('p', {}, el('a', { href: `${base}/now-serving/${encodeURIComponent(data.office)}`, text: texts.receptionScreen })) : null);
  draw();
}
