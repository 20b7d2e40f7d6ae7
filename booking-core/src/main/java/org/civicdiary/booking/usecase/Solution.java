/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.usecase;

/**
 * What a client sends back for a {@link Challenge} (the ALTCHA payload): the challenge's fields and
 * the number it found. Unchecked on purpose: {@link ProvingWork#verify} refuses a bad one with a
 * typed error rather than the record throwing on construction.
 */
public record Solution(String algorithm, String challenge, long number, String salt, String signature) {}
