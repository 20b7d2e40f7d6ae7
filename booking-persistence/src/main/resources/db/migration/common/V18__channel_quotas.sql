--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Channel quotas: a window may keep a share of each occurrence's slots for the phone (a number of
-- slots or a percentage, never both), released to the web a time before the occurrence begins
-- (the office's rule, two days unless it says otherwise).
alter table diary_window add column phone_slots integer not null default 0;
alter table diary_window add column phone_percent integer not null default 0;
alter table diary_window add constraint diary_window_phone_share
  check (phone_slots >= 0 and phone_percent between 0 and 100 and (phone_slots = 0 or phone_percent = 0));
alter table office add column phone_share_release_seconds bigint not null default 172800;
alter table office add constraint office_phone_share_release check (phone_share_release_seconds >= 0);

-- The web's share of an occurrence not yet released, as seats: a web booking's held slot there
-- takes one seat (0 .. the web's slots - 1) of the occurrence, named by its start. The unique key
-- lets no two held slots take the same seat, so racing web bookings can never hold more than the
-- web's share, on any engine; a seat goes with its held slot when the slot is released.
alter table held_slot add column share_start timestamp with time zone;
alter table held_slot add column share_seat integer;
alter table held_slot add constraint held_slot_share
  check ((share_start is null) = (share_seat is null) and (share_seat is null or share_seat >= 0));
create unique index held_slot_share_seat on held_slot (official_id, share_start, share_seat);
