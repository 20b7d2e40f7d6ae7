/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The audit log.
 */
import { el, fill } from '../../kit/kit.js';
import { alert, api, clearFieldErrors, content, failedForm, field, form, input, select, stamp, submit, t, table } from '../shell.js';

// ---------------------------------------------------------------- audit log

export async function audit() {
  const texts = t();
  const limit = select('limit', ['50', '100', '500', '1000'].map((n) => [n, n]), '100');
  const filter = input('filter', '', { type: 'search' });
  const box = el('div', {});
  let entries = [];
  const render = () => {
    const words = filter.value.trim().toLowerCase();
    const shown = entries.filter((e) => !words || [e.actor, e.action, texts.auditActions[e.action], e.subject]
      .some((v) => String(v || '').toLowerCase().includes(words)));
    fill(box, shown.length
      ? table(texts.auditCaption({ shown: shown.length, total: entries.length }), [texts.when, texts.who, texts.what, texts.subject, texts.change],
        shown.map(auditRow), { region: true })
      : el('p', { class: 'cd-note', text: texts.auditEmpty }));
  };
  const load = async (f) => {
    clearFieldErrors(f);
    fill(alert);
    const result = await api.get('/staff/audit', { limit: limit.value });
    if (!result.ok) {
      fill(box);
      failedForm(result, f);
      return;
    }
    entries = result.data.entries;
    render();
  };
  filter.addEventListener('input', render);
  const formNode = form([
    el('div', { class: 'cd-grid' }, field(texts.limit, limit), field(texts.filter, filter)),
    el('div', { class: 'cd-actions' }, submit(texts.show)),
  ], load, { class: 'cd-form cd-no-print' });
  fill(content, el('p', { class: 'cd-intro', text: texts.auditIntro }), formNode, box);
  await load(formNode);
}

export function auditRow(e) {
  const texts = t();
  const changed = e.before && e.after ? differences(e.before, e.after) : [];
  const change = [[texts.before, e.before], [texts.after, e.after]]
    .filter(([, text]) => text !== null && text !== undefined)
    .map(([label, text]) => el('details', { class: 'cd-change' }, el('summary', { text: label }), el('pre', { text: readable(text) })));
  if (changed.length) /** @type {HTMLElement[]} */ (change).unshift(el('p', { class: 'cd-change-summary', text: changed.join('; ') }));
  return el('tr', { 'data-action': e.action, 'data-subject': e.subject },
    el('td', {}, el('time', { datetime: e.at, text: stamp(e.at) })),
    el('td', { text: e.actor }),
    el('td', { text: texts.auditActions[e.action] || e.action }),
    el('td', { text: e.subject }),
    el('td', {}, change.length ? change : texts.none));
}

/**
 * The values that differ between two texts of one record, in order ("horizonDays: 60 → 61"); none
 * when the two are not shaped alike (a list grew, say): the full texts are there to read then.
 */
export function differences(before, after) {
  // key=value where the value holds no bracket and runs to the next ", key=" or a closing bracket
  const leaves = (text) => Array.from(String(text).matchAll(/(\w+)=([^[\]]*?)(?=, \w+=|\]|$)/g), (m) => [m[1], m[2]]);
  const a = leaves(before);
  const b = leaves(after);
  if (a.length !== b.length || a.some(([key], i) => key !== b[i][0])) return [];
  return a.flatMap(([key, value], i) => (value === b[i][1] ? [] : [`${key}: ${value} → ${b[i][1]}`]));
}

/**
 * A record as the audit log keeps it, easier to read: JSON pretty-printed; a record's text
 * ("Office[id=…, name=…]") one field a line. Only ever set as text.
 */
export function readable(text) {
  const s = String(text).trim();
  if (/^[[{]/.test(s)) {
    try {
      return JSON.stringify(JSON.parse(s), null, 2);
    } catch (e) {
      // not JSON: a record's text
    }
  }
  let depth = 0;
  let out = '';
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (ch === '[') depth += 1;
    if (ch === ']') depth -= 1;
    if (ch === ',' && depth === 1 && /^ [A-Za-z]+=/.test(s.slice(i + 1, i + 40))) {
      out += ',\n  ';
      i += 1;
    } else {
      out += ch;
    }
  }
  return out;
}
