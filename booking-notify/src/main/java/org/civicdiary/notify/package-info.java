/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
/**
 * E-mail to citizens from the outbox: the dispatcher, the message templates (Czech and English),
 * iCalendar invitations, and the SMTP and mail-drop channels. Start with {@link
 * org.civicdiary.notify.NotifyModule}; add a channel of your own through {@link
 * org.civicdiary.notify.Notifier}.
 */
package org.civicdiary.notify;
