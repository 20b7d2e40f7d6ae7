/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
package org.civicdiary.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdiary.testkit.contract.Fixtures.DVORAK;
import static org.civicdiary.testkit.contract.Fixtures.NOVAK;
import static org.civicdiary.testkit.contract.Fixtures.NOW;
import static org.civicdiary.testkit.contract.Fixtures.SLOT;
import static org.civicdiary.testkit.contract.Fixtures.reservation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.civicdiary.booking.error.NotFound;
import org.civicdiary.booking.error.NotPermitted;
import org.civicdiary.booking.model.FeedToken;
import org.civicdiary.booking.model.OfficialFeed;
import org.civicdiary.booking.model.OfficialId;
import org.civicdiary.booking.model.Reservation;
import org.civicdiary.booking.model.Role;
import org.civicdiary.booking.model.StaffMember;
import org.civicdiary.booking.model.Status;
import org.civicdiary.booking.port.Storage;
import org.civicdiary.booking.usecase.CivicDiary;
import org.civicdiary.booking.usecase.SharingCalendars.CalendarFeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Officials' calendar feeds in the store and through the use case: one feed an official, found by
 * its hash only, gone at once when revoked or replaced; only the official makes theirs, and the
 * official or an administrator revokes it. An adapter's test extends this class.
 */
public abstract class OfficialFeedsContract {
  protected static final StaffMember NOVAK_HIMSELF = new StaffMember("novak", Role.OFFICIAL, NOVAK);
  protected static final StaffMember DVORAK_HERSELF = new StaffMember("dvorak", Role.OFFICIAL, DVORAK);
  protected static final StaffMember OPERATOR = new StaffMember("operator", Role.OPERATOR, null);
  protected static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null);
  private static final SecureRandom RANDOM = new SecureRandom();
  protected Storage storage;
  protected CivicDiary diary;

  /** A storage holding no data at all, new (or emptied) for each test. */
  protected abstract Storage emptyStorage();

  @BeforeEach
  void loadFixtures() {
    storage = emptyStorage();
    new Fixtures(storage).load();
    diary = CivicDiary.builder().storage(storage).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  private static OfficialFeed feed(OfficialId official, FeedToken token) {
    return new OfficialFeed(official, token.hash(), NOW.truncatedTo(ChronoUnit.MICROS), "novak");
  }

  private void replace(OfficialFeed feed) {
    storage.transactions().run(() -> storage.officialFeeds().replace(feed));
  }

  @Test
  void aFeedIsFoundByItsHashAndByItsOfficial() {
    FeedToken token = FeedToken.generate(RANDOM);
    OfficialFeed feed = feed(NOVAK, token);
    replace(feed);
    assertThat(storage.officialFeeds().byTokenHash(token.hash())).contains(feed);
    assertThat(storage.officialFeeds().ofOfficial(NOVAK)).contains(feed);
    assertThat(storage.officialFeeds().ofOfficial(DVORAK)).isEmpty();
    assertThat(storage.officialFeeds().byTokenHash(FeedToken.generate(RANDOM).hash())).isEmpty();
  }

  @Test
  void aNewFeedReplacesTheOldOneAndRevokingRemovesIt() {
    FeedToken first = FeedToken.generate(RANDOM);
    FeedToken second = FeedToken.generate(RANDOM);
    replace(feed(NOVAK, first));
    replace(feed(NOVAK, second));
    assertThat(storage.officialFeeds().byTokenHash(first.hash())).isEmpty();
    assertThat(storage.officialFeeds().byTokenHash(second.hash())).isPresent();
    assertThat(storage.transactions().inTransaction(() -> storage.officialFeeds().revoke(NOVAK))).isTrue();
    assertThat(storage.officialFeeds().byTokenHash(second.hash())).isEmpty();
    assertThat(storage.officialFeeds().ofOfficial(NOVAK)).isEmpty();
    assertThat(storage.transactions().inTransaction(() -> storage.officialFeeds().revoke(NOVAK))).isFalse();
  }

  @Test
  void aFeedOfNoOfficialIsRefused() {
    assertThatThrownBy(() -> replace(feed(OfficialId.of("nobody"), FeedToken.generate(RANDOM))))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void onlyTheOfficialMakesTheirFeedAndItOpensTheirDiary() {
    assertThatThrownBy(() -> diary.sharingCalendars().create(DVORAK_HERSELF, NOVAK)).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.sharingCalendars().create(OPERATOR, NOVAK)).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.sharingCalendars().create(ADMIN, NOVAK)).isInstanceOf(NotPermitted.class);
    assertThat(storage.officialFeeds().ofOfficial(NOVAK)).as("nothing changed").isEmpty();

    FeedToken token = diary.sharingCalendars().create(NOVAK_HIMSELF, NOVAK);
    assertThat(storage.officialFeeds().byTokenHash(token.hash())).map(OfficialFeed::createdBy).contains("novak");
    assertThat(diary.sharingCalendars().read(FeedToken.parse(token.value())).official().id()).isEqualTo(NOVAK);
    assertThat(diary.sharingCalendars().feed(NOVAK_HIMSELF, NOVAK)).isPresent();
    assertThat(diary.sharingCalendars().feed(ADMIN, NOVAK)).isPresent();
    assertThatThrownBy(() -> diary.sharingCalendars().feed(OPERATOR, NOVAK)).isInstanceOf(NotPermitted.class);
  }

  @Test
  void theOfficialOrAnAdministratorRevokesAndARevokedTokenIsNotFound() {
    FeedToken token = diary.sharingCalendars().create(NOVAK_HIMSELF, NOVAK);
    assertThatThrownBy(() -> diary.sharingCalendars().revoke(DVORAK_HERSELF, NOVAK)).isInstanceOf(NotPermitted.class);
    assertThatThrownBy(() -> diary.sharingCalendars().revoke(OPERATOR, NOVAK)).isInstanceOf(NotPermitted.class);
    assertThat(diary.sharingCalendars().revoke(ADMIN, NOVAK)).isTrue();
    assertThatThrownBy(() -> diary.sharingCalendars().read(token)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> diary.sharingCalendars().read(FeedToken.generate(RANDOM))).isInstanceOf(NotFound.class);
    FeedToken again = diary.sharingCalendars().create(NOVAK_HIMSELF, NOVAK);
    assertThat(diary.sharingCalendars().revoke(NOVAK_HIMSELF, NOVAK)).isTrue();
    assertThatThrownBy(() -> diary.sharingCalendars().read(again)).isInstanceOf(NotFound.class);
  }

  @Test
  void theFeedReachesAMonthBackAndToTheHorizonCancelledOnesIncluded() {
    Instant lastMonth = Fixtures.slot(0).minus(Duration.ofDays(28));
    Instant tooOld = Fixtures.slot(0).minus(Duration.ofDays(35));
    Reservation old = reservation(NOVAK, lastMonth, 1, "old@example.cz", Status.COMPLETED);
    Reservation ancient = reservation(NOVAK, tooOld, 1, "ancient@example.cz", Status.COMPLETED);
    Reservation active = reservation(NOVAK, Fixtures.slot(0), "active@example.cz");
    Reservation cancelled = reservation(NOVAK, Fixtures.slot(1), 1, "gone@example.cz", Status.CANCELLED);
    Reservation colleague = reservation(DVORAK, Fixtures.slot(2), "other@example.cz");
    storage.transactions().run(() -> {
      for (Reservation r : java.util.List.of(old, ancient, active, cancelled, colleague)) {
        storage.reservations().add(r, SLOT);
      }
    });
    FeedToken token = diary.sharingCalendars().create(NOVAK_HIMSELF, NOVAK);
    CalendarFeed feed = diary.sharingCalendars().read(token);
    assertThat(feed.reservations()).extracting(Reservation::id)
        .containsExactly(old.id(), active.id(), cancelled.id());
    assertThat(feed.agendas()).containsKey(active.agenda());
    assertThat(feed.office().zone()).isEqualTo(Fixtures.office().zone());
  }
}
