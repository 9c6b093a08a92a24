-- 020: lessons of a group by date, whatever the subject: the diary's week,
-- the tests schedule and the journal's remarks look them up this way (the
-- (group_id, subject_id, on_date) key cannot range on the date alone).
ALTER TABLE lesson ADD KEY IF NOT EXISTS group_date (group_id, on_date);
