/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Staff accounts.
 */
import { el, fill, uid } from '../../kit/kit.js';
import { alert, allOfficials, api, button, checkbox, clearFieldErrors, content, failed, failedForm, field, form, input, officialName, officialOptions, pageData, quiet, refuse, route, say, select, state, submit, t, table } from '../shell.js';

// ---------------------------------------------------------------- staff accounts

export async function accounts() {
  const texts = t();
  const data = await pageData('/staff/accounts');
  if (!data) return;
  const list = data.accounts.slice().sort((a, b) => a.username.localeCompare(b.username));
  const editor = el('div', {});
  const open = (account) => {
    quiet();
    const card = accountForm(account);
    fill(editor, card);
    card.querySelector('h2').focus();
  };
  fill(content,
    el('p', { class: 'cd-intro', text: texts.accountsIntro }),
    el('div', { class: 'cd-actions' }, button(texts.newAccount, () => open(null))),
    table(texts.accountsCaption({ n: list.length }), [texts.username, texts.role, texts.official, texts.accountState, texts.actions],
      list.map((a) => el('tr', { 'data-username': a.username },
        el('th', { scope: 'row', text: a.username }),
        el('td', { text: texts.roles[a.role] || a.role }),
        el('td', { text: a.official ? officialName(a.official) : texts.none }),
        el('td', { text: a.active ? texts.accountActive : texts.accountDisabled }),
        el('td', {}, el('button', {
          type: 'button', class: 'cd-button cd-secondary', 'aria-label': texts.editAccount({ name: a.username }), text: texts.edit,
          on: { click: () => open(a) },
        }), ' ', el('button', {
          type: 'button', class: 'cd-button cd-secondary', 'aria-label': texts.endSessionsOfLabel({ name: a.username }),
          text: texts.endSessionsOf, on: { click: () => endSessionsOf(a.username) },
        }))))),
    editor);
}

/** Ends every session of someone (a lost laptop); an administrator's own ends too when they choose themself. */
async function endSessionsOf(username) {
  fill(alert);
  const result = await api.post(`/staff/accounts/${encodeURIComponent(username)}/sessions/end`, {});
  if (!result.ok) {
    failed(result);
    return;
  }
  await route();
  say(t().sessionsOfEnded({ name: username, n: result.data.ended })).focus();
}

/** Creates (a = null) or changes an account; the password is only ever sent, never shown. */
export function accountForm(a) {
  const texts = t();
  const headingId = uid('cd-section');
  const username = input('username', '', { autocomplete: 'off', spellcheck: 'false', maxlength: '100' });
  const role = select('role', Object.entries(texts.roles), a ? a.role : 'OPERATOR');
  const officials = allOfficials();
  const official = select('official', officialOptions(officials), a && a.official ? a.official : officials[0] && officials[0].id);
  const officialField = field(texts.accountOfficial, official);
  const showOfficial = () => { officialField.hidden = role.value !== 'OFFICIAL'; };
  role.addEventListener('change', showOfficial);
  showOfficial();
  const active = checkbox('active', texts.activeCheck, a ? a.active : true);
  const password = input('password', '', { type: 'password', autocomplete: 'new-password', maxlength: '256' });
  password.dataset.error = texts.passwordRule;
  const again = input('passwordAgain', '', { type: 'password', autocomplete: 'new-password', maxlength: '256' });
  const name = () => (a ? a.username : username.value.trim());
  const edit = form([
    a ? null : field(texts.username, username, texts.usernameHint),
    el('div', { class: 'cd-grid' }, field(texts.role, role), officialField),
    active,
    el('div', { class: 'cd-grid' },
      field(texts.newPassword, password, a ? texts.passwordHintKeep : texts.passwordHintNew),
      field(texts.passwordAgain, again)),
    el('div', { class: 'cd-actions' }, submit(texts.save)),
  ], async (f) => {
    clearFieldErrors(f);
    if (!name()) {
      refuse(username, texts.required);
      return;
    }
    if (!a && !password.value) {
      refuse(password, texts.passwordNeeded);
      return;
    }
    if (password.value !== again.value) {
      refuse(again, texts.passwordMismatch);
      return;
    }
    fill(alert);
    const result = await api.put(`/staff/accounts/${encodeURIComponent(name())}`, {
      role: role.value,
      official: role.value === 'OFFICIAL' ? official.value || null : null,
      active: active.querySelector('input').checked,
      password: password.value || null,
      // a new account belongs to the office the console shows; a present one keeps its own
      office: !a && state.office ? state.office.id : null,
    });
    if (!result.ok) {
      failedForm(result, f);
      return;
    }
    const savedName = name();
    await route();
    say(texts.accountSaved({ name: savedName })).focus();
  });
  return el('section', { class: 'cd-card', 'aria-labelledby': headingId },
    el('h2', { id: headingId, tabindex: '-1', text: a ? texts.account({ name: a.username }) : texts.newAccount }), edit);
}
