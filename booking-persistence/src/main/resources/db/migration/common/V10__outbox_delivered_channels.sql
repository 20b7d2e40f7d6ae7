--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- The channels that delivered a message already, so that a retry after another channel failed does
-- not send it on them again: " smtp sms".
alter table outbox_message add column delivered_channels varchar(400) default '' not null;
