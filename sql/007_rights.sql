-- 007: rights (R2, R5).  The defaults are the access table in lib/roles.c
-- (which roles open which screen, which may write).  Here the administrator
-- widens or narrows them for a whole role or for one account, optionally
-- until a date (temporary access on written request).  Rows past their
-- expiry stay as the record of what was granted.

CREATE TABLE IF NOT EXISTS access_rule (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  school_id   INT UNSIGNED NOT NULL,
  screen      VARCHAR(32) CHARACTER SET ascii NOT NULL,  -- access_table name
  role        VARCHAR(32) CHARACTER SET ascii NULL,      -- a whole role, or
  account_id  INT UNSIGNED NULL,                         -- one account
  mode        ENUM('read','write','deny') NOT NULL,      -- open / open and change / close
  expires_on  DATE NULL,                                 -- last day it applies
  reason      VARCHAR(255) NOT NULL,                     -- the written request
  created_by  INT UNSIGNED NULL,
  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (school_id, screen),
  KEY (account_id),
  FOREIGN KEY (school_id) REFERENCES school (id),
  FOREIGN KEY (role) REFERENCES role (code),
  FOREIGN KEY (account_id) REFERENCES account (id),
  FOREIGN KEY (created_by) REFERENCES account (id),
  CONSTRAINT access_rule_target CHECK ((role IS NULL) <> (account_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
