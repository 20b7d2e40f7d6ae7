/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Integrations' API keys: a portal's own server books on a citizen's behalf without the proof of
 * work. The key is shown once, when it is made; only its hash is kept.
 */
import { el, fill } from '../../kit/kit.js';
import { alert, api, button, clearFieldErrors, content, failedForm, field, form, input, pageData, refuse, route, say, stamp, submit, t, table } from '../shell.js';

export async function apiKeys() {
  const texts = t();
  const data = await pageData('/staff/api-keys');
  if (!data) return;
  const name = input('name', '', { autocomplete: 'off', maxlength: '100' });
  const create = form([
    field(texts.apiKeyName, name, texts.apiKeyNameHint),
    el('div', { class: 'cd-actions' }, submit(texts.newApiKey)),
  ], async (f) => {
    clearFieldErrors(f);
    if (!name.value.trim()) {
      refuse(name, texts.required);
      return;
    }
    fill(alert);
    const result = await api.post('/staff/api-keys', { name: name.value.trim() });
    if (!result.ok) {
      failedForm(result, f);
      return;
    }
    await route();
    // After the page is drawn again: the secret is in this answer only.
    const secret = el('input', { type: 'text', readonly: true, class: 'cd-input', value: result.data.secret, 'aria-label': texts.apiKeySecret });
    fill(content.querySelector('[data-new-key]') || content,
      el('section', { class: 'cd-card' },
        el('h2', { text: texts.apiKeyCreated({ name: result.data.key.name }) }),
        el('p', { text: texts.apiKeyOnce }),
        secret));
    say(texts.apiKeyCreated({ name: result.data.key.name })).focus();
  });
  fill(content,
    el('p', { class: 'cd-intro', text: texts.apiKeysIntro }),
    el('div', { 'data-new-key': '' }),
    create,
    table(texts.apiKeysCaption({ n: data.length }), [texts.apiKeyName, texts.apiKeyPrefix, texts.apiKeyCreatedAt, texts.apiKeyLastUsed, texts.accountState, texts.actions],
      data.map((k) => el('tr', { 'data-key': k.id },
        el('th', { scope: 'row', text: k.name }),
        el('td', {}, el('code', { text: `${k.prefix}…` })),
        el('td', {}, el('time', { datetime: k.createdAt, text: stamp(k.createdAt) })),
        el('td', {}, k.lastUsed ? el('time', { datetime: k.lastUsed, text: stamp(k.lastUsed) }) : texts.none),
        el('td', { text: k.revokedAt ? texts.apiKeyRevokedAt({ at: stamp(k.revokedAt) }) : texts.accountActive }),
        el('td', {}, k.revokedAt ? null : button(texts.revoke, async () => {
          fill(alert);
          const result = await api.post(`/staff/api-keys/${encodeURIComponent(k.id)}/revoke`, {});
          if (!result.ok) {
            failedForm(result, content);
            return;
          }
          await route();
          say(texts.apiKeyRevoked({ name: k.name })).focus();
        }))))));
}
