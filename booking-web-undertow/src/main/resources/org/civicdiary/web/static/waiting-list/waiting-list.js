/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The waiting list's page, opened from the links in its e-mails: {base}/waiting-list/entry/{token}
 * confirms the e-mail address of a new entry, {base}/waiting-list/offer/{token} shows a time held
 * for the citizen to take or decline. Opening it changes nothing (mail scanners follow links);
 * every change is a POST from a button.
 */
import { el, fill, Api, explain, Clock, details, placeText, words } from '../kit/kit.js';
import { TEXTS as KIT_TEXTS } from '../kit/texts.js';

(() => {
  const TEXTS = words({
    cs: {
      title: 'Hlídání volného termínu',
      skip: 'Přeskočit na obsah',
      switchTo: 'English',
      switchLang: 'en',
      languageNav: 'Jazyk',
      loading: 'Načítám…',
      confirmTitle: 'Potvrďte prosím, že chcete hlídat volný termín',
      confirmText: 'Jakmile se termín uvolní, pošleme vám e-mail a chvíli ho pro vás podržíme.',
      confirm: 'Potvrdit a začít hlídat',
      confirmed: 'Hotovo, hlídáme pro vás volný termín. Jakmile se uvolní, přijde vám e-mail.',
      ended: 'Toto hlídání už skončilo. Pokud termín stále potřebujete, požádejte o hlídání znovu.',
      offerTitle: 'Uvolnil se termín, který hlídáte',
      heldUntil: 'Držíme ho pro vás do {until}. Potom ho nabídneme dalšímu v pořadí.',
      take: 'Beru tento termín',
      decline: 'Nechci ho',
      taken: 'Hotovo, schůzka je objednána. Potvrzení vám přijde e-mailem.',
      declined: 'Termín jsme uvolnili pro dalšího v pořadí. Děkujeme.',
      gone: 'Tento termín už vám nabízet nemůžeme: nabídka vypršela nebo byla vyřízena.',
      manage: 'Zobrazit rezervaci',
      days: 'Dny',
      when: 'Kdy',
      where: 'Kde',
      official: 'Úředník',
      anyone: 'Kdokoli z odboru',
      department: 'Odbor',
      agenda: 'Agenda',
      working: 'Ukládám…',
    },
    en: {
      title: 'Watching for a free time',
      skip: 'Skip to content',
      switchTo: 'Čeština',
      switchLang: 'cs',
      languageNav: 'Language',
      loading: 'Loading…',
      confirmTitle: 'Please confirm that you want us to watch for a free time',
      confirmText: 'When a time becomes free, we e-mail you and hold it for you for a while.',
      confirm: 'Confirm and start watching',
      confirmed: 'Done: we are watching for a free time for you. You will get an e-mail when one becomes free.',
      ended: 'This watch has ended. If you still need a time, please ask us to watch again.',
      offerTitle: 'A time you are watching for is free',
      heldUntil: 'We hold it for you until {until}. After that we offer it to the next in line.',
      take: 'I take this time',
      decline: 'I do not want it',
      taken: 'Done: your meeting is booked. A confirmation is on its way by e-mail.',
      declined: 'We have passed the time on to the next in line. Thank you.',
      gone: 'We can no longer offer you this time: the offer has lapsed or was settled.',
      manage: 'View the booking',
      days: 'Days',
      when: 'When',
      where: 'Where',
      official: 'Official',
      anyone: 'Anyone in the department',
      department: 'Department',
      agenda: 'Matter',
      working: 'Saving…',
    },
  });

  const path = window.location.pathname;
  const match = /\/waiting-list\/(entry|offer)\/([^/]+)$/.exec(path);
  const kind = match ? match[1] : 'entry';
  const token = match ? decodeURIComponent(match[2]) : '';
  const api = new Api(window.location.origin + path.slice(0, path.lastIndexOf('/waiting-list/')), 'omit');
  const resource = `/waiting-list/${kind === 'entry' ? 'entries' : 'offers'}/${encodeURIComponent(token)}`;
  /** @type {{lang: string|null, view: any, directory: any, done: string|null, link: string|null}} */
  const state = { lang: null, view: null, directory: null, done: null, link: null };

  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  const status = el('div', { class: 'cd-status', role: 'status', 'aria-live': 'polite' });
  const alert = el('div', { class: 'cd-alert', role: 'alert' });
  const content = el('div', { class: 'cd-manage' });
  fill(app, status, alert, content);

  const lang = () => state.lang || (state.view && state.view.language) || 'cs';
  const t = () => TEXTS[lang()];
  const kt = () => KIT_TEXTS[lang()];
  const local = (/** @type {any} */ text) => (text ? text[lang()] || text.cs : '');

  function clock() {
    const offices = state.directory ? state.directory.offices : [];
    return new Clock(lang(), offices.length ? offices[0].zone : undefined);
  }

  function say(/** @type {string} */ message) {
    fill(alert);
    fill(status, el('p', { class: 'cd-success', text: message }));
  }

  function fail(/** @type {string} */ message) {
    fill(status);
    fill(alert, el('p', { text: message }));
  }

  function chrome() {
    const texts = t();
    document.documentElement.lang = lang();
    document.title = texts.title;
    /** @type {HTMLElement} */ (document.getElementById('page-title')).textContent = texts.title;
    /** @type {HTMLElement} */ (document.querySelector('.cd-skip')).textContent = texts.skip;
    const offices = state.directory ? state.directory.offices : [];
    /** @type {HTMLElement} */ (document.getElementById('office')).textContent = offices.length ? local(offices[0].name) : '';
    const nav = /** @type {HTMLElement} */ (document.getElementById('language'));
    nav.setAttribute('aria-label', texts.languageNav);
    fill(nav, el('button', {
      type: 'button', class: 'cd-button cd-secondary', lang: texts.switchLang, id: 'switch-language', text: texts.switchTo,
      on: { click: () => { state.lang = texts.switchLang; render(); /** @type {HTMLElement} */ (document.getElementById('switch-language')).focus(); } },
    }));
  }

  function render() {
    chrome();
    const texts = t();
    const v = state.view;
    if (!v) return;
    const c = clock();
    /** @type {[string, any][]} */
    const rows = kind === 'entry'
      ? [[texts.days, v.firstDay === v.lastDay ? c.dayFull(v.firstDay) : `${c.dayFull(v.firstDay)} – ${c.dayFull(v.lastDay)}`],
        [texts.department, local(v.department.name)],
        [texts.official, v.official ? v.official.name : texts.anyone],
        [texts.agenda, local(v.agenda.name)]]
      : [[texts.when, c.span(v.start, v.end)],
        [texts.where, placeText(v.place, v.official.room, lang())],
        [texts.official, v.official.name],
        [texts.department, local(v.department.name)],
        [texts.agenda, local(v.agenda.name)]];
    const heading = kind === 'entry' ? texts.confirmTitle : texts.offerTitle;
    const section = el('section', { class: 'cd-card', 'aria-labelledby': 'wish-title' },
      el('h2', { id: 'wish-title', tabindex: '-1', text: heading }), details(rows));
    if (state.done) {
      if (state.link) section.append(el('p', {}, el('a', { href: state.link, class: 'cd-button cd-primary', text: texts.manage })));
    } else if (kind === 'entry' && v.status === 'UNCONFIRMED') {
      section.append(el('p', { text: texts.confirmText }), el('div', { class: 'cd-actions' },
        button('confirm', texts.confirm, 'cd-primary', () => change('confirm', texts.confirmed))));
    } else if (kind === 'entry') {
      section.append(el('p', { text: ['ACTIVE', 'OFFERED'].includes(v.status) ? texts.confirmed : texts.ended }));
    } else if (v.open) {
      section.append(el('p', { text: texts.heldUntil({ until: c.at(v.holdUntil) }) }),
        el('div', { class: 'cd-actions' },
          button('take', texts.take, 'cd-primary', () => change('take', texts.taken)),
          button('decline', texts.decline, 'cd-secondary', () => change('decline', texts.declined))));
    } else {
      section.append(el('p', { text: texts.gone }));
    }
    fill(content, section);
  }

  function button(/** @type {string} */ id, /** @type {string} */ text, /** @type {string} */ style, /** @type {() => void} */ click) {
    return el('button', { type: 'button', class: `cd-button ${style}`, id, text, on: { click } });
  }

  async function change(/** @type {string} */ action, /** @type {string} */ done) {
    content.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    say(t().working);
    const result = await api.post(`${resource}/${action}`);
    if (result.ok) {
      state.done = done;
      // taking answers with the booking and its manage link; confirming with the entry as it is now
      if (result.data.manage) state.link = result.data.manage.link;
      else if (kind === 'entry') state.view = result.data;
      render();
      say(done);
    } else {
      const problem = explain(kt(), result);
      await load();
      render();
      fail(problem.kind === 'conflict' && kind === 'offer' ? t().gone : problem.message);
    }
    /** @type {HTMLElement} */ (document.getElementById('wish-title')).focus();
  }

  async function load() {
    const [view, directory] = await Promise.all([api.get(resource), state.directory ? null : api.get('/departments')]);
    if (directory && directory.ok) state.directory = directory.data;
    if (!view.ok) {
      chrome();
      fail(explain(kt(), view).message);
      return false;
    }
    state.view = view.data;
    return true;
  }

  (async () => {
    fill(content, el('p', { class: 'cd-loading', text: t().loading }));
    if (await load()) render();
    else fill(content);
  })();
})();
