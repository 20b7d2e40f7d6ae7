--
-- SPDX-FileCopyrightText: The civic-diary authors
-- SPDX-License-Identifier: EUPL-1.2
--

-- Statistics count a department's reservations by the start's week, and staff search by department:
-- both read a range of start_at within one department.
create index reservation_of_department on reservation (department_id, start_at);
