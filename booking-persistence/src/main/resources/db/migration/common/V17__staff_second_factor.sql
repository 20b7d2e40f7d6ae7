--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- A staff member's authenticator app (TOTP, RFC 6238). The secret is kept as it is: the server
-- computes the same codes from it. last_step is the time step of the last code accepted, so that
-- a code is good once; -1 before the first.
create table staff_second_factor (
  username  varchar(100)             primary key references staff_account (username),
  secret    varchar(64)              not null,
  active    boolean                  not null,
  last_step bigint                   not null,
  since     timestamp with time zone not null
);

-- Recovery codes for a lost phone: SHA-256 hashes only, each deleted when used.
create table staff_recovery_code (
  username  varchar(100) not null references staff_account (username),
  code_hash varchar(64)  not null,
  primary key (username, code_hash)
);

-- Sign-ins whose password was right and which wait for the code, by the hash of their token.
create table staff_second_step (
  token_hash varchar(64)              primary key,
  username   varchar(100)             not null references staff_account (username),
  expires_at timestamp with time zone not null
);
create index staff_second_step_expiry on staff_second_step (expires_at);
