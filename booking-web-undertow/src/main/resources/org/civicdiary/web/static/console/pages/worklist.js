/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Worklist: displaced reservations to move or cancel, undelivered messages, reservations that busy
 * time from the official's own calendar came to cover.
 */
import { el, fill, uid, explain, takenKey, details } from '../../kit/kit.js';
import { agendaOf, alert, api, button, clock, content, departmentOf, failed, field, kt, local, officialName, pageData, quiet, route, say, section, state, t, timePicker } from '../shell.js';

// ---------------------------------------------------------------- worklist

export async function worklist() {
  const texts = t();
  const data = await pageData('/staff/worklist');
  if (!data) return;
  const { displaced, undelivered } = data;
  const conflicts = data.conflicts || [];
  /** @type {HTMLElement[]} */
  const parts = [el('p', { class: 'cd-intro', text: texts.worklistIntro }),
    el('div', { class: 'cd-actions' }, button(texts.refresh, () => { quiet(); route(); }))];
  if (!displaced.length && !conflicts.length) parts.push(el('p', { class: 'cd-note', text: texts.worklistEmpty }));
  for (const item of displaced) parts.push(worklistItem(item));
  if (conflicts.length) {
    const c = clock();
    parts.push(section(texts.conflictsTitle, el('p', { class: 'cd-hint', text: texts.conflictsHint }),
      el('ul', { class: 'cd-plain-list' }, conflicts.map((k) => el('li', {},
        el('p', { text: texts.conflictLine({ when: c.span(k.start, k.end), who: officialName(k.official), code: k.code, busy: c.span(k.busyStart, k.busyEnd) }) }),
        button(texts.conflictKeep, async () => {
          const r = await api.post(`/staff/busy-conflicts/${encodeURIComponent(k.reservation)}/dismiss`);
          if (r.ok) {
            await route();
            say(texts.conflictKept({ code: k.code })).focus();
          } else {
            failed(r);
          }
        }))))));
  }
  if (undelivered.length) {
    parts.push(section(texts.undelivered, el('ul', { class: 'cd-plain-list' }, undelivered.map((m) => el('li', {},
      el('p', { text: `${clock().at(m.start)} · ${officialName(m.official)} · ${m.kind} · ${texts.attempts({ n: m.attempts })}` }),
      m.lastError ? el('p', { class: 'cd-muted', text: m.lastError }) : null,
      button(texts.retry, async () => {
        const r = await api.post(`/staff/messages/${encodeURIComponent(m.id)}/retry`);
        if (r.ok) {
          await route();
          say(texts.retried).focus();
        } else {
          failed(r);
        }
      }))))));
  }
  fill(content, ...parts);
}

/**
 * The operators' own notes and contact attempts on the item, apart from the note the citizen
 * receives; written as text, never as markup.
 */
function workNotes(item, r, who) {
  const texts = t();
  const c = clock();
  const entry = el('textarea', { name: 'workNote', rows: '2', maxlength: '1000' });
  const add = (kind) => async () => {
    if (!entry.value.trim()) {
      fill(alert, el('p', { text: texts.workNoteNeeded }));
      entry.focus();
      return;
    }
    const result = await api.post(`/staff/reservations/${encodeURIComponent(r.id)}/work-notes`, { kind, body: entry.value.trim() });
    if (!result.ok) {
      failed(result);
      return;
    }
    await route();
    say(texts.workNoteAdded({ name: who })).focus();
  };
  const notes = item.notes || [];
  return el('div', { class: 'cd-work-notes' },
    el('h3', { class: 'cd-subtitle', text: texts.workNotes }),
    el('p', { class: 'cd-hint', text: texts.workNotesHint }),
    notes.length
      ? el('ul', { class: 'cd-plain-list' }, notes.map((n) => el('li', {},
        el('p', { class: 'cd-muted', text: `${c.at(n.at)} · ${n.author} · ${texts.workNoteKinds[n.kind] || n.kind}` }),
        el('p', { class: 'cd-work-note', text: n.body }))))
      : el('p', { class: 'cd-note', text: texts.workNotesNone }),
    field(texts.workNoteEntry, entry),
    el('div', { class: 'cd-actions' },
      button(texts.recordAttempt, add('CONTACT_ATTEMPT')),
      button(texts.addWorkNote, add('NOTE'))));
}

export function worklistItem(item) {
  const texts = t();
  const r = item.reservation;
  const c = clock();
  const noteBox = el('textarea', { name: 'note', rows: '2', maxlength: '1000' });
  const headingId = uid('cd-item');
  const who = r.citizen.name;
  const card = el('article', { class: 'cd-card cd-worklist-item', 'aria-labelledby': headingId });
  const move = async (official, start, end) => {
    const result = await api.post(`/staff/reservations/${encodeURIComponent(r.id)}/move`,
      { official, start, note: noteBox.value.trim() || null });
    if (!result.ok) {
      if (explain(kt(), result).kind === 'slot') state.taken.add(takenKey({ official, start }));
      failed(result);
      return;
    }
    await route();
    say(texts.moved({ name: who, when: `${c.span(start, end)}, ${officialName(official)}` })).focus();
  };
  const proposals = item.proposals.length
    ? el('ul', { class: 'cd-proposals' }, item.proposals.map((p) => el('li', { class: 'cd-proposal' },
      button(texts.moveTo({ when: `${c.span(p.start, p.end)}, ${officialName(p.official)}` }), () => move(p.official, p.start, p.end), 'cd-primary'))))
    : el('p', { class: 'cd-note', text: texts.noProposals });
  const pickerBox = el('div', { class: 'cd-picker-box' });
  const agenda = agendaOf(r.agenda);
  const department = departmentOf(r.department);
  card.append(
    el('h2', { id: headingId, text: who }),
    // "Please call me" from the manage page: the citizen waits for the operator's call.
    ...(item.callRequested ? [el('p', { class: 'cd-callback', text: texts.callRequested({ when: c.at(item.callRequested) }) })] : []),
    details([
      [texts.phone, r.citizen.phone ? el('a', { href: `tel:${r.citizen.phone.replace(/\s+/g, '')}`, text: r.citizen.phone }) : texts.none],
      [texts.email, r.citizen.email ? el('a', { href: `mailto:${r.citizen.email}`, text: r.citizen.email }) : texts.none],
      [texts.code, r.code],
      [texts.originally, c.span(r.start, r.end)],
      [texts.official, officialName(r.official)],
      [texts.department, local(department && department.name)],
      [texts.agenda, local(agenda && agenda.name)],
      [texts.topic, r.topic],
    ]),
    workNotes(item, r, who),
    field(texts.note, noteBox, texts.noteHint),
    el('h3', { class: 'cd-subtitle', text: texts.proposals }),
    proposals,
    el('div', { class: 'cd-actions' },
      button(texts.otherTime, () => {
        fill(pickerBox, timePicker(r.department, r.agenda, null, (slot) => move(slot.official, slot.start, slot.end)).element);
      }),
      button(texts.cancelWithNote, async () => {
        if (!noteBox.value.trim()) {
          fill(alert, el('p', { text: texts.noteNeeded }));
          noteBox.focus();
          return;
        }
        const result = await api.post(`/staff/reservations/${encodeURIComponent(r.id)}/cancel`, { note: noteBox.value.trim() });
        if (!result.ok) {
          failed(result);
          return;
        }
        await route();
        say(texts.cancelled({ name: who })).focus();
      })),
    pickerBox);
  return card;
}
