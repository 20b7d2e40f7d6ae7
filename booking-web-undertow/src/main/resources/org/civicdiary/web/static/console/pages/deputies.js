/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * An official's deputies, for administrators: per agenda the official handles, an ordered list of
 * colleagues who handle it too, with add, remove and move up or down; each list is saved on its own.
 */
import { el, fill } from '../../kit/kit.js';
import { api, button, failed, field, form, local, say, select, submit, t } from '../shell.js';

/** A disclosure under the official's form; the lists load when it is first opened. */
export function deputiesEditor(o, d) {
  const agendas = d.agendas.filter((a) => a.officials.includes(o.id));
  if (!agendas.length) return null;
  const texts = t();
  const box = el('div', {});
  const details = el('details', { class: 'cd-deputies' }, el('summary', { text: texts.deputiesOf({ name: o.name }) }),
    el('p', { class: 'cd-hint', text: texts.deputiesIntro }), box);
  details.addEventListener('toggle', async () => {
    if (!details.open || box.childElementCount) return;
    const result = await api.get(`/staff/officials/${encodeURIComponent(o.id)}/deputies`);
    if (!result.ok) {
      failed(result);
      return;
    }
    const lists = new Map(result.data.agendas.map((a) => [a.agenda, a.deputies]));
    fill(box, agendas.map((a) => agendaDeputies(o, d, a, (lists.get(a.id) || []).slice())));
  });
  return details;
}

/** One agenda's list; deputies is edited in place and sent whole. */
function agendaDeputies(o, d, a, deputies) {
  const texts = t();
  const name = (id) => (d.officials.find((x) => x.id === id) || { name: id }).name;
  const list = el('ol', { class: 'cd-deputy-list' });
  const adding = el('div', { class: 'cd-actions' });
  // After a move the pressed button is gone: the focus goes to the moved name's row.
  const render = (focusRow) => {
    fill(list, deputies.length ? deputies.map((id, i) => el('li', {}, el('span', { text: name(id) }), ' ',
      i > 0 ? button(texts.moveUp({ name: name(id) }), () => move(i, i - 1)) : null,
      i < deputies.length - 1 ? button(texts.moveDown({ name: name(id) }), () => move(i, i + 1)) : null,
      button(texts.removeDeputy({ name: name(id) }), () => { deputies.splice(i, 1); render(Math.min(i, deputies.length - 1)); })))
      : el('li', { text: texts.noDeputies }));
    const candidates = d.officials.filter((x) => x.id !== o.id && x.active && a.officials.includes(x.id) && !deputies.includes(x.id));
    const choice = select(`deputy-${a.id}`, candidates.map((x) => [x.id, x.name]), candidates.length ? candidates[0].id : null);
    fill(adding, candidates.length ? [field(texts.deputy, choice),
      button(texts.addDeputy, () => { deputies.push(choice.value); render(null); })] : null);
    const row = focusRow === null || focusRow < 0 ? null : list.children[focusRow];
    const target = row && row.querySelector('button');
    if (target) /** @type {HTMLElement} */ (target).focus();
  };
  const move = (from, to) => {
    deputies.splice(to, 0, deputies.splice(from, 1)[0]);
    render(to);
  };
  render(null);
  return form([el('h3', { class: 'cd-subtitle', text: local(a.name) }), list, adding,
    el('div', { class: 'cd-actions' }, submit(texts.saveDeputies))], async () => {
    const result = await api.put(`/staff/officials/${encodeURIComponent(o.id)}/deputies/${encodeURIComponent(a.id)}`, { deputies });
    if (!result.ok) {
      failed(result);
      return;
    }
    say(texts.saved).focus();
  }, { class: 'cd-form cd-subform' });
}
