/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web;

import org.civicdiary.booking.usecase.DirectoryDocument;
import org.civicdiary.web.internal.api.DirectoryJson;

/**
 * The directory document's JSON, as {@code GET /api/v1/admin/directory} writes it and {@code PUT}
 * reads it: for tools that import a file without HTTP (the standalone server's {@code --import}).
 */
public final class DirectoryFile {
  private DirectoryFile() {}

  /**
   * Reads a document; nothing is checked beyond JSON syntax and types (the import checks the rest).
   *
   * @throws org.civicdiary.booking.error.DocumentInvalid naming the JSON path of a syntax or type error
   */
  public static DirectoryDocument read(byte[] json) {
    return DirectoryJson.read(json);
  }

  /** The document as indented JSON, leaving out what is empty (null). */
  public static byte[] write(DirectoryDocument document) {
    return DirectoryJson.write(document);
  }
}
