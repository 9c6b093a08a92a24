-- 024: the teacher's comment on an «н» (R32, R38), as mark.comment (013)
-- is on a mark: short, optional, shown to the family beside the «н» in
-- the diary and on the marks page.  absence.note stays the class
-- teacher's note on the reason (/absences): another author, another
-- meaning.
ALTER TABLE absence ADD COLUMN IF NOT EXISTS comment VARCHAR(255) NOT NULL DEFAULT ''
  AFTER note;

-- The journal page now reads each mark's comment (the cell's marker):
-- the covering index of 021 takes it, so that the page's read of a
-- period's marks stays in the index.  Two statements, not one ALTER:
-- within one ALTER, ADD KEY IF NOT EXISTS sees the key that the same
-- ALTER drops, skips the add, and leaves no key at all.
ALTER TABLE mark DROP KEY IF EXISTS work_cover;
ALTER TABLE mark
  ADD KEY IF NOT EXISTS work_cover (lesson_work_id, student_id, code, num, set_at, comment);
