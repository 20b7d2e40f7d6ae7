/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The hall screen at {base}/now-serving/{office}: booking codes of the citizens called in, with the
 * room to go to, and the codes still waiting. Never names or topics. It asks again every few
 * seconds and redraws only on a change, so a screen reader hears each change once (aria-live).
 * Czech by default; ?lang=en or the button switches to English.
 */
import { el, fill, Api, Clock, words } from '../kit/kit.js';

(() => {
  const REFRESH_MS = 5000;
  const TEXTS = words({
    cs: {
      title: 'Na řadě jsou',
      switchTo: 'English',
      switchLang: 'en',
      languageNav: 'Jazyk',
      called: 'Zváni dovnitř',
      code: 'Kód',
      where: 'Kam jít',
      nobody: 'Nyní nikoho nevoláme.',
      waiting: 'Čekají',
      nobodyWaits: 'Nikdo nečeká.',
      updated: 'Aktualizováno {at}',
      failed: 'Údaje se nepodařilo načíst; zkusíme to znovu.',
    },
    en: {
      title: 'Now serving',
      switchTo: 'Čeština',
      switchLang: 'cs',
      languageNav: 'Language',
      called: 'Please come in',
      code: 'Code',
      where: 'Go to',
      nobody: 'Nobody is being called now.',
      waiting: 'Waiting',
      nobodyWaits: 'Nobody is waiting.',
      updated: 'Updated {at}',
      failed: 'The screen could not be updated; it will try again.',
    },
  });
  const path = window.location.pathname;
  const match = /\/now-serving\/([^/]+)$/.exec(path);
  const office = match ? decodeURIComponent(match[1]) : '';
  const api = new Api(window.location.origin + path.slice(0, path.lastIndexOf('/now-serving/')), 'omit');
  const params = new URLSearchParams(window.location.search);
  /** @type {{lang: string, data: any, seen: string, failed: boolean}} */
  const state = { lang: params.get('lang') === 'en' ? 'en' : 'cs', data: null, seen: '', failed: false };
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  const live = el('div', { 'aria-live': 'polite', 'aria-atomic': 'false' });
  const updated = el('p', { class: 'cd-hall-updated' });
  fill(app, live, updated);
  const t = () => TEXTS[state.lang];

  function chrome() {
    const texts = t();
    document.documentElement.lang = state.lang;
    document.title = texts.title;
    /** @type {HTMLElement} */ (document.getElementById('page-title')).textContent = texts.title;
    const nav = /** @type {HTMLElement} */ (document.getElementById('language'));
    nav.setAttribute('aria-label', texts.languageNav);
    fill(nav, el('button', {
      type: 'button', id: 'switch-language', lang: texts.switchLang, text: texts.switchTo,
      on: { click: () => { state.lang = texts.switchLang; render(); /** @type {HTMLElement} */ (document.getElementById('switch-language')).focus(); } },
    }));
  }

  function render() {
    chrome();
    const texts = t();
    const d = state.data;
    if (!d) {
      fill(live, state.failed ? el('p', { class: 'cd-hall-note', text: texts.failed }) : null);
      return;
    }
    fill(live,
      d.called.length
        ? el('table', { id: 'called' },
          el('caption', { text: texts.called }),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: texts.code }), el('th', { scope: 'col', text: texts.where }))),
          el('tbody', {}, d.called.map((/** @type {any} */ c) => el('tr', { 'data-code': c.code },
            el('td', { class: 'cd-hall-code', text: c.code }), el('td', { class: 'cd-hall-where', text: c.where })))))
        : el('p', { id: 'called', class: 'cd-hall-note', text: texts.nobody }),
      el('h2', { text: texts.waiting }),
      d.waiting.length
        ? el('ul', { id: 'waiting', class: 'cd-hall-waiting' }, d.waiting.map((/** @type {string} */ code) => el('li', { text: code })))
        : el('p', { id: 'waiting', class: 'cd-hall-note', text: texts.nobodyWaits }),
      state.failed ? el('p', { class: 'cd-hall-note', text: texts.failed }) : null);
    updated.textContent = texts.updated({ at: new Clock(state.lang).time(d.at) });
  }

  async function refresh() {
    const result = await api.get(`/offices/${encodeURIComponent(office)}/now-serving`);
    const failed = !result.ok;
    const seen = result.ok ? JSON.stringify([result.data.called, result.data.waiting]) : state.seen;
    if (result.ok) state.data = result.data;
    // redrawn only on a change: the live region then speaks each change once
    if (seen !== state.seen || failed !== state.failed) {
      state.seen = seen;
      state.failed = failed;
      render();
    } else if (state.data) {
      updated.textContent = t().updated({ at: new Clock(state.lang).time(state.data.at) });
    }
  }

  chrome();
  refresh();
  window.setInterval(refresh, REFRESH_MS);
})();
