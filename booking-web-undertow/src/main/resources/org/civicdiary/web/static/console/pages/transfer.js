/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * Import and export of the directory as one JSON file.
 */
import { el, fill } from '../../kit/kit.js';
import { alert, api, chrome, clearFieldErrors, content, failed, field, form, loadDirectory, quiet, refuse, say, section, submit, t, table } from '../shell.js';

// ---------------------------------------------------------------- directory import and export

export async function directoryTransfer() {
  const texts = t();
  const file = el('input', { type: 'file', name: 'file', accept: 'application/json,.json' });
  const report = el('div', { class: 'cd-import-report' });
  const upload = form([field(texts.chooseFile, file), el('div', { class: 'cd-actions' }, submit(texts.upload))], async (f) => {
    clearFieldErrors(f);
    quiet();
    fill(report);
    if (!file.files.length) {
      refuse(file, texts.noFile);
      return;
    }
    let document;
    try {
      document = JSON.parse(await file.files[0].text());
    } catch (e) {
      fill(alert, el('p', { text: texts.notJson({ why: e.message }) }));
      return;
    }
    const result = await api.put('/staff/directory', document);
    if (result.ok) {
      await loadDirectory();
      chrome();
      const r = result.data;
      say(r.created.length || r.updated.length ? texts.imported({ summary: texts.importSummary({ created: r.created.length, updated: r.updated.length, unchanged: r.unchanged, displaced: r.displaced }) }) : texts.importedNothing).focus();
      return;
    }
    const errors = (result.problem && result.problem.errors) || [];
    if (!errors.length) {
      failed(result);
      return;
    }
    fill(alert, el('p', { text: texts.importErrors({ n: errors.length }) }));
    fill(report, table(texts.errorsCaption, [texts.errorPath, texts.errorCode, texts.errorDetail],
      errors.map((e) => el('tr', {},
        el('th', { scope: 'row' }, el('code', { text: e.path })),
        el('td', { text: e.code }),
        el('td', { text: e.detail }))), { region: true }));
  });
  fill(content,
    el('p', { class: 'cd-intro', text: texts.directoryIntro }),
    el('p', { class: 'cd-note', text: texts.directoryRules }),
    el('div', { class: 'cd-actions' }, el('a', {
      class: 'cd-button cd-secondary', href: api.url('/staff/directory').href, download: 'civic-diary-directory.json', text: texts.download,
    })),
    section(texts.uploadTitle, upload, report));
}
