-- 002: consent to personal data processing (R6).  Each statement a guardian
-- signs (consent or refusal) is a row; the newest row is the current state,
-- the older ones are the history the law asks to keep.  A family without
-- consent has no diary login: accounts are issued only to guardians who
-- consented and to students with at least one such guardian.

CREATE TABLE IF NOT EXISTS consent (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  guardian_id INT UNSIGNED NOT NULL,             -- person
  status      ENUM('consent','refusal') NOT NULL,
  signed_on   DATE NOT NULL,                     -- date of the written statement
  document    VARCHAR(64) NOT NULL DEFAULT '',   -- its number in the school's register
  recorded_by INT UNSIGNED NULL,                 -- account that entered it
  recorded_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (guardian_id, id),
  FOREIGN KEY (guardian_id) REFERENCES person (id),
  FOREIGN KEY (recorded_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- When credentials were last issued to an account (slips printed).
ALTER TABLE account ADD COLUMN IF NOT EXISTS issued_at DATETIME NULL AFTER pw_changed_at;
