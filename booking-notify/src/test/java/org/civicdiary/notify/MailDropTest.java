/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.notify.Town.TUESDAY_16;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.civicdiary.booking.model.Language;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.settings.InvalidSetting;
import org.civicdiary.booking.settings.Settings;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.Housekeeping;
import org.civicdiary.booking.usecase.HousekeepingRun;
import org.civicdiary.guice.CoreModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's default: messages as .eml files, listed newest first for a dev mailbox page. */
class MailDropTest {
  @TempDir
  Path folder;

  @Test
  void writesEachMessageAsAFileAndListsThemNewestFirst() throws Exception {
    Town town = new Town();
    Injector injector = Guice.createInjector(new NotifyModule(Settings.of(Map.of(
        "civicdiary.mail.drop.folder", folder.toString(),
        "civicdiary.notify.public-base-url", "https://diar.praha6.example/"))), host(town));
    assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<Notifier>>() {})))
        .extracting(Notifier::name).containsExactly("mail-drop");
    MailDrop drop = injector.getInstance(Key.get(new TypeLiteral<Optional<MailDrop>>() {})).orElseThrow();
    OutboxDispatcher dispatcher = injector.getInstance(OutboxDispatcher.class);

    town.bookHorse(TUESDAY_16, Language.CS);
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    town.clock.advance(Duration.ofMinutes(1));
    town.book(TUESDAY_16.plus(Duration.ofMinutes(15)), "Eva Malá", "eva@example.cz", "Pas", Language.EN);
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.sorted().toList();
    }
    assertThat(files).hasSize(2).allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".eml"));

    List<DroppedMail> newest = drop.newest(10);
    assertThat(newest).hasSize(2);
    assertThat(newest.get(0).at()).isAfterOrEqualTo(newest.get(1).at());
    // Written within a millisecond of each other, still in the order written.
    assertThat(newest.get(0).to()).contains("eva@example.cz");
    DroppedMail english = newest.stream().filter(m -> m.to().contains("eva@example.cz")).findFirst().orElseThrow();
    assertThat(english.subject()).isEqualTo("Your appointment is confirmed: Tuesday 2 March 2027 at 16:15");
    assertThat(english.messageId()).isEqualTo("<" + english.id() + "@civicdiary.localhost>");
    assertThat(drop.newest(1)).hasSize(1);

    DroppedMail.Content czech = drop.open(newest.stream().filter(m -> m.to().contains("kun@example.cz"))
        .findFirst().orElseThrow().id()).orElseThrow();
    assertThat(czech.mail().subject()).isEqualTo("Potvrzení schůzky: úterý 2. března 2027 v 16:00");
    assertThat(czech.text()).contains("Příliš žluťoučký kůň úpěl ďábelské ódy", "https://diar.praha6.example/manage/");
    assertThat(czech.html()).contains("<html lang=\"cs\">");
    assertThat(czech.calendar()).contains("METHOD:REQUEST");

    assertThat(drop.open("../../etc/passwd")).isEmpty();
    assertThat(drop.open("00000000-0000-0000-0000-000000000000")).isEmpty();
  }

  @Test
  void housekeepingRemovesMessageFilesOlderThanTheirPeriodAndNothingElse() throws Exception {
    Town town = new Town();
    Injector injector = Guice.createInjector(new NotifyModule(Settings.of(Map.of(
        "civicdiary.mail.drop.folder", folder.toString(),
        NotifyModule.MAIL_DROP_AFTER, "P3D"))), host(town));
    town.bookHorse(TUESDAY_16, Language.CS);
    town.book(TUESDAY_16.plus(Duration.ofMinutes(15)), "Eva Malá", "eva@example.cz", "Pas", Language.EN);
    assertThat(injector.getInstance(OutboxDispatcher.class).dispatchOnce()).isEqualTo(2);
    MailDrop drop = injector.getInstance(Key.get(new TypeLiteral<Optional<MailDrop>>() {})).orElseThrow();
    List<DroppedMail> mails = drop.newest(10);
    Path old = folder.resolve(mails.get(0).id() + ".eml");
    // File times are the file system's, so the test ages the file rather than the clock.
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(3)).minusSeconds(60)));
    Path foreign = Files.writeString(folder.resolve("notes.txt"), "someone's leftover");
    Files.setLastModifiedTime(foreign, FileTime.from(Instant.EPOCH));

    HousekeepingRun run = injector.getInstance(Housekeeping.class).run();

    assertThat(run.count("mail-drop-files")).isOne();
    assertThat(old).doesNotExist();
    assertThat(drop.newest(10)).extracting(DroppedMail::id).containsExactly(mails.get(1).id());
    assertThat(foreign).exists();
  }

  @Test
  void aBadMailDropPeriodIsRefusedNamingItsKey() {
    assertThatThrownBy(() -> new NotifyModule(Settings.of(Map.of(NotifyModule.MAIL_DROP_AFTER, "PT0S"))))
        .isInstanceOf(InvalidSetting.class)
        .hasMessageContaining(NotifyModule.MAIL_DROP_AFTER);
  }

  @Test
  void anEmptyOrMissingFolderListsNothing() {
    MailConfig config = MailConfig.from(Settings.of(Map.of("civicdiary.mail.drop.folder",
        folder.resolve("not-yet").toString())));
    assertThat(new FileMailDrop(config, new Town().clock).newest(10)).isEmpty();
  }

  static AbstractModule host(Town town) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(Storage.class).toInstance(town.storage);
        OptionalBinder.newOptionalBinder(binder(), CoreModule.CLOCK).setBinding().toInstance(town.clock);
        OptionalBinder.newOptionalBinder(binder(), CivicDiary.class).setBinding().toInstance(town.diary);
      }
    };
  }
}
