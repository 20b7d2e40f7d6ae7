/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The waiting list's form, loaded by the widget only when a citizen asks to watch for a free time
 * (so the widget stays small): name, e-mail and the days; the answer says to confirm by e-mail.
 */
import { el, uid, explain } from '../kit/kit.js';

/**
 * @param {{t: any, lang: string, firstDay: string, lastDay: string, official: string|null,
 *   agenda: string, topic: string, citizen: {name: string, email: string}, level: number,
 *   post: (path: string, body: any, button: HTMLButtonElement) => Promise<any>}} o the widget's state, and
 *   its way to post with a solved proof of work
 * @returns {HTMLFormElement}
 */
export function watchForm(o) {
  const t = o.t;
  const status = el('div', { class: 'cd-status', role: 'status', 'aria-live': 'polite' });
  const field = (/** @type {string} */ name, /** @type {string} */ label, /** @type {string} */ type,
    /** @type {string} */ value, /** @type {any} */ extra) => {
    const id = uid(`cd-watch-${name}`);
    const input = el('input', { id, name, type, required: true, ...extra });
    input.value = value || '';
    return el('div', { class: 'cd-field' }, el('label', { for: id, text: label }), input);
  };
  const form = /** @type {HTMLFormElement} */ (el('form', { class: 'cd-watch', novalidate: true },
    el(`h${o.level}`, { text: t.watch }),
    el('p', { class: 'cd-hint', text: t.watchIntro }),
    field('name', t.name, 'text', o.citizen.name, { autocomplete: 'name' }),
    field('email', t.email, 'email', o.citizen.email, { autocomplete: 'email', spellcheck: 'false' }),
    field('firstDay', t.watchFrom, 'date', o.firstDay, { min: o.firstDay, max: o.lastDay }),
    field('lastDay', t.watchTo, 'date', o.lastDay, { min: o.firstDay, max: o.lastDay }),
    el('div', { class: 'cd-actions' }, el('button', { type: 'submit', class: 'cd-button cd-primary', part: 'button', text: t.watchSend })),
    status));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = /** @type {any} */ (form.elements);
    const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
    button.disabled = true;
    const result = await o.post('/waiting-list', {
      official: o.official, agenda: o.agenda, firstDay: f.firstDay.value, lastDay: f.lastDay.value,
      name: f.name.value.trim(), email: f.email.value.trim(), topic: o.topic || t.watch, language: o.lang,
    }, button);
    button.disabled = false;
    const message = result.ok ? t.watchDone : explain(t, result).message;
    status.replaceChildren(el('p', { class: result.ok ? 'cd-success' : 'cd-field-error', text: message }));
    if (result.ok) button.remove();
  });
  return form;
}
