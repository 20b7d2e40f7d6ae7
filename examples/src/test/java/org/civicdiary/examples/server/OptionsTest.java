/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civicdiary.examples.server.StandaloneServer.Options;
import org.civicdiary.examples.server.StandaloneServer.Options.Option;
import org.civicdiary.examples.server.StandaloneServer.Options.UsageError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's command line: what {@code --help} says and how a wrong command line is refused. */
class OptionsTest {
  @TempDir Path folder;

  @Test
  void helpListsEveryOptionOnOneLine() {
    String usage = Options.usage();
    assertThat(Options.OPTIONS).extracting(Option::name).contains("--config", "--demo", "--help");
    for (Option option : Options.OPTIONS) {
      String head = option.argument().isEmpty() ? option.name() : option.name() + " " + option.argument();
      assertThat(usage.lines().filter(line -> line.startsWith("  " + head + " ")))
          .as("one line for %s", head).singleElement().asString().contains(option.help());
    }
  }

  @Test
  void everyListedOptionIsAccepted() throws Exception {
    Path config = Files.writeString(folder.resolve("civic-diary.properties"), "civicdiary.web.port=0\n");
    List<String> args = new ArrayList<>();
    for (Option option : Options.OPTIONS) {
      args.add(option.name());
      if (!option.argument().isEmpty()) {
        args.add(config.toString());
      }
    }
    Options options = Options.parse(args.toArray(String[]::new));
    assertThat(options.config()).contains(config);
    assertThat(options.demo()).isTrue();
    assertThat(options.help()).isTrue();
  }

  @Test
  void noOptionsRunTheServerOnTheDefaultFile() {
    Options options = Options.parse();
    assertThat(options.config()).isEmpty();
    assertThat(options.demo()).isFalse();
    assertThat(options.help()).isFalse();
  }

  @Test
  void anUnknownOptionIsAnErrorNamingIt() {
    assertThatThrownBy(() -> Options.parse("--demo", "--port=9000"))
        .isInstanceOf(UsageError.class).hasMessage("unknown option --port=9000");
  }

  @Test
  void configWithoutAFileNamesWhatItNeeds() {
    assertThatThrownBy(() -> Options.parse("--config")).isInstanceOf(UsageError.class)
        .hasMessageContaining("--config needs a value: --config FILE");
    assertThatThrownBy(() -> Options.parse("--config", "--demo")).isInstanceOf(UsageError.class)
        .hasMessageContaining("--config needs a value");
  }

  @Test
  void aConfigFileThatIsNotThereIsNamed() {
    Path missing = folder.resolve("nowhere.properties");
    assertThatThrownBy(() -> Options.parse("--config", missing.toString())).isInstanceOf(UsageError.class)
        .hasMessageContaining("--config").hasMessageContaining(missing.toAbsolutePath().toString());
  }

  @Test
  void helpIsAnsweredEvenBesideABrokenCommandLine() {
    assertThat(Options.parse("--config", folder.resolve("nowhere").toString(), "--help").help()).isTrue();
  }
}
