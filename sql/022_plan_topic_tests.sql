-- 022: a group's planned tests by date (the diary's and the class's tests
-- schedule, lib/plan.c): with (group_id, planned_on) alone MariaDB may
-- take the (group_id, subject_id, teacher_id, number) key instead and read
-- every topic of the group's plan; this key reads its tests only.
ALTER TABLE plan_topic ADD KEY IF NOT EXISTS group_test_date (group_id, is_test, planned_on);
