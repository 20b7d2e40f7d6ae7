/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.persistence;

import java.util.Objects;

/**
 * The storage could not start: the database cannot be reached, or its schema does not fit this
 * version of civic-diary. The message says what to check. A server stops with a non-zero exit.
 */
public final class DatabaseNotReady extends RuntimeException {
  /** What is wrong. */
  public enum Problem {
    /** No connection: wrong URL, user or password, or the server is down. */
    UNREACHABLE,
    /** A newer civic-diary has migrated the schema; this one does not know its migrations. */
    SCHEMA_NEWER_THAN_CODE,
    /** The migrations failed, or the applied ones differ from this version's (validation). */
    SCHEMA_INVALID
  }

  private final Problem problem;

  public DatabaseNotReady(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Problem problem() {
    return problem;
  }
}
