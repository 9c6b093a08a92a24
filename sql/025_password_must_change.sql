-- 025: a password someone else saw must be changed at the first login
-- (issue 21).  Set when a password is printed (a class's or the school's
-- slips, the staff screen, journal-new-school, the host's
-- journal-new-school --reset-password), cleared when the owner sets their
-- own on /password.  While it is set, every screen but /password and
-- /logout sends the account to /password (lib/screen.c).  Existing
-- accounts (and the demo school's documented logins) start without it.
-- Idempotent: a re-run after a failure changes nothing.
ALTER TABLE account ADD COLUMN IF NOT EXISTS must_change_pw TINYINT(1)
  NOT NULL DEFAULT 0 AFTER pw_changed_at;
