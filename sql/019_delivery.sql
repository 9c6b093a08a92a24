-- 019: how each family gets the diary's news (R36, R41): the web diary
-- only, an e-mail digest (daily or weekly), or a weekly paper statement.
-- One current choice per guardian, with its date; the audit keeps the
-- earlier ones.
CREATE TABLE IF NOT EXISTS delivery (
  guardian_id INT UNSIGNED NOT NULL PRIMARY KEY,  -- person
  mode        ENUM('web','email_daily','email_weekly','paper') NOT NULL,
  email       VARCHAR(254) NULL,                  -- where digests go
  chosen_at   DATETIME NOT NULL,
  chosen_by   INT UNSIGNED NULL,                  -- account; NULL: unsubscribe link
  KEY (mode),
  CONSTRAINT delivery_email CHECK (mode NOT LIKE 'email%' OR email IS NOT NULL),
  FOREIGN KEY (guardian_id) REFERENCES person (id),
  FOREIGN KEY (chosen_by) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The e-mail queue.  A digest covers (covers_from, covers_to]; the next one
-- starts where the last ended, so nothing is told twice or skipped, and the
-- unique key stops a second run of the queue builder from adding the same
-- digest again.  'empty': nothing new in the window (kept so the window
-- moves on, never sent).  The sender claims a row ('sending', committed)
-- before it pipes it to sendmail: a crash after sendmail took it leaves the
-- row 'sending' rather than sending it twice (at most once).  A failed send
-- is retried at next_try_at, later each time.
CREATE TABLE IF NOT EXISTS digest (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  guardian_id INT UNSIGNED NOT NULL,
  email       VARCHAR(254) NOT NULL,
  covers_from DATETIME NOT NULL,
  covers_to   DATETIME NOT NULL,
  subject     VARCHAR(255) NOT NULL,
  body        MEDIUMTEXT NOT NULL,
  status      ENUM('queued','sending','sent','failed','empty') NOT NULL,
  attempts    TINYINT UNSIGNED NOT NULL DEFAULT 0,
  next_try_at DATETIME NOT NULL,
  sent_at     DATETIME NULL,
  last_error  VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY (guardian_id, covers_to),
  KEY (status, next_try_at),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (guardian_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Keys the application makes for itself on first use (the unsubscribe
-- link's signing key), so that an installation has nothing to generate
-- by hand and the sample config carries no secret.
CREATE TABLE IF NOT EXISTS app_secret (
  name        VARCHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  value       VARCHAR(128) CHARACTER SET ascii NOT NULL, -- hex
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
