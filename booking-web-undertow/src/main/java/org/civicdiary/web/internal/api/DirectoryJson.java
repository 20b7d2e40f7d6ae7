/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.usecase.DirectoryDocument;
import org.civicdiary.web.internal.http.Json;
import org.civicdiary.web.internal.problem.HttpProblem;
import org.civicdiary.web.internal.problem.Problem;
import org.civicdiary.web.internal.problem.Refusal;

/** The directory document as JSON (for the API and {@link org.civicdiary.web.DirectoryFile}). */
public final class DirectoryJson {
  private static final ObjectWriter WRITER = Json.MAPPER.copy()
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .writer();

  private DirectoryJson() {}

  /** The document as the export writes it: indented, fields left out when empty (null). */
  public static byte[] write(DirectoryDocument document) {
    try {
      return WRITER.writeValueAsBytes(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the directory", e);
    }
  }

  /**
   * Reads a document; a JSON syntax or type error becomes a {@link DocumentInvalid} naming its path.
   */
  public static DirectoryDocument read(byte[] body) {
    try {
      // Syntax first: inside a list, Jackson's binding reports a syntax error as a wrong value.
      Json.MAPPER.readTree(body);
    } catch (JsonParseException e) {
      throw new DocumentInvalid(List.of(new DocumentInvalid.Finding("$", "malformed-json", "line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new DocumentInvalid(List.of(new DocumentInvalid.Finding("$", "malformed-json", "cannot be read")));
    }
    try {
      return Json.read(body, DirectoryDocument.class);
    } catch (HttpProblem p) {
      Problem problem = p.problem();
      String field = problem.field();
      String path = field == null || field.equals("body") ? "$" : "$." + field;
      String detail = problem.detail().startsWith(field + ": ") ? problem.detail().substring(field.length() + 2)
          : problem.detail();
      throw new DocumentInvalid(List.of(new DocumentInvalid.Finding(path,
          problem.code().equals(Refusal.MALFORMED_JSON.code()) ? Refusal.MALFORMED_JSON.code() : "invalid-type", detail)));
    }
  }
}
