-- 014: movements between groups and promotion at year end (R16).
-- A transfer order may also move a student from one group of their class
-- to another («англ. 1» → «англ. 2»): a movement of kind group_transfer
-- with the two groups (group_student keeps no history, the movement does).
-- An order of kind promotion («О переводе в следующий класс») carries one
-- movement per student of the year's classes: promotion (to grade + 1 of
-- the next year), repetition (the same grade next year) or graduation
-- (out of the school, access ended, history kept).
ALTER TABLE school_order
  MODIFY kind ENUM('enrolment','transfer','withdrawal','dismissal','other',
                   'promotion') NOT NULL;

ALTER TABLE movement
  MODIFY kind ENUM('enrolment','transfer','withdrawal','dismissal',
                   'group_transfer','promotion','repetition','graduation')
         NOT NULL,
  ADD COLUMN IF NOT EXISTS from_group_id INT UNSIGNED NULL AFTER to_class_id,
  ADD COLUMN IF NOT EXISTS to_group_id INT UNSIGNED NULL AFTER from_group_id,
  -- The keys and constraints named as the first run of this file named
  -- them (ADD FOREIGN KEY without names), so that a re-run finds them.
  ADD KEY IF NOT EXISTS from_group_id (from_group_id),
  ADD KEY IF NOT EXISTS to_group_id (to_group_id),
  ADD CONSTRAINT movement_ibfk_6 FOREIGN KEY IF NOT EXISTS (from_group_id)
    REFERENCES `groups` (id),
  ADD CONSTRAINT movement_ibfk_7 FOREIGN KEY IF NOT EXISTS (to_group_id)
    REFERENCES `groups` (id);
