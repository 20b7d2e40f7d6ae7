/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a staff request offers to prove who makes it.
 *
 * @param address the client's address (the proxy's client when the request came through a trusted proxy)
 * @param fromTrustedProxy whether the connection came from a configured proxy address, so that
 *     headers the proxy sets (a single sign-on user name) can be believed
 * @param token the session token from the cookie or the {@code Authorization: Bearer} header, or null
 * @param header a request header by name, or null when absent; a header sent more than once ends the
 *     request as unauthenticated (it proves nothing when a proxy adds its copy after the client's)
 */
public record StaffRequest(String address, boolean fromTrustedProxy, String token, UnaryOperator<String> header) {
  public StaffRequest {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(header, "header");
  }
}
