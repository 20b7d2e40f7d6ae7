/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Integrators' webhook endpoints: add, change, delete, rotate the signing secret (shown once, right
 * after creating or rotating, and never again), and each endpoint's delivery log with a retry for
 * deliveries that were given up.
 */
import { el, fill, uid } from '../../kit/kit.js';
import { alert, api, button, checkbox, clearFieldErrors, content, failed, failedForm, field, form, input, pageData, quiet, refuse, route, say, stamp, submit, t, table } from '../shell.js';

const EVENTS = ['reservation.created', 'reservation.moved', 'reservation.cancelled', 'reservation.displaced',
  'reservation.completed', 'reservation.no_show'];

export async function webhooks() {
  await render(null);
}

/** The page, with a card open below the list (the secret just issued) or none. */
async function render(opening) {
  const texts = t();
  const data = await pageData('/staff/webhooks');
  if (!data) return;
  const list = data.endpoints;
  const below = el('div', {});
  const show = (card) => {
    quiet();
    fill(below, card);
    card.querySelector('h2').focus();
  };
  fill(content,
    el('p', { class: 'cd-intro', text: texts.webhooksIntro }),
    el('div', { class: 'cd-actions' }, button(texts.newWebhook, () => show(endpointForm(null)))),
    list.length
      ? table(texts.webhooksCaption({ n: list.length }), [texts.webhookUrl, texts.webhookEvents, texts.webhookPersonal, texts.webhookState, texts.actions],
        list.map((w) => el('tr', { 'data-webhook': w.id },
          el('th', { scope: 'row' }, el('span', { text: w.url }), w.description ? el('p', { class: 'cd-hint', text: w.description }) : null),
          el('td', { text: w.events.map((e) => texts.webhookEventNames[e] || e).join(', ') }),
          el('td', { text: w.personalData ? texts.yes : texts.no }),
          el('td', { text: w.active ? texts.webhookActive : texts.webhookInactive }),
          el('td', {},
            rowButton(texts.edit, texts.editWebhook({ url: w.url }), () => show(endpointForm(w))),
            rowButton(texts.deliveries, texts.deliveriesOf({ url: w.url }), async () => show(await deliveryLog(w))),
            rowButton(texts.rotateSecret, texts.rotateSecretOf({ url: w.url }), () => show(rotateCard(w))),
            rowButton(texts.delete, texts.deleteWebhook({ url: w.url }), () => show(deleteCard(w)))))))
      : el('p', { class: 'cd-note', text: texts.noWebhooks }),
    below);
  if (opening) {
    fill(below, opening);
    opening.querySelector('h2').focus();
  }
}

function rowButton(text, label, onClick) {
  return el('button', { type: 'button', class: 'cd-button cd-secondary', 'aria-label': label, text, on: { click: onClick } });
}

function card(title, ...children) {
  const id = uid('cd-section');
  return el('section', { class: 'cd-card', 'aria-labelledby': id }, el('h2', { id, tabindex: '-1', text: title }), children);
}

/** The new secret, once: the administrator copies it into the receiving system now. */
function secretCard(issued) {
  const texts = t();
  const secret = input('secret', issued.secret, { readonly: true, spellcheck: 'false', autocomplete: 'off' });
  return card(texts.secretTitle({ url: issued.endpoint.url }),
    el('p', { class: 'cd-note', text: texts.secretOnce }),
    field(texts.secret, secret));
}

/** Adds (w = null) or changes an endpoint. */
function endpointForm(w) {
  const texts = t();
  const url = input('url', w ? w.url : '', { type: 'url', spellcheck: 'false', autocomplete: 'off', maxlength: '2000' });
  const description = input('description', w ? w.description : '', { maxlength: '200' });
  const boxes = EVENTS.map((e) => checkbox(`event-${e}`, texts.webhookEventNames[e], w ? w.events.includes(e) : true));
  const events = el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.webhookEvents }), boxes);
  const personal = checkbox('personalData', texts.webhookPersonalCheck, w ? w.personalData : false);
  const active = checkbox('active', texts.webhookActiveCheck, w ? w.active : true);
  const edit = form([
    field(texts.webhookUrl, url, texts.webhookUrlHint),
    field(texts.webhookDescription, description),
    events,
    personal,
    active,
    el('div', { class: 'cd-actions' }, submit(texts.save)),
  ], async (f) => {
    clearFieldErrors(f);
    if (!url.value.trim()) {
      refuse(url, texts.required);
      return;
    }
    const chosen = EVENTS.filter((e, i) => boxes[i].querySelector('input').checked);
    if (!chosen.length) {
      refuse(boxes[0].querySelector('input'), texts.webhookEventsNeeded);
      return;
    }
    fill(alert);
    const body = {
      url: url.value.trim(),
      description: description.value.trim() || null,
      events: chosen,
      personalData: personal.querySelector('input').checked,
      active: active.querySelector('input').checked,
    };
    const result = w ? await api.put(`/staff/webhooks/${encodeURIComponent(w.id)}`, body) : await api.post('/staff/webhooks', body);
    if (!result.ok) {
      failedForm(result, f, (name) => (name === 'events' ? `event-${EVENTS[0]}` : name));
      return;
    }
    if (w) {
      await route();
      say(texts.webhookSaved({ url: body.url })).focus();
    } else {
      await render(secretCard(result.data));
      say(texts.webhookSaved({ url: body.url }));
    }
  });
  return card(w ? texts.editWebhook({ url: w.url }) : texts.newWebhook, edit);
}

function rotateCard(w) {
  const texts = t();
  const grace = input('graceHours', '24', { type: 'number', min: '0', max: '168', inputmode: 'numeric' });
  const rotate = form([
    el('p', { class: 'cd-note', text: texts.rotateIntro }),
    field(texts.graceHours, grace, texts.graceHint),
    el('div', { class: 'cd-actions' }, submit(texts.rotateSecret)),
  ], async (f) => {
    clearFieldErrors(f);
    fill(alert);
    const result = await api.post(`/staff/webhooks/${encodeURIComponent(w.id)}/rotate-secret?graceHours=${encodeURIComponent(grace.value.trim() || '24')}`, {});
    if (!result.ok) {
      failedForm(result, f, () => 'graceHours');
      return;
    }
    await render(secretCard(result.data));
  });
  return card(texts.rotateSecretOf({ url: w.url }), rotate);
}

function deleteCard(w) {
  const texts = t();
  return card(texts.deleteWebhook({ url: w.url }),
    el('p', { class: 'cd-note', text: texts.deleteWebhookWarning }),
    el('div', { class: 'cd-actions' }, button(texts.deleteForGood, async () => {
      fill(alert);
      const result = await api.delete(`/staff/webhooks/${encodeURIComponent(w.id)}`);
      if (!result.ok) {
        failed(result);
        return;
      }
      await route();
      say(texts.webhookDeleted({ url: w.url })).focus();
    }, 'cd-primary')));
}

async function deliveryLog(w) {
  const texts = t();
  const result = await api.get(`/staff/webhooks/${encodeURIComponent(w.id)}/deliveries`, { limit: '100' });
  if (!result.ok) {
    failed(result);
    return card(texts.deliveriesOf({ url: w.url }));
  }
  const rows = result.data.deliveries;
  return card(texts.deliveriesOf({ url: w.url }),
    rows.length
      ? table(texts.deliveriesCaption({ n: rows.length }), [texts.when, texts.webhookEvent, texts.reservation, texts.deliveryState, texts.deliveryAnswer, texts.deliveryAttempts, texts.duration, texts.actions],
        rows.map((d) => el('tr', { 'data-delivery': String(d.number), 'data-state': d.state },
          el('td', {}, el('time', { datetime: d.lastAttemptAt || d.occurredAt, text: stamp(d.lastAttemptAt || d.occurredAt) })),
          el('td', { text: texts.webhookEventNames[d.type] || d.type }),
          el('td', { text: d.reservation }),
          el('td', { text: texts.deliveryStates[d.state] || d.state }),
          el('td', { text: d.lastStatus ? `HTTP ${d.lastStatus}` : (d.lastError || texts.none) }),
          el('td', { text: String(d.attempts) }),
          el('td', { text: d.durationMillis === null ? texts.none : texts.millis({ ms: d.durationMillis }) }),
          el('td', {}, d.state === 'GIVEN_UP' ? rowButton(texts.retryDelivery, texts.retryDeliveryOf({ n: d.number }), async () => {
            fill(alert);
            const retried = await api.post(`/staff/webhooks/${encodeURIComponent(w.id)}/deliveries/${d.number}/retry`, {});
            if (!retried.ok) {
              failed(retried);
              return;
            }
            say(texts.deliveryRetried({ n: d.number })).focus();
          }) : null))))
      : el('p', { class: 'cd-note', text: texts.noDeliveries }));
}
