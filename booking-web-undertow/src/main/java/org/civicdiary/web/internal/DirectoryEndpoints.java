/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.error.DocumentInvalid;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.DirectoryDocument;
import org.civicdiary.booking.usecase.DirectoryImported;

/**
 * The directory as one JSON document (administrators): export it, and import an edited one. The
 * JSON is {@link DirectoryDocument}'s records; a syntax or type error is refused like the core's
 * own errors, as an {@code invalid-document} problem whose {@code errors} name JSON paths.
 */
final class DirectoryEndpoints {
  /** Hundreds of officials with their windows take a few hundred KiB; far more is not a directory. */
  static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
  static final String FILE_NAME = "civic-diary-directory.json";
  private static final ObjectWriter WRITER = Json.MAPPER.copy()
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .writer();
  private final CivicDiary diary;
  private final ResponseCache cache;

  DirectoryEndpoints(CivicDiary diary, ResponseCache cache) {
    this.diary = diary;
    this.cache = cache;
  }

  Reply export(Call call) {
    DirectoryDocument document = diary.importingDirectory().export(call.member());
    return Reply.bytes(200, Reply.JSON, write(document))
        .header("Content-Disposition", "attachment; filename=\"" + FILE_NAME + "\"");
  }

  Reply importDocument(Call call) {
    DirectoryDocument document = read(call.rawBody());
    DirectoryImported result = diary.importingDirectory().apply(call.member(), document);
    if (result.changedAnything()) {
      cache.invalidate();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("summary", result.summary());
    answer.put("created", result.created());
    answer.put("updated", result.updated());
    answer.put("unchanged", result.unchanged());
    answer.put("displaced", result.displacements().stream().mapToInt(d -> d.displaced().size()).sum());
    return Reply.ok(answer);
  }

  /** The document as the export writes it: indented, fields left out when empty (null). */
  static byte[] write(DirectoryDocument document) {
    try {
      return WRITER.writeValueAsBytes(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the directory", e);
    }
  }

  /**
   * Reads a document; a JSON syntax or type error becomes a {@link DocumentInvalid} naming its path.
   */
  static DirectoryDocument read(byte[] body) {
    try {
      // Syntax first: inside a list, Jackson's binding reports a syntax error as a wrong value.
      Json.MAPPER.readTree(body);
    } catch (JsonParseException e) {
      throw new DocumentInvalid(List.of(new DocumentInvalid.Finding("$", "malformed-json", "line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw HttpProblem.malformed("the body could not be read");
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
          problem.code().equals("malformed-json") ? "malformed-json" : "invalid-type", detail)));
    }
  }
}
