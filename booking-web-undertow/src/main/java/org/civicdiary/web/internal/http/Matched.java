/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.http;

import io.undertow.util.AttachmentKey;
import java.util.Map;

/** The route a request matched and its path parameters, attached to the exchange by the router. */
public record Matched(Route route, Map<String, String> params) {
  public static final AttachmentKey<Matched> KEY = AttachmentKey.create(Matched.class);
}
