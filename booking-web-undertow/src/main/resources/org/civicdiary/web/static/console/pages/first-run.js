/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Getting started: the first-run checklist.
 */
import { el, fill } from '../../kit/kit.js';
import { HAVE, chrome, clock, content, failed, firstFreeTime, loadDirectory, section, someWindows, t } from '../shell.js';

export async function firstRun() {
  const texts = t();
  const loaded = await loadDirectory();
  if (!loaded.ok) {
    fill(content);
    failed(loaded);
    return;
  }
  chrome();
  const slot = HAVE.agendas() && HAVE.office() ? await firstFreeTime() : null;
  const windows = Boolean(slot) || (HAVE.officials() && await someWindows());
  /** @type {Array<[string, boolean, string]>} */
  const steps = [
    ['office', HAVE.office(), 'office'],
    ['departments', HAVE.departments(), 'departments'],
    ['officials', HAVE.officials(), 'officials'],
    ['agendas', HAVE.agendas(), 'agendas'],
    ['windows', windows, 'diaries'],
    ['slot', Boolean(slot), 'book'],
  ];
  const list = el('ol', { class: 'cd-checklist' }, steps.map(([key, done, page]) => el('li', {
    class: done ? 'cd-task cd-done' : 'cd-task', 'data-step': key,
  },
  el('span', { class: 'cd-task-mark', 'aria-hidden': 'true', text: done ? '✓' : '' }),
  el('a', { href: `#${page}`, text: texts.steps[key] }),
  el('span', { class: 'cd-task-state', text: ` (${done ? texts.stepDone : texts.stepOpen})` }))));
  const outcome = slot ? texts.firstSlot({ when: clock().at(slot.start) }) : texts.noSlotYet;
  fill(content,
    el('p', { class: 'cd-intro', text: texts.firstRunIntro }),
    section(texts.pages.start, list, HAVE.agendas() ? el('p', { class: 'cd-note', text: outcome }) : null,
      slot ? el('p', { class: 'cd-success', text: texts.allDone }) : null),
    el('p', {}, `${texts.importInstead} `, el('a', { href: '#directory', text: texts.pages.directory })));
}
