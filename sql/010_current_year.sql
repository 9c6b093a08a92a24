-- 010: the school's current year, defined once.  Several years may be open
-- at a time (next year is set up while this one runs); screens that mean
-- "this year" (class lists, the teacher's classes, new classes) take the
-- latest open year that has already started, or, before any has started,
-- the earliest open one.
CREATE OR REPLACE VIEW current_year AS
SELECT y.school_id, y.id AS year_id
FROM year y
WHERE y.is_open = 1
  AND y.starts_on = (
    SELECT MAX(y2.starts_on) FROM year y2
    WHERE y2.school_id = y.school_id AND y2.is_open = 1
      AND y2.starts_on <= GREATEST(CURDATE(),
        (SELECT MIN(y3.starts_on) FROM year y3
         WHERE y3.school_id = y.school_id AND y3.is_open = 1)));
