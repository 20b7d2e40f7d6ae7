/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.DirectoryDocument;
import org.civicdiary.booking.usecase.DirectoryImported;
import org.civicdiary.web.internal.http.Call;
import org.civicdiary.web.internal.http.Reply;
import org.civicdiary.web.internal.http.ResponseCache;

/**
 * The directory as one JSON document (administrators): export it, and import an edited one. The
 * JSON is {@link DirectoryDocument}'s records; a syntax or type error is refused like the core's
 * own errors, as an {@code invalid-document} problem whose {@code errors} name JSON paths.
 */
final class DirectoryEndpoints {
  /** Hundreds of officials with their windows take a few hundred KiB; far more is not a directory. */
  static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
  static final String FILE_NAME = "civic-diary-directory.json";
  private final CivicDiary diary;
  private final ResponseCache cache;
  private final Runnable officesChanged;

  /** @param officesChanged told when an import may have changed an office's rules (the feeds' policy) */
  DirectoryEndpoints(CivicDiary diary, ResponseCache cache, Runnable officesChanged) {
    this.diary = diary;
    this.cache = cache;
    this.officesChanged = officesChanged;
  }

  Reply export(Call call) {
    DirectoryDocument document = diary.importingDirectory().export(call.member());
    return Reply.bytes(200, Reply.JSON, DirectoryJson.write(document))
        .header("Content-Disposition", "attachment; filename=\"" + FILE_NAME + "\"");
  }

  Reply importDocument(Call call) {
    DirectoryDocument document = DirectoryJson.read(call.rawBody());
    DirectoryImported result = diary.importingDirectory().apply(call.member(), document);
    if (result.changedAnything()) {
      cache.invalidate();
      officesChanged.run();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("summary", result.summary());
    answer.put("created", result.created());
    answer.put("updated", result.updated());
    answer.put("unchanged", result.unchanged());
    answer.put("displaced", result.displacements().stream().mapToInt(d -> d.displaced().size()).sum());
    return Reply.ok(answer);
  }
}
