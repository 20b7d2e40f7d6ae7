/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The staff console at {base}/console/: the reception's check-in, operators' worklist, booking for a caller, searching
 * reservations, an official's printable day plan, absences, printable weekly statistics, and the
 * administrators' pages for departments, officials, agendas, diaries, the office's settings, staff
 * accounts, the audit log and integrators' webhook endpoints. One page; the part shown follows the address's
 * #fragment: this entry module registers one module per page with the router in shell.js. Session cookie from the login form; every change is sent with X-Requested-With (the
 * API's second CSRF lock). Server text is always set as text, never parsed as HTML.
 */
import { quiet, registerPages, route, start } from './shell.js';
import { absences } from './pages/absences.js';
import { account } from './pages/account.js';
import { accounts } from './pages/accounts.js';
import { apiKeys } from './pages/api-keys.js';
import { audit } from './pages/audit.js';
import { book } from './pages/book.js';
import { closureDays } from './pages/closure-days.js';
import { dayPlan } from './pages/day-plan.js';
import { agendas, departments, diaries, officials } from './pages/directory.js';
import { firstRun } from './pages/first-run.js';
import { officeSettings } from './pages/office.js';
import { reception } from './pages/reception.js';
import { search } from './pages/search.js';
import { statistics } from './pages/statistics.js';
import { waitingList } from './pages/waiting-list.js';
import { directoryTransfer } from './pages/transfer.js';
import { webhooks } from './pages/webhooks.js';
import { worklist } from './pages/worklist.js';

registerPages({
  start: { roles: ['ADMIN'], render: firstRun },
  worklist: { roles: ['OPERATOR', 'ADMIN'], render: worklist },
  book: { roles: ['OPERATOR', 'ADMIN'], render: book },
  reception: { roles: ['RECEPTION', 'OPERATOR', 'ADMIN'], render: reception },
  search: { roles: ['OPERATOR', 'OFFICIAL', 'ADMIN'], render: search },
  'day-plan': { roles: ['OPERATOR', 'OFFICIAL', 'ADMIN'], render: dayPlan },
  absences: { roles: ['OPERATOR', 'OFFICIAL', 'ADMIN'], render: absences },
  'waiting-list': { roles: ['OPERATOR', 'OFFICIAL', 'ADMIN'], render: waitingList },
  statistics: { roles: ['OPERATOR', 'ADMIN'], render: statistics },
  departments: { roles: ['ADMIN'], render: departments },
  officials: { roles: ['ADMIN'], render: officials },
  agendas: { roles: ['ADMIN'], render: agendas },
  diaries: { roles: ['ADMIN'], render: diaries },
  office: { roles: ['ADMIN'], render: officeSettings },
  directory: { roles: ['ADMIN'], render: directoryTransfer },
  accounts: { roles: ['ADMIN'], render: accounts },
  audit: { roles: ['ADMIN'], render: audit },
  'api-keys': { roles: ['ADMIN'], render: apiKeys },
  webhooks: { roles: ['ADMIN'], render: webhooks },
  'closure-days': { roles: ['ADMIN'], render: closureDays },
  account: { roles: ['OPERATOR', 'OFFICIAL', 'ADMIN', 'RECEPTION'], render: account },
});

window.addEventListener('hashchange', () => {
  quiet();
  route(true);
});

start(false);
