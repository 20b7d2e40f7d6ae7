/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Booking for a caller (the phone channel).
 */
import { el, fill, explain, takenKey, randomKey, uid } from '../../kit/kit.js';
import { agendaOf, alert, api, checkbox, clock, content, departmentOf, failed, field, form, input, kt, local, needsFirst, officialName, route, say, select, state, submit, t, timePicker } from '../shell.js';

// ---------------------------------------------------------------- booking for a caller

export async function book() {
  if (needsFirst('office', 'departments', 'officials', 'agendas')) return;
  const texts = t();
  const chosen = { slot: null };
  const departmentSelect = select('department', state.departments.map((d) => [d.id, local(d.name)]), state.departments[0] && state.departments[0].id);
  const agendaSelect = select('agenda', [], null);
  const officialSelect = select('official', [], null);
  const pickerBox = el('div', { class: 'cd-picker-box' });
  const chosenText = el('p', { class: 'cd-chosen', 'aria-live': 'polite' });
  const topic = el('textarea', { name: 'topic', rows: '2', maxlength: String(state.office ? state.office.policy.topicMaxLength : 500) });
  const name = input('name', '', { autocomplete: 'off' });
  const phone = input('phone', '', { type: 'tel', autocomplete: 'off' });
  const email = input('email', '', { type: 'email', autocomplete: 'off' });
  const language = select('language', [['cs', texts.languages.cs], ['en', texts.languages.en]], 'cs');
  // Marked on purpose only: such a caller cannot be told of a change or an illness.
  const noContact = checkbox('withoutContact', texts.withoutContact, false);
  const noContactBox = /** @type {HTMLInputElement} */ (noContact.querySelector('input'));
  const noContactHint = el('p', { class: 'cd-hint', id: uid('cd-hint'), text: texts.withoutContactHint });
  noContactBox.setAttribute('aria-describedby', noContactHint.id);
  let key = randomKey();

  const refreshPicker = () => {
    chosen.slot = null;
    chosenText.textContent = '';
    if (!agendaSelect.value) {
      fill(pickerBox);
      return;
    }
    const picker = timePicker(departmentSelect.value, agendaSelect.value, officialSelect.value || null, (slot) => {
      chosen.slot = slot;
      key = randomKey();
      chosenText.textContent = texts.chosen({ when: clock().span(slot.start, slot.end), who: officialName(slot.official) });
      name.focus();
    });
    fill(pickerBox, picker.element);
  };
  const refreshOfficials = () => {
    const agenda = agendaOf(agendaSelect.value);
    const department = departmentOf(departmentSelect.value);
    const handling = department ? department.officials.filter((o) => o.active && (!agenda || agenda.officials.includes(o.id))) : [];
    fill(officialSelect, ...[['', texts.anyone]].concat(handling.map((o) => [o.id, o.name]))
      .map(([v, l]) => el('option', { value: v, text: l })));
    refreshPicker();
  };
  const refreshAgendas = () => {
    const department = departmentOf(departmentSelect.value);
    fill(agendaSelect, ...(department ? department.agendas : []).map((a) => el('option', { value: a.id, text: local(a.name) })));
    refreshOfficials();
  };
  departmentSelect.addEventListener('change', refreshAgendas);
  agendaSelect.addEventListener('change', refreshOfficials);
  officialSelect.addEventListener('change', refreshPicker);

  fill(content, el('p', { class: 'cd-intro', text: texts.bookIntro }), form([
    el('div', { class: 'cd-grid' },
      field(texts.department, departmentSelect),
      field(texts.agenda, agendaSelect),
      field(texts.official, officialSelect)),
    field(texts.topic, topic),
    el('h2', { class: 'cd-subtitle', text: texts.chooseTime }),
    pickerBox,
    chosenText,
    el('div', { class: 'cd-grid' },
      field(texts.name, name),
      field(texts.phone, phone),
      field(texts.email, email),
      field(texts.language, language)),
    el('div', { class: 'cd-field' }, noContact, noContactHint),
    el('div', { class: 'cd-actions' }, submit(texts.bookButton)),
  ], async () => {
    if (!chosen.slot) {
      fill(alert, el('p', { text: texts.pickTimeFirst }));
      return;
    }
    if (!phone.value.trim() && !email.value.trim() && !noContactBox.checked) {
      fill(alert, el('p', { text: texts.contactNeeded }));
      phone.focus();
      return;
    }
    const slot = chosen.slot;
    const result = await api.post('/staff/reservations', {
      official: slot.official, agenda: agendaSelect.value, start: slot.start, name: name.value.trim(),
      email: email.value.trim() || null, phone: phone.value.trim() || null, topic: topic.value.trim(), language: language.value,
      withoutContact: noContactBox.checked,
    }, { 'Idempotency-Key': key });
    if (!result.ok) {
      if (explain(kt(), result).kind === 'slot') {
        state.taken.add(takenKey(slot));
        refreshPicker();
      }
      failed(result);
      return;
    }
    const when = clock().span(slot.start, slot.end);
    await route();
    say(texts.booked({ when, who: officialName(slot.official) })).focus();
  }));
  refreshAgendas();
}
