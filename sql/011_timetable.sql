-- 011: the weekly timetable and its one-day changes (R15, R22, R32).
--
-- A timetable row is one lesson a week: a group has a subject with a teacher
-- in a room at a lesson number (bell) on a weekday, for a span of dates (the
-- timetable changes during the year: the old row ends the day before the
-- new one starts).  Conflicts (one teacher, one room or one group in two
-- places at the same lesson) are refused by lib/timetable.c, which sees
-- overlapping date spans and groups sharing students; a unique key cannot.
CREATE TABLE IF NOT EXISTS timetable (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  year_id     INT UNSIGNED NOT NULL,
  group_id    INT UNSIGNED NOT NULL,
  subject_id  INT UNSIGNED NOT NULL,
  teacher_id  INT UNSIGNED NOT NULL,            -- person (staff)
  weekday     TINYINT UNSIGNED NOT NULL,        -- 1 Monday .. 6 Saturday
  number      TINYINT UNSIGNED NOT NULL,        -- lesson number in the day
  room        VARCHAR(20) NOT NULL DEFAULT '',  -- «21», «спортзал»
  valid_from  DATE NOT NULL,
  valid_to    DATE NOT NULL,
  KEY (year_id, weekday, number),
  KEY (group_id, weekday),
  KEY (teacher_id, weekday),
  KEY (school_id, room),
  CONSTRAINT timetable_weekday CHECK (weekday BETWEEN 1 AND 7),
  CONSTRAINT timetable_number CHECK (number BETWEEN 1 AND 10),
  CONSTRAINT timetable_dates CHECK (valid_from <= valid_to),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (year_id) REFERENCES year (id),
  FOREIGN KEY (group_id) REFERENCES `groups` (id),
  FOREIGN KEY (subject_id) REFERENCES subject (id),
  FOREIGN KEY (teacher_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A one-day change (замена, перенос) of one timetabled lesson: the lesson of
-- timetable row T on date D is cancelled, or given by another teacher (R22),
-- or in another room, or moved to another day and/or number.  NULL means "as
-- in the timetable".  An extra lesson with no timetable row has timetable_id
-- NULL.  group_id and subject_id are copied from the row so that the diary
-- and the substitute's own week need one indexed lookup, not a join through
-- the timetable.  The day a lesson really happens is COALESCE(new_date,
-- on_date); the journal lets teacher_id write that lesson on that day only.
CREATE TABLE IF NOT EXISTS timetable_change (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  year_id     INT UNSIGNED NOT NULL,
  timetable_id INT UNSIGNED NULL,
  on_date     DATE NOT NULL,                    -- the day of the timetabled lesson
  group_id    INT UNSIGNED NOT NULL,
  subject_id  INT UNSIGNED NOT NULL,
  teacher_id  INT UNSIGNED NULL,                -- the substitute; NULL: as timetabled
  absent_teacher_id INT UNSIGNED NULL,          -- whom the substitute replaces
  is_cancelled TINYINT(1) NOT NULL DEFAULT 0,
  new_date    DATE NULL,                        -- a moved lesson: its new day
  new_number  TINYINT UNSIGNED NULL,            -- ... and/or its new number
  room        VARCHAR(20) NULL,                 -- a room change
  reason      VARCHAR(255) NOT NULL,            -- «болезнь учителя», «экскурсия»
  created_by  INT UNSIGNED NULL,                -- account
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY (timetable_id, on_date),
  KEY (school_id, on_date),
  KEY (group_id, on_date),
  KEY (teacher_id, on_date),
  KEY (group_id, new_date),
  KEY (teacher_id, new_date),
  CONSTRAINT change_number CHECK (new_number IS NULL OR new_number BETWEEN 1 AND 10),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (year_id) REFERENCES year (id),
  FOREIGN KEY (timetable_id) REFERENCES timetable (id),
  FOREIGN KEY (group_id) REFERENCES `groups` (id),
  FOREIGN KEY (subject_id) REFERENCES subject (id),
  FOREIGN KEY (teacher_id) REFERENCES person (id),
  FOREIGN KEY (absent_teacher_id) REFERENCES person (id),
  FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
