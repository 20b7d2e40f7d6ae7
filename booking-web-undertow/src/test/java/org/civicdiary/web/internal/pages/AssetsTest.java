/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.web.internal.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.civicdiary.web.internal.pages.Assets.Asset;
import org.junit.jupiter.api.Test;

/** Content hashes, the rewriting of references to hashed names, and the gzip copies. */
class AssetsTest {
  private static final String KIT = "/static/kit/kit.js";
  private static final String CONSOLE = "/static/console/console.js";
  private static final String PAGE = "/console/index.html";

  private static Assets office(String kit) {
    Map<String, byte[]> sources = new LinkedHashMap<>();
    sources.put(PAGE, bytes("<script type=\"module\" src=\"../static/console/console.js\"></script>"
        + "<a href=\"../static/missing.js\">"));
    sources.put(CONSOLE, bytes("import { el } from '../kit/kit.js';\nconst lazy = () => import(\"../kit/kit.js\");\n"
        + "const text = 'kit.js';\n" + "x".repeat(2000)));
    sources.put(KIT, bytes(kit));
    return Assets.of(sources);
  }

  @Test
  void importsAndPageReferencesAreRewrittenToTheHashedNames() {
    Assets assets = office("export const el = 1;");
    Asset kit = assets.plain(KIT).orElseThrow();
    Asset console = assets.plain(CONSOLE).orElseThrow();
    String kitName = "kit." + kit.hash() + ".js";

    assertThat(kit.hashedPath()).isEqualTo("/static/kit/" + kitName);
    assertThat(text(console)).contains("from '../kit/" + kitName + "'", "import(\"../kit/" + kitName + "\")")
        .as("only relative specifiers are references").contains("'kit.js'");
    assertThat(text(assets.plain(PAGE).orElseThrow()))
        .contains("src=\"../static/console/console." + console.hash() + ".js\"")
        .as("an unknown file is left as written").contains("href=\"../static/missing.js\"");
    assertThat(assets.hashed(console.hashedPath())).contains(console);
    assertThat(assets.hashed("/static/kit/kit.0123456789.js")).isEmpty();
  }

  @Test
  void aChangedModuleChangesTheHashOfEveryFileThatImportsIt() {
    Assets before = office("export const el = 1;");
    Assets after = office("export const el = 2;");

    for (String path : new String[] {KIT, CONSOLE, PAGE}) {
      assertThat(after.plain(path).orElseThrow().hash()).as(path)
          .isNotEqualTo(before.plain(path).orElseThrow().hash());
    }
    assertThat(office("export const el = 1;").plain(PAGE).orElseThrow().hash())
        .as("the same content, the same hash").isEqualTo(before.plain(PAGE).orElseThrow().hash());
  }

  @Test
  void textIsCompressedOnceAndDecompressesToTheSameBytes() throws IOException {
    Asset console = office("export const el = 1;").plain(CONSOLE).orElseThrow();
    assertThat(console.type()).isEqualTo("text/javascript;charset=utf-8");
    assertThat(console.gzip().length).isLessThan(console.body().length / 4);
    try (var in = new GZIPInputStream(new ByteArrayInputStream(console.gzip()))) {
      assertThat(in.readAllBytes()).isEqualTo(console.body());
    }
    assertThat(office("").plain(KIT).orElseThrow().gzip()).as("no copy that is larger than the file").isNull();
  }

  @Test
  void filesThatImportEachOtherInACycleAreRefusedAtStart() {
    Map<String, byte[]> sources = Map.of(
        "/static/a.js", bytes("import './b.js';"),
        "/static/b.js", bytes("import './a.js';"));
    assertThatThrownBy(() -> Assets.of(sources)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
  }

  @Test
  void thePagesFilesAreListedFromTheClassPath() {
    assertThat(Assets.list("org/civicdiary/web/static"))
        .contains("widget/civic-diary-booking.js", "widget/civic-diary-booking.css", "console/console.js");
  }


  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Asset asset) {
    return new String(asset.body(), StandardCharsets.UTF_8);
  }
}
