--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Whether the officials' private calendar feeds name the citizen: an office's rule now, no longer
-- the deployment's setting civicdiary.feed.citizen-names. Off for every existing office: a feed is
-- a copy of personal data on phones and cloud calendars, so an office must allow it on purpose.
alter table office add column feed_shows_citizen_names boolean default false not null;
