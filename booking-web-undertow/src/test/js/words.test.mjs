/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// The kit's translations as data, run by .ci/js-check with node's test runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { words } from '../../main/resources/org/civicdiary/web/static/kit/kit.js';
import { TEXTS } from '../../main/resources/org/civicdiary/web/static/kit/texts.js';

test('a plural form is picked by Intl.PluralRules of the language', () => {
  assert.deepEqual([1, 2, 4, 5, 22, 1.5].map((count) => TEXTS.cs.freeCount({ count })),
    ['1 volný čas', '2 volné časy', '4 volné časy', '5 volných časů', '22 volných časů', '1.5 volného času']);
  assert.deepEqual([1, 2].map((count) => TEXTS.en.freeCount({ count })), ['1 free time', '2 free times']);
});

test('placeholders are filled by name and plain texts stay strings', () => {
  assert.equal(TEXTS.en.stepOf({ n: 2, total: 6 }), 'Step 2 of 6');
  assert.equal(typeof TEXTS.cs.next, 'string');
  const t = words({ en: { hello: 'Hello {name}, {missing}', list: ['a {x}', 'b'] } });
  assert.equal(t.en.hello({ name: 'Jana' }), 'Hello Jana, {missing}');
  assert.equal(t.en.list[0]({ x: 1 }), 'a 1');
});

test('every language has the same texts, each of the same kind', () => {
  const shape = (node) => (typeof node === 'function' ? 'fn' : typeof node !== 'object' || node === null ? typeof node
    : Array.isArray(node) ? node.map(shape) : Object.fromEntries(Object.keys(node).sort().map((k) => [k, shape(node[k])])));
  const { problems: csProblems, ...cs } = TEXTS.cs;
  const { problems: enProblems, ...en } = TEXTS.en;
  assert.deepEqual(shape(cs), shape(en));
});
