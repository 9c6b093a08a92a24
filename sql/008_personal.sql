-- 008: personal files (R7, R17).  The personal data beyond a name and a
-- birth date live in their own 1:1 table rather than in person, so that no
-- query that lists people (rosters, staff, slips) can pick them up by
-- accident: only lib/personal.c reads person_file, after the object check
-- obj_person_view() said which field groups the user may see (152-ФЗ: each
-- role sees only what it needs).  A person without a row has an empty file.
CREATE TABLE IF NOT EXISTS person_file (
  person_id    INT UNSIGNED NOT NULL PRIMARY KEY,
  -- contacts
  phone        VARCHAR(20) NULL,                -- «+7 912 345-67-89», as typed
  email        VARCHAR(254) NULL,
  address_reg  VARCHAR(255) NULL,               -- адрес регистрации
  address_live VARCHAR(255) NULL,               -- адрес фактического проживания
  -- documents: free text as schools keep them («свидетельство о рождении
  -- II-АБ № 123456, выдано ...», «паспорт 45 10 123456, выдан ...»)
  documents    TEXT NULL,
  snils        CHAR(14) CHARACTER SET ascii NULL, -- «123-456-789 01»
  -- health (students): the medic's part
  health_group TINYINT UNSIGNED NULL,           -- группа здоровья 1..5
  health_notes TEXT NULL,
  updated_at   DATETIME NULL,
  updated_by   INT UNSIGNED NULL,               -- account
  CONSTRAINT person_file_health CHECK (health_group BETWEEN 1 AND 5),
  FOREIGN KEY (person_id) REFERENCES person (id),
  FOREIGN KEY (updated_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The class teacher's check of a student's personal data (R17: at least
-- once a quarter).  'confirmed': looked at and found current; 'changed':
-- corrected in the same step.  A row per check, so the history stays.
CREATE TABLE IF NOT EXISTS pd_check (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id    INT UNSIGNED NOT NULL,
  checked_on   DATE NOT NULL,
  checked_by   INT UNSIGNED NULL,               -- account
  result       ENUM('confirmed','changed') NOT NULL,
  KEY (person_id, checked_on),
  FOREIGN KEY (person_id) REFERENCES person (id),
  FOREIGN KEY (checked_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
