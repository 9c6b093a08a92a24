-- 005: groups and teacher load (R14, R15, R18).
--
-- A group is the set of students a lesson is taught to (design.md): the whole
-- class, a subgroup that splits a class for one subject (English 1 and 2), a
-- stream across classes (an elective), or one student on an individual
-- curriculum.  `group` is an SQL reserved word, hence `groups` and group_id.
--
-- Membership of the whole-class group is derived, not stored: its members
-- are the class's current students (class_student with left_on IS NULL), so
-- an enrolment, transfer or withdrawal by order changes it with no second
-- bookkeeping.  group_student holds the members of the other kinds only.
-- A subgroup or individual group lists students of its class; a transfer to
-- another class leaves the old rows behind, and every query reads members
-- through class_student, so a student who left is no longer counted.
--
-- The curriculum stays per class (001: curriculum(class_id, subject_id,
-- hours)): it says how many hours a week every student of the class gets in
-- a subject.  The load (assignment) says which teacher teaches a subject to
-- which group for how many hours.  /load compares them per student: the
-- hours a student gets in a subject are the sum over the groups they belong
-- to, so a class split in two subgroups of 3 hours each covers a 3-hour
-- plan, and a subgroup without a teacher shows as a gap for its students.
-- Electives and other streams with no curriculum row are listed apart.

CREATE TABLE IF NOT EXISTS `groups` (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  year_id     INT UNSIGNED NOT NULL,
  name        VARCHAR(150) NOT NULL,            -- «7 Б — англ. 1»
  kind        ENUM('class','subgroup','stream','individual') NOT NULL,
  class_id    INT UNSIGNED NULL,                -- class, subgroup, individual; NULL for a stream
  subject_id  INT UNSIGNED NULL,                -- a subgroup or stream made for one subject
  UNIQUE KEY (year_id, name),
  KEY (class_id, kind),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (year_id) REFERENCES year (id),
  FOREIGN KEY (class_id) REFERENCES class (id),
  FOREIGN KEY (subject_id) REFERENCES subject (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Members of subgroups, streams and individual groups (not of kind class).
CREATE TABLE IF NOT EXISTS group_student (
  group_id    INT UNSIGNED NOT NULL,
  student_id  INT UNSIGNED NOT NULL,            -- person
  PRIMARY KEY (group_id, student_id),
  KEY (student_id),
  FOREIGN KEY (group_id) REFERENCES `groups` (id),
  FOREIGN KEY (student_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Teacher load: a teacher teaches a subject to a group, hours a week.  Two
-- teachers may share one group and subject (their hours add up).
CREATE TABLE IF NOT EXISTS assignment (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  year_id     INT UNSIGNED NOT NULL,
  teacher_id  INT UNSIGNED NOT NULL,            -- person (staff)
  subject_id  INT UNSIGNED NOT NULL,
  group_id    INT UNSIGNED NOT NULL,
  hours       DECIMAL(3,1) NOT NULL,
  UNIQUE KEY (subject_id, group_id, teacher_id),
  KEY (group_id),
  KEY (teacher_id, year_id),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (year_id) REFERENCES year (id),
  FOREIGN KEY (teacher_id) REFERENCES person (id),
  FOREIGN KEY (subject_id) REFERENCES subject (id),
  FOREIGN KEY (group_id) REFERENCES `groups` (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
