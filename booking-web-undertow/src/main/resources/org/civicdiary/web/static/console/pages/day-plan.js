/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * An official's printable day plan.
 */
import { el, fill, Clock } from '../../kit/kit.js';
import { agendaOf, api, button, clock, content, departmentOf, failed, failedForm, field, form, input, keepAddress, local, needsFirst, officialOf, officialOptions, plannableOfficials, say, select, state, submit, t, table } from '../shell.js';

// ---------------------------------------------------------------- day plan (printable)

export async function dayPlan() {
  if (needsFirst('office', 'departments', 'officials')) return;
  const texts = t();
  const c = clock();
  const params = new URLSearchParams(window.location.hash.split('?')[1] || '');
  const officials = plannableOfficials();
  const official = select('official', officialOptions(officials), params.get('official') || (officials[0] && officials[0].id));
  const date = input('date', params.get('date') || c.today(), { type: 'date' });
  const plan = el('div', { class: 'cd-plan' });
  const feed = el('div', { class: 'cd-no-print' });
  const busy = el('div', { class: 'cd-no-print' });
  const show = async () => {
    await feedBox(feed, official.value);
    await busyFeedBox(busy, official.value);
    const result = await api.get(`/staff/officials/${encodeURIComponent(official.value)}/day-plan`, { date: date.value });
    if (!result.ok) {
      failed(result);
      return;
    }
    const p = result.data;
    const who = officialOf(p.official);
    const windows = p.windows.map((w) => `${Clock.clock(w.start)}–${Clock.clock(w.end)}${w.place ? ` (${w.place.name})` : ''}`);
    fill(plan,
      el('h2', { class: 'cd-plan-title', text: texts.planTitle({ who: who ? `${who.name}${who.room ? `, ${who.room}` : ''}` : p.official, day: c.dayFull(p.date) }) }),
      p.holiday ? el('p', { class: 'cd-note', text: texts.holiday({ name: local(p.holiday) }) }) : null,
      (p.closures || []).map((/** @type {any} */ d) => el('p', { class: 'cd-note', 'data-closure': d.id, text: closed(d) })),
      el('h3', { class: 'cd-subtitle', text: texts.windows }),
      windows.length ? el('ul', { class: 'cd-plain-list' }, windows.map((w) => el('li', { text: w }))) : el('p', { text: texts.noWindows }),
      p.absences.length ? el('h3', { class: 'cd-subtitle', text: texts.absencesTitle }) : null,
      p.absences.length ? el('ul', { class: 'cd-plain-list' }, p.absences.map((a) => el('li', { text: `${c.range(a.start, a.end)} · ${texts.kinds[a.kind]}` }))) : null,
      p.reservations.length
        ? table(texts.reservationsTitle, [texts.time, texts.code, texts.caller, texts.contact, texts.agenda, texts.topic, texts.statusLabel, texts.arrival],
          p.reservations.map((r) => el('tr', { 'data-reservation': r.id },
            el('td', { text: `${c.time(r.start)}–${c.time(r.end)}` }),
            el('td', { class: 'cd-code', text: r.code }),
            el('td', { text: r.citizen.name }),
            el('td', { text: [r.citizen.phone, r.citizen.email].filter(Boolean).join(', ') || texts.none }),
            el('td', { text: local((agendaOf(r.agenda) || {}).name) }),
            el('td', { text: r.topic }),
            el('td', { text: texts.status[r.status] || r.status }),
            el('td', {}, meeting(r, (p.checkIns || []).find((k) => k.reservation === r.id), show)))), { region: true })
        : el('p', { class: 'cd-note', text: texts.noReservations }));
    keepAddress(`#day-plan?official=${encodeURIComponent(official.value)}&date=${date.value}`);
  };
  fill(content, form([
    el('div', { class: 'cd-grid' }, field(texts.chooseOfficial, official), field(texts.date, date)),
    el('div', { class: 'cd-actions' }, submit(texts.show), button(texts.print, () => window.print())),
  ], show, { class: 'cd-form cd-no-print' }), plan, feed, busy);
  await show();
}

/**
 * Why nobody can book the day: the whole office or the official's department is closed, and the reason staff gave.
 * @param {any} d a closure day as the API answers it
 */
function closed(d) {
  const texts = t();
  const what = d.department
    ? texts.closedDepartmentDay({ department: local((departmentOf(d.department) || {}).name) || d.department })
    : texts.closedOfficeDay;
  return d.reason ? `${what} ${texts.closureReason}: ${d.reason}` : what;
}

// ---------------------------------------------------------------- the meeting: who waits, start and end

/**
 * The reservation's arrival as the reception recorded it, and the button that starts or ends the
 * meeting (not printed).
 * @param {any} r the reservation
 * @param {any} k its check-in, if the citizen has arrived
 * @param {() => Promise<void>} again redraws the plan
 */
function meeting(r, k, again) {
  const texts = t();
  const c = clock();
  if (!k) return el('span', { class: 'cd-muted', text: r.status === 'ACTIVE' ? texts.receptionNotYet : '' });
  const said = k.endedAt ? texts.receptionDone({ time: c.time(k.endedAt) })
    : k.startedAt ? texts.receptionIn({ time: c.time(k.startedAt) }) : texts.receptionWaitingSince({ time: c.time(k.arrivedAt) });
  const act = async (/** @type {string} */ what, /** @type {string} */ done) => {
    const result = await api.post(`/staff/reservations/${encodeURIComponent(r.id)}/${what}`);
    if (!result.ok) {
      failed(result);
      return;
    }
    await again();
    say(done).focus();
  };
  const name = r.citizen.name;
  const action = k.endedAt || r.status !== 'ACTIVE' ? null
    : k.startedAt
      ? el('button', { type: 'button', class: 'cd-button cd-secondary cd-no-print', text: texts.endMeeting,
        'aria-label': texts.endMeetingOf({ name }), on: { click: () => act('end', texts.meetingEnded({ name })) } })
      : el('button', { type: 'button', class: 'cd-button cd-primary cd-no-print', text: texts.startMeeting,
        'aria-label': texts.startMeetingOf({ name }), on: { click: () => act('start', texts.meetingStarted({ name })) } });
  return el('span', {}, el('span', { class: k.startedAt ? '' : 'cd-waiting', text: said }), action ? ' ' : null, action);
}

// ---------------------------------------------------------------- the official's calendar feed

/**
 * The official's private calendar feed: they switch it on (the address is shown once), make a new
 * address, or switch it off; an administrator sees whether it is on and may switch it off.
 * @param {HTMLElement} box
 * @param {string} officialId
 * @param {{ url: string } | null} [made] the feed just made, whose address is shown this once
 */
async function feedBox(box, officialId, made) {
  const texts = t();
  const me = state.me || {};
  const own = me.role === 'OFFICIAL' && me.official === officialId;
  if (!own && me.role !== 'ADMIN') {
    fill(box);
    return;
  }
  const path = `/staff/officials/${encodeURIComponent(officialId)}/feed`;
  const result = await api.get(path);
  if (!result.ok) {
    failed(result);
    return;
  }
  const f = result.data;
  const create = async () => {
    const created = await api.post(path, {});
    if (!created.ok) {
      failed(created);
      return;
    }
    await feedBox(box, officialId, created.data);
  };
  const revoke = async () => {
    const revoked = await api.delete(path);
    if (!revoked.ok) {
      failed(revoked);
      return;
    }
    await feedBox(box, officialId);
    say(texts.feedRevoked);
  };
  const parts = [el('h3', { class: 'cd-subtitle', id: 'feed-title', text: texts.feedTitle }), el('p', { class: 'cd-hint', text: texts.feedHint })];
  if (made) {
    const url = input('feedUrl', made.url, { readonly: 'readonly', class: 'cd-code' });
    parts.push(el('p', { class: 'cd-note', text: texts.feedShownOnce }), field(texts.feedUrl, url),
      el('div', { class: 'cd-actions' }, button(texts.feedCopy, async () => {
        url.select();
        try {
          await navigator.clipboard.writeText(made.url);
          say(texts.feedCopied);
        } catch {
          say(texts.feedSelected);
        }
      })));
  } else {
    parts.push(el('p', { text: f.active ? texts.feedActive({ since: clock().at(f.createdAt) }) : texts.feedNone }));
  }
  const actions = el('div', { class: 'cd-actions' });
  if (own) actions.append(button(f.active ? texts.feedRenew : texts.feedCreate, create, f.active ? undefined : 'cd-primary'));
  if (f.active) actions.append(button(texts.feedRevoke, revoke));
  parts.push(actions);
  fill(box, el('section', { class: 'cd-card', 'aria-labelledby': 'feed-title' }, ...parts));
}

// ---------------------------------------------------------------- busy time from the official's own calendar

/**
 * The official's own calendar (an iCalendar URL) whose busy time blocks the diary: the official or
 * an administrator sets and removes it; operators see how its last poll went. The URL is never
 * shown back (it is the calendar's key), only its host.
 * @param {HTMLElement} box
 * @param {string} officialId
 */
async function busyFeedBox(box, officialId) {
  const texts = t();
  const me = state.me || {};
  const own = me.role === 'OFFICIAL' && me.official === officialId;
  if (!own && me.role !== 'ADMIN' && me.role !== 'OPERATOR') {
    fill(box);
    return;
  }
  const path = `/staff/officials/${encodeURIComponent(officialId)}/busy-feed`;
  const result = await api.get(path);
  if (!result.ok) {
    failed(result);
    return;
  }
  const f = result.data;
  const c = clock();
  /** @type {HTMLElement[]} */
  const parts = [el('h3', { class: 'cd-subtitle', id: 'busy-feed-title', text: texts.busyTitle }),
    el('p', { class: 'cd-hint', text: texts.busyHint })];
  if (!f.active) {
    parts.push(el('p', { text: texts.busyNone }));
  } else {
    parts.push(el('p', { text: texts.busyActive({ host: f.host }) }),
      el('p', { text: f.polledAt ? texts.busyPolled({ at: c.at(f.polledAt) }) : texts.busyNever }));
    if (f.failure) {
      const why = texts.busyFailures[f.failure] || texts.busyFailures.UNREACHABLE;
      parts.push(el('p', { class: 'cd-note', text: typeof why === 'function' ? why({ detail: f.failureDetail || '' }) : why }),
        el('p', { class: 'cd-muted', text: f.succeededAt ? texts.busyKeeps({ at: c.at(f.succeededAt) }) : texts.busyNothingYet }));
    }
  }
  if (own || me.role === 'ADMIN') {
    const url = input('busyUrl', '', { type: 'url', inputmode: 'url', autocomplete: 'off', maxlength: '2000', placeholder: 'https://' });
    const save = async (/** @type {HTMLFormElement} */ formNode) => {
      const saved = await api.put(path, { url: url.value.trim() });
      if (!saved.ok) {
        failedForm(saved, formNode, () => 'busyUrl');
        return;
      }
      await busyFeedBox(box, officialId);
      say(texts.busySaved);
    };
    const actions = el('div', { class: 'cd-actions' }, submit(texts.busySave));
    if (f.active) {
      actions.append(button(texts.busyClear, async () => {
        const cleared = await api.delete(path);
        if (!cleared.ok) {
          failed(cleared);
          return;
        }
        await busyFeedBox(box, officialId);
        say(texts.busyCleared);
      }));
    }
    parts.push(form([field(f.active ? texts.busyUrlNew : texts.busyUrl, url), actions], save));
  }
  fill(box, el('section', { class: 'cd-card', 'aria-labelledby': 'busy-feed-title' }, ...parts));
}
