-- 013: the teachers' journal (ЭЖ, R19-R28): lessons, their forms of work
-- (mark columns), marks, absences, individual homework and period marks.

-- Forms of work (R19) with their weights in the weighted average; each
-- school has its own list, which the administrator edits.  A new school
-- starts from the built-in list (the trigger below), so no code path that
-- creates a school can forget it.
CREATE TABLE IF NOT EXISTS work_kind_builtin (
  name        VARCHAR(100) NOT NULL PRIMARY KEY,
  short_name  VARCHAR(12) NOT NULL,
  weight      DECIMAL(3,1) NOT NULL,
  needs_topic TINYINT(1) NOT NULL,
  is_test     TINYINT(1) NOT NULL,
  sort        INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO work_kind_builtin VALUES
  ('Ответ на уроке',            'отв',   1.0, 0, 0, 10),
  ('Домашняя работа',           'дз',    1.0, 0, 0, 20),
  ('Самостоятельная работа',    'с/р',   1.5, 0, 0, 30),
  ('Диктант',                   'дикт',  1.5, 0, 0, 40),
  ('Тест',                      'тест',  1.5, 0, 0, 50),
  ('Лабораторная работа',       'л/р',   1.5, 1, 0, 60),
  ('Практическая работа',       'п/р',   1.5, 1, 0, 70),
  ('Сочинение',                 'соч',   2.0, 1, 1, 80),
  ('Изложение',                 'изл',   2.0, 1, 1, 90),
  ('Контрольная работа',        'к/р',   2.0, 1, 1, 100),
  ('Проверочная работа',        'пров',  1.5, 1, 1, 110),
  ('Зачёт',                     'зачёт', 2.0, 1, 1, 120);

CREATE TABLE IF NOT EXISTS work_kind (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  name        VARCHAR(100) NOT NULL,
  short_name  VARCHAR(12) NOT NULL,             -- the column header
  weight      DECIMAL(3,1) NOT NULL DEFAULT 1.0,
  needs_topic TINYINT(1) NOT NULL DEFAULT 0,    -- R20: must name its topic
  is_test     TINYINT(1) NOT NULL DEFAULT 0,    -- counts in the tests schedule
  sort        INT NOT NULL DEFAULT 0,
  is_archived TINYINT(1) NOT NULL DEFAULT 0,    -- old lessons keep referring to it
  UNIQUE KEY (school_id, name),
  CONSTRAINT work_weight CHECK (weight > 0 AND weight <= 10),
  FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO work_kind (school_id, name, short_name, weight, needs_topic,
    is_test, sort)
  SELECT s.id, b.name, b.short_name, b.weight, b.needs_topic, b.is_test, b.sort
  FROM school s CROSS JOIN work_kind_builtin b;

CREATE OR REPLACE TRIGGER school_work_kinds AFTER INSERT ON school FOR EACH ROW
  INSERT INTO work_kind (school_id, name, short_name, weight, needs_topic,
      is_test, sort)
    SELECT NEW.id, b.name, b.short_name, b.weight, b.needs_topic, b.is_test,
      b.sort FROM work_kind_builtin b;

-- One held lesson (R19): who gave it (the substitute when substituted, R22,
-- with the absent teacher in substitute_for), when, what it was about.
-- created_at and homework_at are what the deadline reports (R23) compare
-- with on_date and the teacher's last lesson of the day.
CREATE TABLE IF NOT EXISTS lesson (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  year_id     INT UNSIGNED NOT NULL,
  group_id    INT UNSIGNED NOT NULL,
  subject_id  INT UNSIGNED NOT NULL,
  teacher_id  INT UNSIGNED NOT NULL,            -- person who gave it
  substitute_for INT UNSIGNED NULL,             -- person replaced (R22)
  on_date     DATE NOT NULL,
  number      TINYINT UNSIGNED NULL,            -- in the day; from the timetable
  topic       VARCHAR(500) NOT NULL,
  covered     TEXT NOT NULL DEFAULT '',         -- what was covered
  homework    TEXT NOT NULL DEFAULT '',         -- for the whole group
  homework_at DATETIME NULL,                    -- when the homework was first set
  plan_topic_id INT UNSIGNED NULL,              -- the КТП topic it covered (R29)
  created_by  INT UNSIGNED NULL,                -- account
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (group_id, subject_id, on_date),
  KEY (teacher_id, on_date),
  KEY (school_id, on_date),
  KEY (plan_topic_id),
  CONSTRAINT lesson_number CHECK (number IS NULL OR number BETWEEN 1 AND 10),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (year_id) REFERENCES year (id),
  FOREIGN KEY (group_id) REFERENCES `groups` (id),
  FOREIGN KEY (subject_id) REFERENCES subject (id),
  FOREIGN KEY (teacher_id) REFERENCES person (id),
  FOREIGN KEY (substitute_for) REFERENCES person (id),
  FOREIGN KEY (plan_topic_id) REFERENCES plan_topic (id),
  FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A mark column of a lesson (R19): one per form of work, created with the
-- lesson.  topic is the work's own topic where the regulation wants one
-- (R20: «Контрольная работа по теме „Дроби“», never a bare number).
CREATE TABLE IF NOT EXISTS lesson_work (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lesson_id   INT UNSIGNED NOT NULL,
  work_kind_id INT UNSIGNED NOT NULL,
  topic       VARCHAR(500) NOT NULL DEFAULT '',
  sort        TINYINT UNSIGNED NOT NULL DEFAULT 0,
  KEY (lesson_id, sort),
  FOREIGN KEY (lesson_id) REFERENCES lesson (id),
  FOREIGN KEY (work_kind_id) REFERENCES work_kind (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A mark (R21): a code of the subject's scale in that grade, with the
-- number it counted as when it was set (so averages are one SUM and a scale
-- edited later does not rewrite history).  set_at starts the correction
-- window (R23, mark_edit_days); after it only an unlock by the management,
-- with a reason in the audit, opens the mark until unlocked_until.  A
-- cleared cell deletes the row; the audit keeps what it was.
CREATE TABLE IF NOT EXISTS mark (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  lesson_work_id INT UNSIGNED NOT NULL,
  student_id  INT UNSIGNED NOT NULL,            -- person
  code        VARCHAR(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  num         DECIMAL(5,2) NULL,                -- scale_value.num; NULL: not averaged
  comment     VARCHAR(255) NOT NULL DEFAULT '', -- the teacher's comment, in the diary
  set_by      INT UNSIGNED NULL,                -- account
  set_at      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  changed_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  unlocked_until DATETIME NULL,
  UNIQUE KEY (lesson_work_id, student_id),
  KEY (student_id, lesson_work_id),
  FOREIGN KEY (lesson_work_id) REFERENCES lesson_work (id),
  FOREIGN KEY (student_id) REFERENCES person (id),
  FOREIGN KEY (set_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- «н» (R21): a student absent from a lesson, with the reason once known
-- (the class teacher fills reasons in, R21).  '' = not explained yet.
CREATE TABLE IF NOT EXISTS absence (
  lesson_id   INT UNSIGNED NOT NULL,
  student_id  INT UNSIGNED NOT NULL,
  reason      ENUM('','ill','excused','unexcused') NOT NULL DEFAULT '',
  note        VARCHAR(255) NOT NULL DEFAULT '',
  set_by      INT UNSIGNED NULL,
  set_at      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (lesson_id, student_id),
  KEY (student_id, lesson_id),
  FOREIGN KEY (lesson_id) REFERENCES lesson (id),
  FOREIGN KEY (student_id) REFERENCES person (id),
  FOREIGN KEY (set_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Individual homework for chosen students (R19), beside the group's.
CREATE TABLE IF NOT EXISTS homework_student (
  lesson_id   INT UNSIGNED NOT NULL,
  student_id  INT UNSIGNED NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (lesson_id, student_id),
  KEY (student_id),
  FOREIGN KEY (lesson_id) REFERENCES lesson (id),
  FOREIGN KEY (student_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Period, year, exam and final marks (R26-R28), entered separately.  A mark
-- is a scale code, or «н/а» (is_na, only under R26), or deferred for
-- illness until a date (R28) with no code yet.  A unique key cannot hold a
-- NULL period, so the key uses a generated column.
CREATE TABLE IF NOT EXISTS period_mark (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  year_id     INT UNSIGNED NOT NULL,
  student_id  INT UNSIGNED NOT NULL,
  subject_id  INT UNSIGNED NOT NULL,
  kind        ENUM('period','year','exam','final') NOT NULL,
  period_id   INT UNSIGNED NULL,                -- kind 'period' only
  period_key  INT UNSIGNED AS (IFNULL(period_id, 0)) STORED,
  code        VARCHAR(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  is_na       TINYINT(1) NOT NULL DEFAULT 0,
  deferred_until DATE NULL,
  set_by      INT UNSIGNED NULL,
  set_at      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY (student_id, subject_id, year_id, kind, period_key),
  KEY (school_id, year_id, subject_id),
  CONSTRAINT period_mark_period CHECK ((kind = 'period') = (period_id IS NOT NULL)),
  CONSTRAINT period_mark_value CHECK (code IS NOT NULL OR is_na = 1
      OR deferred_until IS NOT NULL),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (year_id) REFERENCES year (id),
  FOREIGN KEY (student_id) REFERENCES person (id),
  FOREIGN KEY (subject_id) REFERENCES subject (id),
  FOREIGN KEY (period_id) REFERENCES period (id),
  FOREIGN KEY (set_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
