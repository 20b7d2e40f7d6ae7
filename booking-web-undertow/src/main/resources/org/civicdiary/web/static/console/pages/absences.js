/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Absences of officials.
 */
import { el, fill, addDays } from '../../kit/kit.js';
import { api, button, clock, content, failed, failedForm, field, form, input, needsFirst, officialOptions, plannableOfficials, say, section, select, submit, t } from '../shell.js';

// ---------------------------------------------------------------- absences

export async function absences() {
  if (needsFirst('office', 'departments', 'officials')) return;
  const texts = t();
  const c = clock();
  const officials = plannableOfficials();
  const official = select('official', officialOptions(officials), officials[0] && officials[0].id);
  const startDay = input('startDate', c.today(), { type: 'date' });
  const startTime = input('startTime', '00:00', { type: 'time' });
  const endDay = input('endDate', addDays(c.today(), 1), { type: 'date' });
  const endTime = input('endTime', '00:00', { type: 'time' });
  const kind = select('kind', Object.entries(texts.kinds), 'ILLNESS');
  const reason = input('reason', '', { maxlength: '200' });
  const list = el('div', {});
  const refresh = async () => {
    const result = await api.get(`/staff/officials/${encodeURIComponent(official.value)}/absences`,
      { fromDate: c.today(), toDate: addDays(c.today(), 90) });
    if (!result.ok) {
      failed(result);
      return;
    }
    const items = result.data.absences;
    fill(list, section(texts.upcoming, items.length ? el('ul', { class: 'cd-plain-list' }, items.map((a) => el('li', {},
      `${c.range(a.start, a.end)} · ${texts.kinds[a.kind]}${a.reason ? ` · ${a.reason}` : ''} `,
      button(texts.remove, () => offerRemoval(a))))) : el('p', { text: texts.noAbsences })));
  };
  const remove = async (a, restore) => {
    const r = await api.delete(`/staff/absences/${encodeURIComponent(a.id)}${restore ? '?restore=true' : ''}`);
    if (!r.ok) {
      failed(r);
      return;
    }
    await refresh();
    say(restore ? texts.removedRestored({ restored: r.data.restored.length, kept: r.data.stillDisplaced.length })
      : texts.removed).focus();
  };
  // An absence entered by mistake: offer to put back what it displaced (where the time is still free).
  const offerRemoval = async (a) => {
    const waiting = await api.get(`/staff/absences/${encodeURIComponent(a.id)}/displaced`);
    if (!waiting.ok) {
      failed(waiting);
      return;
    }
    const n = waiting.data.reservations.length;
    if (!n) {
      await remove(a, false);
      return;
    }
    const offer = el('div', { class: 'cd-confirm', id: 'absence-remove-offer', role: 'group', 'aria-labelledby': 'absence-remove-text' },
      el('p', { id: 'absence-remove-text', tabindex: '-1', text: texts.removeOffer({ n }) }),
      el('div', { class: 'cd-actions' },
        button(texts.removeAndRestore, () => remove(a, true), 'cd-primary'),
        button(texts.removeOnly, () => remove(a, false)),
        button(texts.keepAbsence, () => { offer.remove(); })));
    list.prepend(offer);
    /** @type {HTMLElement} */ (offer.firstChild).focus();
  };
  official.addEventListener('change', refresh);
  fill(content, el('p', { class: 'cd-intro', text: texts.absencesIntro }), form([
    field(texts.chooseOfficial, official),
    el('fieldset', { class: 'cd-fieldset cd-grid' }, el('legend', { text: texts.start }), field(texts.date, startDay), field(texts.time, startTime)),
    el('fieldset', { class: 'cd-fieldset cd-grid' }, el('legend', { text: texts.end }), field(texts.date, endDay), field(texts.time, endTime)),
    el('div', { class: 'cd-grid' }, field(texts.kind, kind), field(texts.reason, reason)),
    el('div', { class: 'cd-actions' }, submit(texts.record)),
  ], async (f) => {
    // the date and wall-clock time as typed: the server reads them in the office's zone (and says
    // what it does with a time the clocks skip or show twice)
    const result = await api.post(`/staff/officials/${encodeURIComponent(official.value)}/absences`, {
      startDate: startDay.value || null, startTime: startTime.value || null,
      endDate: endDay.value || null, endTime: endTime.value || null,
      kind: kind.value, reason: reason.value.trim() || null,
    });
    if (!result.ok) {
      failedForm(result, f, (name) => ({ start: 'startDate', end: 'endDate' }[name] || name));
      return;
    }
    await refresh();
    say(texts.recorded({ n: result.data.displaced.length })).focus();
  }), list);
  await refresh();
}
