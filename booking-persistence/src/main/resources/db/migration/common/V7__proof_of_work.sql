--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Proof of work on public writes. A solved challenge is spent once: its row refuses a second use on
-- every node until it expires (after that its signature check refuses it anyway).
create table spent_challenge (
  challenge  varchar(64)              primary key,
  expires_at timestamp with time zone not null
);
create index spent_challenge_expiry on spent_challenge (expires_at);

-- The key that signs challenges when the settings name none: the first node to start stores one.
create table challenge_key (
  id       integer      primary key check (id = 1),
  hmac_key varchar(200) not null
);

-- Integrations' API keys, which spare their public writes the proof of work: only the SHA-256 hash
-- of a key is kept.
create table api_key (
  id         varchar(64)              primary key,
  name       varchar(100)             not null,
  prefix     varchar(16)              not null,
  key_hash   varchar(128)             not null unique,
  created_at timestamp with time zone not null,
  last_used  timestamp with time zone,
  revoked_at timestamp with time zone
);
