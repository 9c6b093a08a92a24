-- 023: the school of a staff row, so that a school's staff is read by key.
-- Counting or listing a school's staff went through person.school_id and
-- read every person of the school (or every staff row of a district):
-- the admin's /home took 2x as long on 100 schools as on one (issue 7).
-- The column is filled from the person by a trigger, never by the code.
ALTER TABLE staff ADD COLUMN IF NOT EXISTS school_id INT UNSIGNED NOT NULL DEFAULT 0
  AFTER person_id;
UPDATE staff s JOIN person p ON p.id = s.person_id SET s.school_id = p.school_id;
ALTER TABLE staff ADD KEY IF NOT EXISTS school_dismissed (school_id, dismissed_on),
  ADD CONSTRAINT staff_ibfk_2 FOREIGN KEY IF NOT EXISTS (school_id)
    REFERENCES school (id);
CREATE OR REPLACE TRIGGER staff_school BEFORE INSERT ON staff FOR EACH ROW
  SET NEW.school_id = (SELECT p.school_id FROM person p WHERE p.id = NEW.person_id);
