--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- The token buckets that the nodes share when civicdiary.web.rate.shared is on: bucket4j's
-- PostgreSQL proxy manager reads and writes them, one row per limit and client address. The id is
-- a hash of the two, never the address; state is bucket4j's serialised bucket; expires_at (epoch
-- milliseconds) is when the bucket would be full again, after which the row is removed. Created on
-- H2 too so that both engines have one schema, but used on PostgreSQL only.
create table rate_limit_bucket (
  id bigint primary key,
  state bytea,
  expires_at bigint
);

create index rate_limit_bucket_expiry on rate_limit_bucket (expires_at);
