--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- The waiting list. An offered time is held by a reservation of status HELD (RELEASED when the
-- offer ends untaken), so the held_slot key guards offers as it guards bookings.

-- New statuses and message kinds. The V1 check constraints have no names both engines share, so the
-- columns are replaced (which drops their checks on PostgreSQL and H2 alike) and checked anew by name.
alter table reservation add column status_new varchar(16);
update reservation set status_new = status;
drop index reservation_of_official;
drop index reservation_by_status;
alter table reservation drop column status;
alter table reservation rename column status_new to status;
alter table reservation alter column status set not null;
alter table reservation add constraint reservation_status_check
  check (status in ('ACTIVE', 'DISPLACED', 'CANCELLED', 'COMPLETED', 'NO_SHOW', 'HELD', 'RELEASED'));
create index reservation_of_official on reservation (official_id, start_at, end_at, status);
create index reservation_by_status on reservation (status, start_at);

alter table outbox_message add column kind_new varchar(32);
update outbox_message set kind_new = kind;
alter table outbox_message drop column kind;
alter table outbox_message rename column kind_new to kind;
alter table outbox_message alter column kind set not null;
alter table outbox_message add constraint outbox_message_kind_check
  check (kind in ('CONFIRMATION', 'REMINDER', 'CANCELLED_BY_CITIZEN', 'CANCELLED_BY_OFFICE', 'DISPLACED',
                  'RESCHEDULED', 'WAITING_LIST_CONFIRMATION', 'WAITING_LIST_OFFER'));

create table waiting_list_entry (
  id             uuid                     primary key,
  department_id  varchar(64)              not null references department (id),
  official_id    varchar(64)              references official (id),
  agenda_id      varchar(64)              not null references agenda (id),
  first_day      date                     not null,
  last_day       date                     not null,
  range_start    timestamp with time zone not null,
  range_end      timestamp with time zone not null,
  citizen_name   varchar(200)             not null,
  citizen_email  varchar(254),
  -- The e-mail as compared for the per-address limits (lower case), computed in Java.
  email_key      varchar(254),
  citizen_phone  varchar(24),
  topic          varchar(2000)            not null,
  channel        varchar(8)               not null check (channel in ('WEB', 'PHONE')),
  language       varchar(2)               not null check (language in ('CS', 'EN')),
  status         varchar(16)              not null check (status in ('UNCONFIRMED', 'ACTIVE', 'OFFERED', 'TAKEN',
                                                                    'DECLINED', 'LAPSED', 'EXPIRED', 'WITHDRAWN')),
  created_at     timestamp with time zone not null,
  updated_at     timestamp with time zone not null,
  hold_id        uuid                     references reservation (id),
  hold_until     timestamp with time zone,
  version        integer                  not null check (version >= 0),
  check (first_day <= last_day),
  check (range_start < range_end),
  check ((status = 'OFFERED') = (hold_id is not null and hold_until is not null)),
  check ((citizen_email is null) = (email_key is null))
);
-- The matcher's question: the waiting entries of an official or a department, first come first.
create index waiting_list_entry_waiting on waiting_list_entry (status, department_id, created_at);
create index waiting_list_entry_of_email on waiting_list_entry (email_key);
create index waiting_list_entry_of_hold on waiting_list_entry (hold_id);

-- Only hashes of the confirmation links' tokens; one per message sent.
create table waiting_list_token (
  token_hash varchar(128) primary key,
  entry_id   uuid         not null references waiting_list_entry (id)
);
create index waiting_list_token_of_entry on waiting_list_token (entry_id);

-- Notes of time that may have been freed, written with the change that freed it, removed by the
-- matcher in the unit of work that offers it.
create table freed_time (
  id          uuid                     primary key,
  official_id varchar(64)              not null references official (id),
  start_at    timestamp with time zone not null,
  end_at      timestamp with time zone not null,
  recorded_at timestamp with time zone not null,
  check (start_at < end_at)
);
create index freed_time_by_age on freed_time (recorded_at);
