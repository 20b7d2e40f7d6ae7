--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- The short code a citizen quotes (seven characters of BookingCode.ALPHABET), and the same code in
-- open_code while the reservation is open (ACTIVE or DISPLACED), null once it is closed. The unique
-- index on open_code keeps codes unique among open reservations on both engines (each allows many
-- nulls), without a partial index, which H2 lacks; a closed reservation's code may be drawn again.
alter table reservation add column booking_code varchar(7);
alter table reservation add column open_code varchar(7);

-- Existing reservations get codes that are unique by construction: the row's number n (1, 2, ...)
-- times a constant coprime to 25^7, modulo 25^7, is a different number for every row below 25^7
-- (about 6.1 billion), written as seven base-25 digits of the alphabet. The multiplication scatters
-- the codes so that neighbouring rows' codes do not look alike. New codes are drawn at random by
-- the core, which checks them against the open ones, so they never meet these.
create table booking_code_backfill (
  id     uuid   primary key,
  number bigint not null
);
insert into booking_code_backfill (id, number)
select id, mod(row_number() over (order by created_at, id) * 2654435761, 6103515625)
from reservation;
update reservation
set booking_code = (
  select substr('34679ACDEFGHJKMNPQRTUVWXY', cast(mod(b.number, 25) as integer) + 1, 1)
      || substr('34679ACDEFGHJKMNPQRTUVWXY', cast(mod(b.number / 25, 25) as integer) + 1, 1)
      || substr('34679ACDEFGHJKMNPQRTUVWXY', cast(mod(b.number / 625, 25) as integer) + 1, 1)
      || substr('34679ACDEFGHJKMNPQRTUVWXY', cast(mod(b.number / 15625, 25) as integer) + 1, 1)
      || substr('34679ACDEFGHJKMNPQRTUVWXY', cast(mod(b.number / 390625, 25) as integer) + 1, 1)
      || substr('34679ACDEFGHJKMNPQRTUVWXY', cast(mod(b.number / 9765625, 25) as integer) + 1, 1)
      || substr('34679ACDEFGHJKMNPQRTUVWXY', cast(mod(b.number / 244140625, 25) as integer) + 1, 1)
  from booking_code_backfill b
  where b.id = reservation.id);
drop table booking_code_backfill;
update reservation set open_code = booking_code where status in ('ACTIVE', 'DISPLACED');

alter table reservation alter column booking_code set not null;
create unique index reservation_open_code on reservation (open_code);
-- Staff find any reservation, closed ones too, by its code.
create index reservation_by_code on reservation (booking_code);

-- Officials' private calendar feeds: only the SHA-256 hash of each feed's secret, one feed an
-- official at most (a new one replaces the old).
create table official_feed (
  official_id varchar(64)              primary key references official (id),
  token_hash  varchar(64)              not null unique,
  created_at  timestamp with time zone not null,
  created_by  varchar(100)             not null
);
