-- 012: the calendar-thematic plan (КТП, R29): per teacher, subject and
-- group, an ordered list of topics with hours, entered before the year
-- starts.  Its total hours are checked against the curriculum; a lesson
-- refers to the topic it covered (lesson.plan_topic_id, 013), which is how
-- the plan knows what is done and how far ahead or behind the group is.
CREATE TABLE IF NOT EXISTS plan_topic (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  year_id     INT UNSIGNED NOT NULL,
  teacher_id  INT UNSIGNED NOT NULL,            -- person (staff)
  subject_id  INT UNSIGNED NOT NULL,
  group_id    INT UNSIGNED NOT NULL,
  number      SMALLINT UNSIGNED NOT NULL,       -- order in the plan, 1, 2, ...
  topic       VARCHAR(500) NOT NULL,
  hours       DECIMAL(4,1) NOT NULL DEFAULT 1.0,
  planned_on  DATE NULL,                        -- the date (week) it is planned for
  is_test     TINYINT(1) NOT NULL DEFAULT 0,    -- a planned test: in the tests schedule
  UNIQUE KEY (group_id, subject_id, teacher_id, number),
  KEY (teacher_id, year_id),
  KEY (group_id, planned_on),
  CONSTRAINT plan_hours CHECK (hours > 0),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (year_id) REFERENCES year (id),
  FOREIGN KEY (teacher_id) REFERENCES person (id),
  FOREIGN KEY (subject_id) REFERENCES subject (id),
  FOREIGN KEY (group_id) REFERENCES `groups` (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
