--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Sessions end when unused for the idle timeout (idle_until moves on as they are used) or at the
-- end of their lifetime (expires_at); their owner sees them listed by a public id, where and in
-- which browser they were opened, and can end any of them. Sessions opened before this change
-- have none of it: they end now, and everyone signs in once more.
delete from staff_session;
alter table staff_session add column id varchar(32);
alter table staff_session add column last_seen_at timestamp with time zone;
alter table staff_session add column idle_until timestamp with time zone;
alter table staff_session add column client varchar(64);
alter table staff_session add column user_agent varchar(200);
alter table staff_session alter column id set not null;
alter table staff_session alter column last_seen_at set not null;
alter table staff_session alter column idle_until set not null;
alter table staff_session add constraint staff_session_id unique (id);
create index staff_session_owner on staff_session (username);
create index staff_session_idle on staff_session (idle_until);

-- The first administrator's password stood in the settings: their first sign-in may only change it.
alter table staff_account add column must_change_password boolean default false not null;
