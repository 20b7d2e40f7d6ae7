/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

import org.civicdiary.booking.model.WebhookEndpoint;
import org.civicdiary.booking.model.WebhookSecret;

/**
 * An endpoint just registered or rotated, with its new signing secret: the one answer that shows
 * the secret, so that the administrator copies it into the receiving system.
 */
public record WebhookSecretIssued(WebhookEndpoint endpoint, WebhookSecret secret) {}
