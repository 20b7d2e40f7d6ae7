--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- civic-diary schema, shared by PostgreSQL and H2 (PostgreSQL mode).
-- Instants are UTC "timestamp with time zone"; local times of diaries are "time" and "date".
-- Enumerations are upper-case names of the Java enums, guarded by check constraints.

create table office (
  id                     varchar(64)  primary key,
  name_cs                varchar(200) not null,
  name_en                varchar(200) not null,
  zone_id                varchar(64)  not null,
  slot_minutes           integer      not null check (slot_minutes >= 5 and mod(60, slot_minutes) = 0),
  place_name             varchar(200) not null,
  place_address          varchar(300) not null,
  horizon_days           integer      not null check (horizon_days between 1 and 730),
  minimum_notice_seconds bigint       not null check (minimum_notice_seconds >= 0),
  max_open_per_email     integer      not null check (max_open_per_email >= 1),
  topic_max_length       integer      not null check (topic_max_length >= 1),
  retention_days         integer      not null check (retention_days >= 1),
  reminder_lead_seconds  bigint       not null check (reminder_lead_seconds >= 0)
);

create table office_phone (
  office_id    varchar(64)  not null references office (id) on delete cascade,
  ordinal      integer      not null,
  purpose_cs   varchar(200) not null,
  purpose_en   varchar(200) not null,
  phone_number varchar(24)  not null,
  primary key (office_id, ordinal)
);

create table department (
  id            varchar(64)  primary key,
  office_id     varchar(64)  not null references office (id),
  name_cs       varchar(200) not null,
  name_en       varchar(200) not null,
  place_name    varchar(200) not null,
  place_address varchar(300) not null
);
create index department_of_office on department (office_id);

create table official (
  id            varchar(64)  primary key,
  department_id varchar(64)  not null references department (id),
  name          varchar(200) not null,
  room          varchar(200),
  email         varchar(254),
  active        boolean      not null
);
create index official_of_department on official (department_id);

create table agenda (
  id            varchar(64)  primary key,
  department_id varchar(64)  not null references department (id),
  name_cs       varchar(200) not null,
  name_en       varchar(200) not null,
  slots         integer      not null check (slots between 1 and 16)
);
create index agenda_of_department on agenda (department_id);

create table agenda_official (
  agenda_id   varchar(64) not null references agenda (id) on delete cascade,
  official_id varchar(64) not null references official (id),
  primary key (agenda_id, official_id)
);
create index agenda_official_of_official on agenda_official (official_id);

-- An official's weekly bookable windows, in the office's local time, in the order they were saved.
create table diary_window (
  official_id   varchar(64)  not null references official (id),
  ordinal       integer      not null,
  weekday       smallint     not null check (weekday between 1 and 7),
  start_time    time         not null,
  end_time      time         not null,
  valid_from    date         not null,
  valid_until   date,
  on_holidays   boolean      not null,
  place_name    varchar(200),
  place_address varchar(300),
  primary key (official_id, ordinal),
  check (start_time < end_time),
  check (valid_until is null or valid_until >= valid_from),
  check ((place_name is null) = (place_address is null))
);

create table walk_in_hours (
  department_id varchar(64) not null references department (id),
  ordinal       integer     not null,
  weekday       smallint    not null check (weekday between 1 and 7),
  start_time    time        not null,
  end_time      time        not null,
  primary key (department_id, ordinal),
  check (start_time < end_time)
);

create table absence (
  id          uuid                     primary key,
  official_id varchar(64)              not null references official (id),
  start_at    timestamp with time zone not null,
  end_at      timestamp with time zone not null,
  kind        varchar(16)              not null check (kind in ('HOLIDAY', 'ILLNESS', 'TRAINING', 'BLOCK')),
  reason      varchar(500)             not null,
  check (start_at < end_at)
);
-- Absences overlapping a range: those ending after its start are few (the past is not scanned).
create index absence_of_official on absence (official_id, end_at);

create table reservation (
  id              uuid                     primary key,
  department_id   varchar(64)              not null references department (id),
  official_id     varchar(64)              not null references official (id),
  agenda_id       varchar(64)              not null references agenda (id),
  start_at        timestamp with time zone not null,
  end_at          timestamp with time zone not null,
  citizen_name    varchar(200)             not null,
  citizen_email   varchar(254),
  -- The e-mail as compared for the per-address limits (lower case), and the text staff search in
  -- (name, e-mail and phone, lower case): both computed in Java so that every engine compares alike.
  email_key       varchar(254),
  search_text     varchar(500)             not null,
  citizen_phone   varchar(24),
  topic           varchar(2000)            not null,
  channel         varchar(8)               not null check (channel in ('WEB', 'PHONE')),
  language        varchar(2)               not null check (language in ('CS', 'EN')),
  status          varchar(16)              not null
                  check (status in ('ACTIVE', 'DISPLACED', 'CANCELLED', 'COMPLETED', 'NO_SHOW')),
  created_at      timestamp with time zone not null,
  updated_at      timestamp with time zone not null,
  version         integer                  not null check (version >= 0),
  sequence_number integer                  not null check (sequence_number >= 0),
  note            varchar(1000),
  anonymised      boolean                  not null default false,
  check (start_at < end_at),
  -- The longest meeting is Agenda.MAX_SLOTS slots of at most an hour; the busy-time query relies on it.
  check (end_at - start_at <= interval '16' hour),
  check ((citizen_email is null) = (email_key is null))
);
-- Busy time and an official's reservations by time: the range on start_at is bounded on both sides.
create index reservation_of_official on reservation (official_id, start_at, end_at, status);
create index reservation_of_email on reservation (email_key);
-- The worklist (displaced, earliest first) and searches by status.
create index reservation_by_status on reservation (status, start_at);
-- The retention job: reservations still holding personal data, by end.
create index reservation_to_anonymise on reservation (anonymised, end_at);

-- The no-double-booking guard: one row per slot an active reservation holds. The primary key makes a
-- second holder of the same (official, slot start) impossible, whatever the concurrency.
create table held_slot (
  official_id    varchar(64)              not null references official (id),
  slot_start     timestamp with time zone not null,
  reservation_id uuid                     not null references reservation (id),
  primary key (official_id, slot_start)
);
create index held_slot_of_reservation on held_slot (reservation_id);

-- Only hashes of manage tokens; a reservation has one per message sent to the citizen.
create table manage_token (
  token_hash     varchar(128) primary key,
  reservation_id uuid         not null references reservation (id)
);
create index manage_token_of_reservation on manage_token (reservation_id);

-- The Outbox port takes messages about any reservation id, so reservation_id has no foreign key;
-- the use cases write each message in the unit of work of the change that causes it.
create table outbox_message (
  id              uuid                     primary key,
  kind            varchar(32)              not null check (kind in ('CONFIRMATION', 'REMINDER',
                  'CANCELLED_BY_CITIZEN', 'CANCELLED_BY_OFFICE', 'DISPLACED', 'RESCHEDULED')),
  reservation_id  uuid                     not null,
  official_id     varchar(64)              not null references official (id),
  start_at        timestamp with time zone not null,
  end_at          timestamp with time zone not null,
  sequence_number integer                  not null,
  note            varchar(1000),
  created_at      timestamp with time zone not null,
  due_at          timestamp with time zone not null,
  state           varchar(8)               not null check (state in ('PENDING', 'SENT', 'PARKED')),
  attempts        integer                  not null check (attempts >= 0),
  last_error      varchar,
  sent_at         timestamp with time zone
);
-- Workers claim pending messages that are due, earliest first.
create index outbox_message_due on outbox_message (state, due_at);
create index outbox_message_of_reservation on outbox_message (reservation_id);

-- Staff actions: who did what to which record, when, with the record before and after.
create table audit_entry (
  id           bigint generated always as identity primary key,
  recorded_at  timestamp with time zone not null,
  actor        varchar(100)             not null,
  action       varchar(100)             not null,
  subject      varchar(200)             not null,
  before_state varchar,
  after_state  varchar
);

-- First answers to POST requests made with an Idempotency-Key, until they expire.
create table idempotency_record (
  idempotency_key varchar(200)             primary key,
  request_hash    varchar(200)             not null,
  status          integer                  not null check (status between 100 and 599),
  body            varchar                  not null,
  expires_at      timestamp with time zone not null
);
create index idempotency_record_expiry on idempotency_record (expires_at);

create table staff_account (
  username      varchar(100) primary key,
  password_hash varchar      not null,
  staff_role    varchar(16)  not null check (staff_role in ('OPERATOR', 'OFFICIAL', 'ADMIN')),
  official_id   varchar(64)  references official (id),
  active        boolean      not null,
  check (staff_role <> 'OFFICIAL' or official_id is not null)
);

-- Sessions by the hash of their secret, so web nodes sharing the database share sessions.
create table staff_session (
  token_hash varchar(128)             primary key,
  username   varchar(100)             not null references staff_account (username),
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone not null
);
create index staff_session_expiry on staff_session (expires_at);
