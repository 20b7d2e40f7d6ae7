/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.model.MessageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
  @TempDir
  Path folder;

  @Test
  void anIntegratorsFolderIsSearchedFirst() throws Exception {
    Files.createDirectories(folder.resolve("cs"));
    Files.writeString(folder.resolve("cs/confirmation.subject.mustache"), "Praha 6 potvrzuje: {{when}}");
    Files.writeString(folder.resolve("cs/_layout.txt.mustache"), "Vlastní rozvržení\n{{$intro}}{{/intro}}\n{{manageLink}}");
    Templates templates = new Templates(folder);
    Map<String, Object> scope = Map.of("when", "úterý 2. března 2027 v 16:00", "manageLink", "https://x/manage/t",
        "time", "16:00", "endTime", "16:15", "office", "Úřad");

    assertThat(templates.subject(MessageKind.CONFIRMATION, Language.CS, scope))
        .isEqualTo("Praha 6 potvrzuje: úterý 2. března 2027 v 16:00");
    assertThat(templates.text(MessageKind.CONFIRMATION, Language.CS, scope))
        .startsWith("Vlastní rozvržení").contains("děkujeme za rezervaci", "https://x/manage/t");
    assertThat(templates.html(MessageKind.CONFIRMATION, Language.CS, scope)).contains("Vaše schůzka je potvrzena");
    assertThat(templates.subject(MessageKind.CONFIRMATION, Language.EN, scope)).startsWith("Your appointment is confirmed");
  }

  @Test
  void aFolderCannotReachOutsideItself() throws Exception {
    Files.writeString(folder.resolve("secret.mustache"), "secret");
    Templates templates = new Templates(folder.resolve("inner"));
    Files.createDirectories(folder.resolve("inner"));
    assertThat(templates.subject(MessageKind.REMINDER, Language.EN, Map.of("when", "now")))
        .isEqualTo("Reminder of your appointment: now");
  }
}
