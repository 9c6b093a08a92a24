-- 004: grading scales (R13) and what subjects are (R18).  A mark stores the
-- code of a value of a scale ('5', '4+', 'зач'), so a scale is a list of
-- such values, each with the number it counts as in averages (NULL: it does
-- not count, pass/fail) and whether it is satisfactory.  Each subject uses
-- one scale in each grade; grades with no marks (R24) simply have none.

-- Electives and extracurricular activities are subjects too, with their own
-- groups and journals (R18); a subject no longer taught is archived, not
-- deleted, because old journals refer to it.
ALTER TABLE subject
  ADD COLUMN IF NOT EXISTS kind ENUM('class','elective','extracurricular') NOT NULL
    DEFAULT 'class' AFTER short_name,
  ADD COLUMN IF NOT EXISTS is_archived TINYINT(1) NOT NULL DEFAULT 0 AFTER kind;

-- The scales every school starts with, as data: the demo and the /scales
-- screen copy these into a school's own scale rows, so there is one
-- definition of the five-point, pass/fail and ten-point scales.
CREATE TABLE IF NOT EXISTS scale_builtin (
  kind        ENUM('five','pass','ten') NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  sort        INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS scale_builtin_value (
  kind        ENUM('five','pass','ten') NOT NULL,
  code        VARCHAR(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  name        VARCHAR(50) NOT NULL,
  num         DECIMAL(5,2) NULL,
  is_pass     TINYINT(1) NOT NULL,
  is_plus_minus TINYINT(1) NOT NULL DEFAULT 0,
  sort        INT NOT NULL,
  PRIMARY KEY (kind, code),
  FOREIGN KEY (kind) REFERENCES scale_builtin (kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO scale_builtin (kind, name, sort) VALUES
  ('five', 'Пятибалльная', 1),
  ('pass', 'Зачёт/незачёт', 2),
  ('ten',  'Десятибалльная', 3);

-- «+» and «−» move a mark by a quarter of a point in averages; 3− is still a
-- satisfactory mark, 2+ is not.  They are shown only where the school
-- setting five_point_plus_minus is on; stored always, so that switching it
-- off never orphans marks already given.
INSERT IGNORE INTO scale_builtin_value (kind, code, name, num, is_pass, is_plus_minus, sort) VALUES
  ('five', '5',  'отлично', 5.00, 1, 0, 10),
  ('five', '5-', 'отлично с минусом', 4.75, 1, 1, 11),
  ('five', '4+', 'хорошо с плюсом', 4.25, 1, 1, 19),
  ('five', '4',  'хорошо', 4.00, 1, 0, 20),
  ('five', '4-', 'хорошо с минусом', 3.75, 1, 1, 21),
  ('five', '3+', 'удовлетворительно с плюсом', 3.25, 1, 1, 29),
  ('five', '3',  'удовлетворительно', 3.00, 1, 0, 30),
  ('five', '3-', 'удовлетворительно с минусом', 2.75, 1, 1, 31),
  ('five', '2+', 'неудовлетворительно с плюсом', 2.25, 0, 1, 39),
  ('five', '2',  'неудовлетворительно', 2.00, 0, 0, 40),
  ('pass', 'зач', 'зачёт', NULL, 1, 0, 10),
  ('pass', 'незач', 'незачёт', NULL, 0, 0, 20),
  -- Ten-point: 1-3 correspond to «2» of the five-point scale.
  ('ten', '10', 'десять', 10.00, 1, 0, 10),
  ('ten', '9',  'девять', 9.00, 1, 0, 20),
  ('ten', '8',  'восемь', 8.00, 1, 0, 30),
  ('ten', '7',  'семь', 7.00, 1, 0, 40),
  ('ten', '6',  'шесть', 6.00, 1, 0, 50),
  ('ten', '5',  'пять', 5.00, 1, 0, 60),
  ('ten', '4',  'четыре', 4.00, 1, 0, 70),
  ('ten', '3',  'три', 3.00, 0, 0, 80),
  ('ten', '2',  'два', 2.00, 0, 0, 90),
  ('ten', '1',  'один', 1.00, 0, 0, 100);

-- A school's scales: copies of the built-in ones (is_builtin, never
-- deleted) and the administrator's own (kind 'custom').
CREATE TABLE IF NOT EXISTS scale (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  name        VARCHAR(100) NOT NULL,
  kind        ENUM('five','pass','ten','custom') NOT NULL,
  is_builtin  TINYINT(1) NOT NULL DEFAULT 0,
  UNIQUE KEY (school_id, name),
  FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The code is what a mark stores; compared byte for byte (utf8mb4_bin), so
-- «зач» and «ЗАЧ» or «5-» and «5−» are different codes, exactly as typed.
CREATE TABLE IF NOT EXISTS scale_value (
  scale_id    INT UNSIGNED NOT NULL,
  code        VARCHAR(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  name        VARCHAR(50) NOT NULL,             -- «отлично»
  num         DECIMAL(5,2) NULL,                -- for averages; NULL: not averaged
  is_pass     TINYINT(1) NOT NULL,              -- counts as satisfactory
  is_plus_minus TINYINT(1) NOT NULL DEFAULT 0,  -- hidden unless five_point_plus_minus
  sort        INT NOT NULL,                     -- best first
  PRIMARY KEY (scale_id, code),
  FOREIGN KEY (scale_id) REFERENCES scale (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each subject in each grade uses one scale (R13).  school_id is repeated
-- so that a school's whole grid is one indexed query.
CREATE TABLE IF NOT EXISTS subject_scale (
  school_id   INT UNSIGNED NOT NULL,
  subject_id  INT UNSIGNED NOT NULL,
  grade       TINYINT UNSIGNED NOT NULL,
  scale_id    INT UNSIGNED NOT NULL,
  PRIMARY KEY (subject_id, grade),
  KEY (school_id),
  KEY (scale_id),
  CONSTRAINT subject_scale_grade CHECK (grade BETWEEN 1 AND 11),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (subject_id) REFERENCES subject (id),
  FOREIGN KEY (scale_id) REFERENCES scale (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
