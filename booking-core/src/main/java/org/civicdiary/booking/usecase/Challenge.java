/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

/**
 * A proof-of-work challenge as the ALTCHA protocol hands it to the client: find the number from 0
 * to {@code maxnumber} whose hex SHA-256 of {@code salt + number} is {@code challenge}. The
 * signature (hex HMAC-SHA256 of the challenge) shows later that the server issued it; the salt
 * carries its expiry ({@code ?expires=<epoch seconds>&}).
 */
public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {}
