/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The citizen's manage page, opened from the link in an e-mail: {base}/manage/{token}, and for a
 * proposed replacement {base}/manage/{token}?official={id}&start={instant}. Opening it changes
 * nothing (mail scanners follow links); every change is a POST after the citizen confirms.
 */
import { el, fill, Api, explain, Clock, TimePicker, takenKey, details, placeText, phoneLink, addDays, words } from '../kit/kit.js';
import { TEXTS as KIT_TEXTS } from '../kit/texts.js';

(() => {
  const TEXTS = words({
    cs: {
      title: 'Vaše rezervace',
      skip: 'Přeskočit na obsah',
      switchTo: 'English',
      switchLang: 'en',
      languageNav: 'Jazyk',
      loading: 'Načítám rezervaci…',
      status: {
        ACTIVE: 'Schůzka je objednána',
        PAST: 'Schůzka už proběhla',
        DISPLACED: 'Termín se musel zrušit – vyberte si prosím náhradní',
        CANCELLED: 'Rezervace je zrušena',
        COMPLETED: 'Schůzka proběhla',
        NO_SHOW: 'Schůzka proběhla bez vás',
      },
      displacedText: 'Program úředníka se změnil a původní čas už nemůže platit. Omlouváme se. Vyberte si prosím jeden z nabízených náhradních termínů nebo jiný volný čas. Naši operátoři se vám také mohou ozvat.',
      closedText: 'Tuto rezervaci už nelze měnit. Pokud potřebujete na úřad, objednejte se prosím znovu.',
      when: 'Kdy',
      originally: 'Původní čas',
      where: 'Kde',
      official: 'Úředník',
      department: 'Odbor',
      agenda: 'Agenda',
      topic: 'Téma',
      code: 'Kód rezervace',
      contact: 'Kontakt',
      note: 'Poznámka úřadu',
      detailsTitle: 'Podrobnosti',
      actionsTitle: 'Co můžete udělat',
      proposalsTitle: 'Nabízené náhradní termíny',
      noProposals: 'Teď pro vás nemáme žádný náhradní termín. Vyberte si prosím jiný volný čas, nebo nám zavolejte.',
      chooseProposal: 'Vybrat tento termín',
      heldUntil: 'Tyto termíny držíme jen pro vás, nikdo jiný si je nemůže vzít, do {until}.',
      callMe: 'Raději mi zavolejte',
      callMeText: 'Nehodí se vám žádný? Operátor vám zavolá a termín domluvíte spolu. Nabízené termíny tím uvolníte pro ostatní.',
      callRequested: 'Požádali jste, abychom vám zavolali. Ozveme se vám.',
      room: 'místnost {room}',
      other: 'Vybrat jiný čas',
      cancel: 'Zrušit rezervaci',
      cancelTitle: 'Opravdu chcete rezervaci zrušit?',
      cancelText: 'Čas se uvolní pro ostatní. Zrušení nejde vrátit, ale objednat se můžete kdykoli znovu.',
      cancelYes: 'Ano, zrušit rezervaci',
      keep: 'Ne, nechat jak je',
      moveTitle: 'Potvrďte prosím nový čas',
      moveText: 'Schůzku přesuneme na tento čas a původní čas uvolníme.',
      moveYes: 'Ano, přesunout',
      acceptTitle: 'Potvrďte prosím náhradní termín',
      acceptText: 'Tento termín vám úřad nabízí místo zrušeného. Potvrzením ho závazně přijmete.',
      acceptYes: 'Ano, tento termín beru',
      back: 'Zpět',
      pickerTitle: 'Vyberte nový čas',
      whoTitle: 'U koho',
      sameOfficial: 'U stejného úředníka ({name})',
      anyOfficial: 'U kohokoli z odboru, kdo agendu vyřizuje',
      closePicker: 'Nechat původní čas',
      cancelled: 'Rezervace je zrušena. Potvrzení vám přijde e-mailem.',
      moved: 'Hotovo, schůzka je přesunuta. Nový čas: {when}. Potvrzení vám přijde e-mailem.',
      proposalGone: 'Tento náhradní termín už není k dispozici – mezitím ho někdo obsadil, nebo se rezervace změnila. Vyberte si prosím jiný.',
      alreadyThere: 'Tento termín už máte potvrzený.',
      working: 'Ukládám…',
      help: 'Potřebujete poradit? Zavolejte nám:',
    },
    en: {
      title: 'Your booking',
      skip: 'Skip to content',
      switchTo: 'Čeština',
      switchLang: 'cs',
      languageNav: 'Language',
      loading: 'Loading your booking…',
      status: {
        ACTIVE: 'Your meeting is booked',
        PAST: 'The meeting has taken place',
        DISPLACED: 'The time had to be cancelled – please choose a replacement',
        CANCELLED: 'The booking is cancelled',
        COMPLETED: 'The meeting took place',
        NO_SHOW: 'The meeting took place without you',
      },
      displacedText: 'The official\'s programme changed and the original time cannot stand. We are sorry. Please choose one of the proposed replacement times or another free time. Our operators may also contact you.',
      closedText: 'This booking can no longer be changed. If you need to come to the office, please book again.',
      when: 'When',
      originally: 'Original time',
      where: 'Where',
      official: 'Official',
      department: 'Department',
      agenda: 'Matter',
      topic: 'Topic',
      code: 'Booking code',
      contact: 'Contact',
      note: 'Note from the office',
      detailsTitle: 'Details',
      actionsTitle: 'What you can do',
      proposalsTitle: 'Proposed replacement times',
      heldUntil: 'We hold these times for you alone, nobody else can take them, until {until}.',
      callMe: 'Please call me instead',
      callMeText: 'None of them suits you? An operator will call you to agree a time. The proposed times are then freed for others.',
      callRequested: 'You asked us to call you. We will be in touch.',
      room: 'room {room}',
      noProposals: 'We have no replacement time to offer right now. Please choose another free time, or call us.',
      chooseProposal: 'Choose this time',
      other: 'Choose another time',
      cancel: 'Cancel the booking',
      cancelTitle: 'Do you really want to cancel the booking?',
      cancelText: 'The time becomes free for others. A cancellation cannot be undone, but you can book again at any time.',
      cancelYes: 'Yes, cancel the booking',
      keep: 'No, keep it',
      moveTitle: 'Please confirm the new time',
      moveText: 'We move the meeting to this time and free the original one.',
      moveYes: 'Yes, move it',
      acceptTitle: 'Please confirm the replacement time',
      acceptText: 'The office proposes this time in place of the cancelled one. Confirming accepts it.',
      acceptYes: 'Yes, I take this time',
      back: 'Back',
      pickerTitle: 'Choose a new time',
      whoTitle: 'With whom',
      sameOfficial: 'With the same official ({name})',
      anyOfficial: 'With anyone in the department who handles the matter',
      closePicker: 'Keep the original time',
      cancelled: 'The booking is cancelled. A confirmation is on its way by e-mail.',
      moved: 'Done: the meeting is moved to {when}. A confirmation is on its way by e-mail.',
      proposalGone: 'This replacement time is no longer available – someone took it meanwhile, or the booking changed. Please choose another.',
      alreadyThere: 'You already have this time confirmed.',
      working: 'Saving…',
      help: 'Need help? Call us:',
    },
  });

  const path = window.location.pathname;
  const at = path.lastIndexOf('/manage/');
  const token = decodeURIComponent(path.slice(at + '/manage/'.length));
  const api = new Api(window.location.origin + path.slice(0, at), 'omit');
  const query = new URLSearchParams(window.location.search);
  const state = {
    lang: null,
    view: null,
    directory: null,
    proposals: [],
    panel: null,
    wanted: query.get('official') && query.get('start') ? { official: query.get('official'), start: query.get('start') } : null,
    anyone: false,
    taken: new Set(),
  };

  const app = document.getElementById('app');
  const status = el('div', { class: 'cd-status', role: 'status', 'aria-live': 'polite' });
  const alert = el('div', { class: 'cd-alert', role: 'alert' });
  const content = el('div', { class: 'cd-manage' });
  fill(app, status, alert, content);

  const lang = () => state.lang || (state.view && state.view.reservation.language) || 'cs';
  const t = () => TEXTS[lang()];
  const kt = () => KIT_TEXTS[lang()];
  const local = (text) => (text ? text[lang()] || text.cs : '');
  const sameInstant = (a, b) => new Date(a).getTime() === new Date(b).getTime();

  function office() {
    const offices = state.directory ? state.directory.offices : [];
    const department = state.view && departmentOf(state.view.department.id);
    return (department && offices.find((o) => o.id === department.office)) || offices[0] || null;
  }

  function departmentOf(id) {
    return state.directory ? state.directory.departments.find((d) => d.id === id) || null : null;
  }

  /** The room of the official a proposal or a picked time is with: the proposal names it, else the directory. */
  function roomOf(slot) {
    if (slot.room !== undefined) return slot.room;
    for (const d of state.directory ? state.directory.departments : []) {
      const found = d.officials.find((o) => o.id === slot.official);
      if (found) return found.room || null;
    }
    return null;
  }

  function officialName(id) {
    for (const d of state.directory ? state.directory.departments : []) {
      const found = d.officials.find((o) => o.id === id);
      if (found) return found.name;
    }
    return '';
  }

  function clock() {
    const o = office();
    return new Clock(lang(), o && o.zone);
  }

  function say(message) {
    fill(alert);
    fill(status, el('p', { class: 'cd-success', text: message }));
  }

  function fail(message) {
    fill(status);
    fill(alert, el('p', { text: message }));
  }

  function quiet() {
    fill(status);
    fill(alert);
  }

  function chrome() {
    const texts = t();
    document.documentElement.lang = lang();
    document.title = texts.title;
    document.getElementById('page-title').textContent = texts.title;
    document.querySelector('.cd-skip').textContent = texts.skip;
    const o = office();
    document.getElementById('office').textContent = o ? local(o.name) : '';
    const nav = document.getElementById('language');
    nav.setAttribute('aria-label', texts.languageNav);
    fill(nav, el('button', {
      type: 'button', class: 'cd-button cd-secondary', lang: texts.switchLang, id: 'switch-language', text: texts.switchTo,
      on: { click: () => { state.lang = texts.switchLang; render(); document.getElementById('switch-language').focus(); } },
    }));
    const footer = document.getElementById('footer');
    fill(footer);
    if (o && o.phones.length) {
      footer.append(el('p', { text: texts.help }),
        el('ul', { class: 'cd-phones' }, o.phones.map((p) => el('li', {}, `${local(p.purpose)}: `, phoneLink(p)))));
    }
  }

  async function load() {
    fill(content, el('p', { class: 'cd-loading', text: t().loading }));
    const [view, directory] = await Promise.all([api.get(`/manage/${encodeURIComponent(token)}`), state.directory ? null : api.get('/departments')]);
    if (directory && directory.ok) state.directory = directory.data;
    if (!view.ok) {
      fill(content);
      chrome();
      fail(explain(kt(), view).message);
      return false;
    }
    state.view = view.data;
    state.proposals = [];
    if (state.view.reservation.status === 'DISPLACED') {
      const proposals = await api.get(`/manage/${encodeURIComponent(token)}/proposals`);
      state.proposals = proposals.ok ? proposals.data.proposals : [];
      state.heldUntil = proposals.ok ? proposals.data.heldUntil : null;
      state.callRequested = proposals.ok ? proposals.data.callRequested : null;
    }
    return true;
  }

  /** Opens the proposal the e-mail's link named, once, and takes it out of the address. */
  function openWanted() {
    const wanted = state.wanted;
    if (!wanted) return;
    state.wanted = null;
    window.history.replaceState(null, '', window.location.pathname);
    const r = state.view.reservation;
    if (r.status === 'ACTIVE' && r.official === wanted.official && sameInstant(r.start, wanted.start)) {
      say(t().alreadyThere);
      return;
    }
    const proposal = state.proposals.find((p) => p.official === wanted.official && sameInstant(p.start, wanted.start));
    if (proposal) {
      state.panel = { kind: 'accept', slot: proposal };
    } else if (state.view.canReschedule) {
      fail(t().proposalGone);
    }
  }

  function render(focus) {
    chrome();
    if (!state.view) return;
    const texts = t();
    const v = state.view;
    const r = v.reservation;
    const c = clock();
    const past = r.status === 'ACTIVE' && new Date(r.end) <= new Date();
    const statusKey = past ? 'PAST' : r.status;
    const summary = el('section', { class: 'cd-card', 'aria-labelledby': 'reservation-status' },
      el('h2', { id: 'reservation-status', tabindex: '-1', class: `cd-state cd-state-${statusKey.toLowerCase()}`, text: texts.status[statusKey] }),
      r.status === 'DISPLACED' ? el('p', { text: texts.displacedText }) : null,
      !v.canReschedule && !v.canCancel && r.status !== 'DISPLACED' ? el('p', { class: 'cd-muted', text: texts.closedText }) : null,
      details([
        [r.status === 'DISPLACED' ? texts.originally : texts.when, c.span(r.start, r.end)],
        [texts.where, placeText(v.place, v.official.room, lang())],
        [texts.official, v.official.name],
        [texts.department, local(v.department.name)],
        [texts.agenda, local(v.agenda.name)],
        [texts.code, r.code],
        [texts.topic, r.topic],
        [texts.contact, [r.citizen.name, r.citizen.email, r.citizen.phone].filter(Boolean).join(', ')],
        [texts.note, r.note],
      ]));
    const parts = [summary];
    if (state.panel) {
      parts.push(panel(state.panel));
    } else {
      if (r.status === 'DISPLACED') parts.push(proposals());
      if (state.picking) parts.push(picker());
      else if (v.canReschedule || v.canCancel) parts.push(actions());
    }
    fill(content, ...parts);
    if (focus) {
      const target = typeof focus === 'string' ? document.getElementById(focus) : null;
      (target || document.getElementById('main')).focus();
    }
  }

  function proposals() {
    const texts = t();
    const c = clock();
    const section = el('section', { class: 'cd-card', 'aria-labelledby': 'proposals-title' },
      el('h2', { id: 'proposals-title', tabindex: '-1', text: texts.proposalsTitle }));
    if (state.callRequested) {
      section.append(el('p', { id: 'call-requested', text: texts.callRequested }));
    }
    if (!state.proposals.length) {
      section.append(el('p', { text: texts.noProposals }));
      return section;
    }
    if (state.heldUntil) {
      section.append(el('p', { id: 'held-until', text: texts.heldUntil({ until: c.at(state.heldUntil) }) }));
    }
    const list = el('ul', { class: 'cd-proposals' });
    state.proposals.forEach((p, i) => {
      const id = `proposal-${i}`;
      list.append(el('li', { class: 'cd-proposal' },
        el('p', { id, class: 'cd-proposal-time' }, el('strong', { text: c.span(p.start, p.end) }),
          ` · ${p.officialName || officialName(p.official)}${roomOf(p) ? `, ${texts.room({ room: roomOf(p) })}` : ''}`),
        el('button', {
          type: 'button', class: 'cd-button cd-primary', 'aria-describedby': id, text: texts.chooseProposal,
          on: { click: () => { quiet(); state.panel = { kind: 'accept', slot: p }; render('panel-title'); } },
        })));
    });
    section.append(list);
    if (!state.callRequested) {
      const callMe = el('button', {
        type: 'button', class: 'cd-button cd-secondary', id: 'call-me', text: texts.callMe,
        'aria-describedby': 'call-me-text',
        on: { click: () => askForCall(callMe) },
      });
      section.append(el('p', { id: 'call-me-text', text: texts.callMeText }), el('div', { class: 'cd-actions' }, callMe));
    }
    return section;
  }

  /** "Please call me": the held times go, and the operators' worklist shows the call task. */
  async function askForCall(button) {
    const texts = t();
    button.disabled = true;
    button.textContent = texts.working;
    const result = await api.post(`/manage/${encodeURIComponent(token)}/call-me`);
    if (!result.ok) {
      const problem = explain(kt(), result);
      await load();
      render('proposals-title');
      fail(problem.message);
      return;
    }
    await load();
    render('proposals-title');
    say(texts.callRequested);
  }

  function actions() {
    const texts = t();
    const v = state.view;
    return el('section', { class: 'cd-card', 'aria-labelledby': 'actions-title' },
      el('h2', { id: 'actions-title', tabindex: '-1', text: texts.actionsTitle }),
      el('div', { class: 'cd-actions' },
        v.canReschedule ? el('button', {
          type: 'button', class: 'cd-button cd-primary', id: 'choose-other', text: texts.other,
          on: { click: () => { quiet(); state.picking = true; render('picker-title'); } },
        }) : null,
        v.canCancel ? el('button', {
          type: 'button', class: 'cd-button cd-secondary', id: 'cancel-open', text: texts.cancel,
          on: { click: () => { quiet(); state.panel = { kind: 'cancel' }; render('panel-title'); } },
        }) : null));
  }

  function picker() {
    const texts = t();
    const v = state.view;
    const r = v.reservation;
    const o = office();
    const c = clock();
    const from = c.today();
    const to = addDays(from, o ? o.booking.horizonDays : 60);
    const owner = () => (state.anyone ? `/departments/${encodeURIComponent(v.department.id)}` : `/officials/${encodeURIComponent(v.official.id)}`);
    const timePicker = new TimePicker({
      t: kt(), clock: c, headingLevel: 3, taken: state.taken,
      loadDays: async () => {
        const res = await api.get(`${owner()}/days`, { agenda: v.agenda.id, from, to });
        return res.ok ? res.data.days : res;
      },
      loadSlots: async (day) => {
        const res = await api.get(`${owner()}/slots`, { agenda: v.agenda.id, from: day, to: day });
        return res.ok ? res.data.slots : res;
      },
      describeSlot: (slot) => (state.anyone ? officialName(slot.official) : ''),
      onPick: (slot) => { quiet(); state.panel = { kind: 'move', slot }; render('panel-title'); },
      report: (message, isError) => (isError ? fail(message) : say(message)),
    });
    const who = el('fieldset', { class: 'cd-fieldset' }, el('legend', { text: texts.whoTitle }));
    [[false, texts.sameOfficial({ name: v.official.name })], [true, texts.anyOfficial]].forEach(([anyone, label]) => {
      const id = `who-${anyone ? 'any' : 'same'}`;
      who.append(el('div', { class: 'cd-radio' },
        el('input', {
          type: 'radio', name: 'who', id, checked: state.anyone === anyone,
          on: { change: () => { state.anyone = anyone; timePicker.load(null); } },
        }),
        el('div', { class: 'cd-radio-text' }, el('label', { for: id, class: 'cd-radio-label', text: label }))));
    });
    timePicker.load(r.status === 'ACTIVE' ? c.dateOf(r.start) : null);
    return el('section', { class: 'cd-card', 'aria-labelledby': 'picker-title' },
      el('h2', { id: 'picker-title', tabindex: '-1', text: texts.pickerTitle }),
      who,
      timePicker.element,
      el('div', { class: 'cd-actions' }, el('button', {
        type: 'button', class: 'cd-button cd-secondary', text: texts.closePicker,
        on: { click: () => { state.picking = false; render('actions-title'); } },
      })));
  }

  /** The confirmation before any change: cancel, move to a picked time, or accept a proposal. */
  function panel(p) {
    const texts = t();
    const c = clock();
    const titles = { cancel: texts.cancelTitle, move: texts.moveTitle, accept: texts.acceptTitle };
    const explanations = { cancel: texts.cancelText, move: texts.moveText, accept: texts.acceptText };
    const yes = { cancel: texts.cancelYes, move: texts.moveYes, accept: texts.acceptYes };
    const confirm = el('button', {
      type: 'button', class: `cd-button ${p.kind === 'cancel' ? 'cd-danger' : 'cd-primary'}`, id: 'confirm', text: yes[p.kind],
      on: { click: () => commit(p, confirm) },
    });
    return el('section', { class: 'cd-card cd-confirm', 'aria-labelledby': 'panel-title' },
      el('h2', { id: 'panel-title', tabindex: '-1', text: titles[p.kind] }),
      p.slot ? details([
        [texts.when, c.span(p.slot.start, p.slot.end)],
        [texts.official, p.slot.officialName || officialName(p.slot.official)],
        [texts.where, placeText(p.slot.place || state.view.place, roomOf(p.slot), lang())],
      ]) : null,
      el('p', { text: explanations[p.kind] }),
      el('div', { class: 'cd-actions' }, confirm, el('button', {
        type: 'button', class: 'cd-button cd-secondary', id: 'keep', text: p.kind === 'cancel' ? texts.keep : texts.back,
        on: { click: () => { state.panel = null; quiet(); render(p.kind === 'move' ? 'picker-title' : 'reservation-status'); } },
      })));
  }

  async function commit(p, button) {
    const texts = t();
    button.disabled = true;
    button.textContent = texts.working;
    const base = `/manage/${encodeURIComponent(token)}`;
    const result = p.kind === 'cancel'
      ? await api.post(`${base}/cancel`)
      : await api.post(`${base}/${p.kind === 'accept' ? 'accept' : 'reschedule'}`, { official: p.slot.official, start: p.slot.start });
    state.panel = null;
    state.picking = false;
    if (result.ok) {
      state.view = result.data;
      state.proposals = [];
      render('reservation-status');
      const r = state.view.reservation;
      say(p.kind === 'cancel' ? texts.cancelled : texts.moved({ when: clock().span(r.start, r.end) }));
      return;
    }
    const problem = explain(kt(), result);
    await load();
    if (p.kind === 'accept' && (problem.kind === 'conflict' || problem.kind === 'slot')) {
      render('reservation-status');
      fail(texts.proposalGone);
      return;
    }
    if (p.kind === 'move' && problem.kind === 'slot') {
      state.taken.add(takenKey(p.slot));
      state.picking = true;
    }
    render(state.picking ? 'picker-title' : 'reservation-status');
    fail(problem.message);
  }

  (async () => {
    if (await load()) {
      openWanted();
      render(state.panel ? 'panel-title' : false);
    }
  })();
})();
