/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * My account: one's own password and open sessions. A member who must change their password (the
 * first administrator) sees only the change form until they have.
 */
import { el, fill } from '../../kit/kit.js';
import { alert, api, clearFieldErrors, content, failed, failedForm, field, form, input, pageData, refuse, renderLogin, route, say, section, stamp, start, state, submit, t, table } from '../shell.js';

export async function account() {
  const texts = t();
  if (state.me.mustChangePassword) {
    fill(content,
      el('p', { class: 'cd-intro', text: texts.mustChangeIntro }),
      section(texts.changePassword, passwordForm(async () => {
        await start(true);
        say(texts.passwordChanged).focus();
      })));
    return;
  }
  const data = await pageData('/staff/sessions');
  if (!data) return;
  fill(content,
    el('p', { class: 'cd-intro', text: texts.accountIntro({ name: state.me.username }) }),
    section(texts.changePassword, passwordForm(async () => {
      await route();
      say(texts.passwordChanged).focus();
    })),
    section(texts.sessionsTitle,
      el('p', { text: texts.sessionsIntro }),
      table(texts.sessionsCaption({ n: data.sessions.length }),
        [texts.sessionOpened, texts.sessionLastSeen, texts.sessionFrom, texts.sessionBrowser, texts.actions],
        data.sessions.map((s) => el('tr', { 'data-session': s.id, class: s.current ? 'cd-current' : null },
          el('th', { scope: 'row' }, el('time', { datetime: s.createdAt, text: stamp(s.createdAt) }),
            s.current ? el('strong', { class: 'cd-this-session', text: ` (${texts.thisSession})` }) : null),
          el('td', {}, el('time', { datetime: s.lastSeenAt, text: stamp(s.lastSeenAt) })),
          el('td', { text: s.client || texts.unknown }),
          el('td', { text: s.userAgent || texts.unknown }),
          el('td', {}, el('button', {
            type: 'button', class: 'cd-button cd-secondary', text: texts.endSession,
            'aria-label': texts.endSessionLabel({ when: stamp(s.createdAt) }),
            on: { click: () => endSession(s) },
          })))))));
}

async function endSession(s) {
  fill(alert);
  const result = await api.post(`/staff/sessions/${encodeURIComponent(s.id)}/end`, {});
  if (!result.ok) {
    failed(result);
    return;
  }
  if (s.current) {
    state.me = null;
    window.location.hash = '';
    renderLogin(t().sessionEnded);
    return;
  }
  await route();
  say(t().sessionEnded).focus();
}

/** The present password, the new one twice; done() after the change. */
function passwordForm(done) {
  const texts = t();
  const current = input('currentPassword', '', { type: 'password', autocomplete: 'current-password', maxlength: '256' });
  const wanted = input('newPassword', '', { type: 'password', autocomplete: 'new-password', maxlength: '256' });
  wanted.dataset.error = texts.passwordWeak;
  const again = input('newPasswordAgain', '', { type: 'password', autocomplete: 'new-password', maxlength: '256' });
  return form([
    field(texts.currentPassword, current),
    el('div', { class: 'cd-grid' },
      field(texts.newPassword, wanted, texts.newPasswordHint),
      field(texts.passwordAgain, again)),
    el('div', { class: 'cd-actions' }, submit(texts.changePassword)),
  ], async (f) => {
    clearFieldErrors(f);
    /** @type {[HTMLInputElement, string] | null} */
    const refusal = !current.value ? [current, texts.required]
      : wanted.value.length < 12 ? [wanted, texts.passwordRule]
        : wanted.value !== again.value ? [again, texts.passwordMismatch] : null;
    if (refusal) {
      refuse(refusal[0], refusal[1]);
      return;
    }
    fill(alert);
    const result = await api.post('/staff/password', { currentPassword: current.value, newPassword: wanted.value });
    if (!result.ok) {
      if (result.problem && result.problem.field === 'currentPassword') current.dataset.error = texts.currentPasswordWrong;
      current.value = '';
      failedForm(result, f);
      return;
    }
    await done();
  }, { 'data-form': 'password' });
}
