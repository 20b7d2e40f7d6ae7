--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Integrators' endpoints for signed reservation events. The secrets are kept as they are, not
-- hashed: signing with HMAC needs the key itself.
create table webhook_endpoint (
  id                    uuid                     primary key,
  url                   varchar(2000)            not null,
  description           varchar(200),
  -- The wire names with a comma on each side (",reservation.created,reservation.moved,"), so that
  -- publishing finds the subscribers with one LIKE on both engines.
  event_types           varchar(400)             not null,
  personal_data         boolean                  not null,
  active                boolean                  not null,
  secret                varchar(200)             not null,
  previous_secret       varchar(200),
  previous_secret_until timestamp with time zone,
  created_at            timestamp with time zone not null,
  updated_at            timestamp with time zone not null
);

-- One event on its way to one endpoint, then its line in the endpoint's delivery log. The event's
-- fields are kept as they were when it happened; personal data is read from the reservation when sent.
create table webhook_delivery (
  id               bigint generated always as identity primary key,
  endpoint_id      uuid                     not null references webhook_endpoint (id) on delete cascade,
  event_id         varchar(64)              not null,
  event_type       varchar(32)              not null,
  reservation_id   uuid                     not null,
  department_id    varchar(64)              not null,
  official_id      varchar(64)              not null,
  agenda_id        varchar(64)              not null,
  start_at         timestamp with time zone not null,
  end_at           timestamp with time zone not null,
  office_zone      varchar(64)              not null,
  status           varchar(16)              not null,
  channel          varchar(8)               not null,
  occurred_at      timestamp with time zone not null,
  state            varchar(16)              not null check (state in ('PENDING', 'DELIVERED', 'GIVEN_UP')),
  attempts         integer                  not null check (attempts >= 0),
  due_at           timestamp with time zone not null,
  last_attempt_at  timestamp with time zone,
  last_status      integer,
  last_error       varchar(500),
  last_duration_ms bigint
);
-- Workers claim pending deliveries that are due, lowest id first.
create index webhook_delivery_due on webhook_delivery (state, due_at);
-- A pending delivery holds up the later ones of its endpoint and reservation; the log reads by endpoint.
create index webhook_delivery_line on webhook_delivery (endpoint_id, reservation_id, id);
create index webhook_delivery_log on webhook_delivery (endpoint_id, id);
