-- 003: the structure of a school year (R12, R15): its study periods per grade
-- range, its holidays and its bell times.  A year (001) belongs to a school;
-- everything here belongs to a year, so closing the year (is_open = 0) makes
-- all of it read-only at once and a closed year keeps the periods, holidays
-- and bells it really had.

-- A span of the year with its own period marks.  The kind depends on the
-- grade (R12): quarters in 1-9 and half-years in 10-11 is the usual Russian
-- pattern, trimesters in some schools; 'year' is a whole-year period for a
-- grade range that has no subdivision.  Periods of overlapping grade ranges
-- must not overlap in time (checked by the screen, which names the conflict;
-- a constraint could not say which period is in the way).
CREATE TABLE IF NOT EXISTS period (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  year_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(50) NOT NULL,             -- «1 четверть», «2 полугодие»
  kind        ENUM('quarter','trimester','half','year') NOT NULL,
  grade_from  TINYINT UNSIGNED NOT NULL,        -- the grade range it applies to
  grade_to    TINYINT UNSIGNED NOT NULL,
  starts_on   DATE NOT NULL,
  ends_on     DATE NOT NULL,
  sort        TINYINT UNSIGNED NOT NULL DEFAULT 0, -- 1, 2, ... by date within the range
  -- One «1 четверть» per range: a second one is a typing mistake.
  UNIQUE KEY (year_id, grade_from, grade_to, name),
  KEY (year_id, starts_on),
  CONSTRAINT period_grades CHECK (grade_from BETWEEN 1 AND 11
      AND grade_to BETWEEN grade_from AND 11),
  CONSTRAINT period_dates CHECK (starts_on <= ends_on),
  FOREIGN KEY (year_id) REFERENCES year (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Каникулы.  Most apply to every grade (1..11 is the default); first-graders
-- have an extra February week, so a holiday has a grade range too.  Days
-- covered neither by a period nor by a holiday are reported as gaps.
CREATE TABLE IF NOT EXISTS holiday (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  year_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(100) NOT NULL,            -- «Осенние каникулы»
  starts_on   DATE NOT NULL,
  ends_on     DATE NOT NULL,
  grade_from  TINYINT UNSIGNED NOT NULL DEFAULT 1,
  grade_to    TINYINT UNSIGNED NOT NULL DEFAULT 11,
  KEY (year_id, starts_on),
  CONSTRAINT holiday_grades CHECK (grade_from BETWEEN 1 AND 11
      AND grade_to BETWEEN grade_from AND 11),
  CONSTRAINT holiday_dates CHECK (starts_on <= ends_on),
  FOREIGN KEY (year_id) REFERENCES year (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Bell times: when lesson number N of a shift starts and ends.  Kept per
-- year rather than per school because schools change them between years
-- (a second shift appears, breaks get longer), and a closed year's journal
-- must still show the times its lessons had.  The school is the year's.
CREATE TABLE IF NOT EXISTS bell (
  year_id     INT UNSIGNED NOT NULL,
  shift       TINYINT UNSIGNED NOT NULL DEFAULT 1, -- 1 or 2 (a second shift)
  number      TINYINT UNSIGNED NOT NULL,        -- lesson number in the day, 1..10
  starts_at   TIME NOT NULL,
  ends_at     TIME NOT NULL,
  PRIMARY KEY (year_id, shift, number),
  CONSTRAINT bell_shift CHECK (shift BETWEEN 1 AND 2),
  CONSTRAINT bell_number CHECK (number BETWEEN 1 AND 10),
  CONSTRAINT bell_times CHECK (starts_at < ends_at),
  FOREIGN KEY (year_id) REFERENCES year (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
