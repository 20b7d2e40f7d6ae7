/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * My account: one's own password, second factor and open sessions. A member who must change their
 * password (the first administrator) sees only the change form until they have; an administrator
 * the office wants to have a second factor sees only its enrolment until they have one.
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
  if (state.mustEnrol) {
    fill(content,
      el('p', { class: 'cd-intro', text: texts.mustEnrolIntro }),
      section(texts.secondFactorTitle, enrolment(async () => {
        await start(true);
        say(texts.secondFactorEnabled).focus();
      })));
    return;
  }
  const data = await pageData('/staff/sessions');
  if (!data) return;
  const factor = await pageData('/staff/second-factor');
  if (!factor) return;
  fill(content,
    el('p', { class: 'cd-intro', text: texts.accountIntro({ name: state.me.username }) }),
    section(texts.changePassword, passwordForm(async () => {
      await route();
      say(texts.passwordChanged).focus();
    })),
    section(texts.secondFactorTitle, factor.active ? disabling(factor) : enrolment(async () => {
      await route();
      say(texts.secondFactorEnabled).focus();
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

/**
 * Enrolment: a button starts it (a new secret, shown as text and as the otpauth link, for no QR
 * library is worth its weight here), the app's code confirms it, and the recovery codes are shown
 * once; done() when the reader has kept them.
 */
function enrolment(done) {
  const texts = t();
  const box = el('div', { 'data-second-factor': 'off' },
    el('p', { text: texts.secondFactorOff }),
    el('div', { class: 'cd-actions' }, el('button', {
      type: 'button', class: 'cd-button cd-primary', text: texts.secondFactorStart,
      on: { click: () => startEnrolment(box, done) },
    })));
  return box;
}

async function startEnrolment(box, done) {
  const texts = t();
  fill(alert);
  const started = await api.post('/staff/second-factor', {});
  if (!started.ok) {
    failed(started);
    return;
  }
  const code = input('code', '', { autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: '6', spellcheck: 'false' });
  fill(box,
    el('p', { text: texts.secondFactorEnrolHint }),
    el('dl', { class: 'cd-secret' },
      el('dt', { text: texts.secondFactorUri }), el('dd', {}, el('code', { 'data-otpauth': '', text: started.data.uri })),
      el('dt', { text: texts.secondFactorSecret }),
      el('dd', {}, el('code', { 'data-secret': '', text: started.data.secret.replace(/(.{4})(?=.)/g, '$1 ') }))),
    form([
      field(texts.secondFactorCode, code),
      el('div', { class: 'cd-actions' }, submit(texts.secondFactorConfirm)),
    ], async (f) => {
      clearFieldErrors(f);
      if (!/^\d{6}$/.test(code.value.trim())) {
        refuse(code, texts.required);
        return;
      }
      fill(alert);
      const confirmed = await api.post('/staff/second-factor/confirm', { code: code.value.trim() });
      if (!confirmed.ok) {
        code.value = '';
        failedForm(confirmed, f);
        return;
      }
      showRecoveryCodes(box, confirmed.data.recoveryCodes, done);
    }, { 'data-form': 'second-factor' }));
  code.focus();
}

function showRecoveryCodes(box, codes, done) {
  const texts = t();
  const heading = el('h3', { tabindex: '-1', text: texts.recoveryCodesTitle });
  fill(box,
    heading,
    el('p', { text: texts.recoveryCodesIntro }),
    el('ol', { class: 'cd-recovery-codes' }, codes.map((c) => el('li', {}, el('code', { text: c })))),
    el('div', { class: 'cd-actions' }, el('button', {
      type: 'button', class: 'cd-button cd-primary', text: texts.recoveryCodesDone, on: { click: done },
    })));
  box.dataset.secondFactor = 'codes';
  heading.focus();
}

/** The second factor is on: how many recovery codes are left, and turning it off with a proof. */
function disabling(factor) {
  const texts = t();
  const proof = input('proof', '', { type: 'password', autocomplete: 'current-password', maxlength: '256' });
  return el('div', { 'data-second-factor': 'on' },
    el('p', { text: texts.secondFactorOn({ n: factor.recoveryCodesLeft }) }),
    form([
      field(texts.secondFactorProof, proof),
      el('div', { class: 'cd-actions' }, submit(texts.secondFactorDisable)),
    ], async (f) => {
      clearFieldErrors(f);
      if (!proof.value) {
        refuse(proof, texts.required);
        return;
      }
      fill(alert);
      const result = await api.post('/staff/second-factor/disable', { proof: proof.value });
      proof.value = '';
      if (!result.ok) {
        failedForm(result, f);
        return;
      }
      await route();
      say(texts.secondFactorDisabled).focus();
    }, { 'data-form': 'second-factor-off' }));
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
