-- 001: the foundation: schools and their settings, people and accounts, roles,
-- classes with their students and guardians, subjects, sessions, login attempts
-- and the append-only audit.  utf8mb4 everywhere; InnoDB for transactions.
-- Later migrations extend this (issue 3: periods, groups, curriculum, orders).

CREATE TABLE IF NOT EXISTS school (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(255) NOT NULL,            -- full official name
  short_name  VARCHAR(100) NOT NULL,            -- shown in the page header
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per-school rule values (design.md "School rules as settings"); a missing row
-- means the default from the application config (school_defaults.*).
CREATE TABLE IF NOT EXISTS school_setting (
  school_id   INT UNSIGNED NOT NULL,
  name        VARCHAR(64) NOT NULL,
  value       VARCHAR(255) NOT NULL,
  PRIMARY KEY (school_id, name),
  FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS year (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  name        VARCHAR(20) NOT NULL,             -- «2026/2027»
  starts_on   DATE NOT NULL,
  ends_on     DATE NOT NULL,
  is_open     TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY (school_id, name),
  FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person exists whether or not they have a login (a child whose family
-- refused consent has no account but is still in the journal).
CREATE TABLE IF NOT EXISTS person (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  last_name   VARCHAR(100) NOT NULL,
  first_name  VARCHAR(100) NOT NULL,
  middle_name VARCHAR(100) NOT NULL DEFAULT '',
  sex         ENUM('m','f') NULL,
  birth_date  DATE NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (school_id, last_name, first_name),
  FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS account (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id   INT UNSIGNED NOT NULL,
  school_id   INT UNSIGNED NOT NULL,
  login       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  pw_hash     VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  is_active   TINYINT(1) NOT NULL DEFAULT 1,    -- 0: dismissed, withdrawn, blocked
  pw_changed_at DATETIME NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY (login),
  UNIQUE KEY (person_id),
  FOREIGN KEY (person_id) REFERENCES person (id),
  FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The roles of R1.  Codes are fixed (lib/roles.c knows them); names are Russian.
CREATE TABLE IF NOT EXISTS role (
  code        VARCHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  sort        INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT IGNORE INTO role (code, name, sort) VALUES
  ('admin',         'Администратор', 1),
  ('management',    'Администрация (директор, заместитель)', 2),
  ('teacher',       'Учитель', 3),
  ('class_teacher', 'Классный руководитель', 4),
  ('student',       'Ученик', 5),
  ('parent',        'Родитель (законный представитель)', 6),
  ('secretary',     'Секретарь', 7),
  ('medic',         'Медицинский работник', 8),
  ('psychologist',  'Психолог, социальный педагог', 9),
  ('hr',            'Специалист по кадрам', 10),
  ('inspector',     'Инспектор органа управления образованием', 11);

CREATE TABLE IF NOT EXISTS account_role (
  account_id  INT UNSIGNED NOT NULL,
  role        VARCHAR(32) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (account_id, role),
  FOREIGN KEY (account_id) REFERENCES account (id),
  FOREIGN KEY (role) REFERENCES role (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS staff (
  person_id   INT UNSIGNED NOT NULL PRIMARY KEY,
  position    VARCHAR(150) NOT NULL,           -- «учитель математики», «заместитель директора по УВР»
  hired_on    DATE NULL,
  dismissed_on DATE NULL,
  FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS class (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  year_id     INT UNSIGNED NOT NULL,
  grade       TINYINT UNSIGNED NOT NULL,        -- 1..11
  letter      VARCHAR(4) NOT NULL,              -- «А», «Б»
  teacher_id  INT UNSIGNED NULL,                -- class teacher (person)
  UNIQUE KEY (year_id, grade, letter),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (year_id) REFERENCES year (id),
  FOREIGN KEY (teacher_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A student is in exactly one class at a time; left_on ends the membership
-- (transfer, withdrawal) without losing history.
CREATE TABLE IF NOT EXISTS class_student (
  class_id    INT UNSIGNED NOT NULL,
  student_id  INT UNSIGNED NOT NULL,
  joined_on   DATE NOT NULL,
  left_on     DATE NULL,
  PRIMARY KEY (class_id, student_id),
  KEY (student_id),
  FOREIGN KEY (class_id) REFERENCES class (id),
  FOREIGN KEY (student_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS guardian (
  guardian_id INT UNSIGNED NOT NULL,            -- person
  student_id  INT UNSIGNED NOT NULL,            -- person
  kind        ENUM('parent','adoptive','guardian') NOT NULL DEFAULT 'parent',
  PRIMARY KEY (guardian_id, student_id),
  KEY (student_id),
  FOREIGN KEY (guardian_id) REFERENCES person (id),
  FOREIGN KEY (student_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS subject (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  name        VARCHAR(150) NOT NULL,
  short_name  VARCHAR(30) NOT NULL,
  UNIQUE KEY (school_id, name),
  FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Hours a week of a subject in a class (R15); groups come with issue 3.
CREATE TABLE IF NOT EXISTS curriculum (
  class_id    INT UNSIGNED NOT NULL,
  subject_id  INT UNSIGNED NOT NULL,
  hours       DECIMAL(3,1) NOT NULL,
  PRIMARY KEY (class_id, subject_id),
  FOREIGN KEY (class_id) REFERENCES class (id),
  FOREIGN KEY (subject_id) REFERENCES subject (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sessions: only a hash of the random id is stored, so a copy of this table
-- does not let anyone in.
CREATE TABLE IF NOT EXISTS session (
  id_hash     BINARY(32) NOT NULL PRIMARY KEY,
  account_id  INT UNSIGNED NOT NULL,
  csrf        CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at  DATETIME NOT NULL,
  seen_at     DATETIME NOT NULL,
  ip          VARCHAR(45) CHARACTER SET ascii NOT NULL,
  KEY (account_id),
  KEY (seen_at),
  FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every login attempt, for throttling and the activity report.  The login is
-- stored as typed, whether or not such an account exists.
CREATE TABLE IF NOT EXISTS login_attempt (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login       VARCHAR(64) NOT NULL,
  ip          VARCHAR(45) CHARACTER SET ascii NOT NULL,
  at          DATETIME NOT NULL,
  ok          TINYINT(1) NOT NULL,
  KEY (login, at),
  KEY (ip, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who changed what, when, from what to what (R10).  Written in the same
-- transaction as the change; the triggers below make it append-only.
CREATE TABLE IF NOT EXISTS audit (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  school_id   INT UNSIGNED NULL,
  account_id  INT UNSIGNED NULL,
  ip          VARCHAR(45) CHARACTER SET ascii NOT NULL DEFAULT '',
  action      VARCHAR(64) CHARACTER SET ascii NOT NULL,
  object_type VARCHAR(32) CHARACTER SET ascii NOT NULL DEFAULT '',
  object_id   BIGINT UNSIGNED NULL,
  old_value   TEXT NULL,
  new_value   TEXT NULL,
  KEY (school_id, at),
  KEY (account_id, at),
  KEY (object_type, object_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE OR REPLACE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit is append-only';
CREATE OR REPLACE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit is append-only';
