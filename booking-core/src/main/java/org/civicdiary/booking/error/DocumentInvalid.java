/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.booking.error;

import java.util.List;
import java.util.Objects;

/**
 * A document (the directory's import file) refused as a whole: every error found, each naming its
 * JSON path such as {@code $.departments[2].officials[0].email}. Nothing was written.
 */
public final class DocumentInvalid extends BookingException {
  private final transient List<Finding> errors;

  public DocumentInvalid(List<Finding> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  /** The errors in document order; never empty. */
  public List<Finding> errors() {
    return errors;
  }

  /**
   * One error.
   *
   * @param path the JSON path of the value at fault, starting with {@code $}
   * @param code what kind of error: {@code required}, {@code invalid}, {@code duplicate}, {@code
   *     unknown-reference}, {@code conflict}
   * @param detail what is wrong, in words; names ids, never personal data
   */
  public record Finding(String path, String code, String detail) {
    public Finding {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }
  }

  private static String summary(List<Finding> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a refused document has at least one error");
    }
    Finding first = errors.get(0);
    return errors.size() + " error(s) in the document, first " + first.path() + ": " + first.detail();
  }
}
