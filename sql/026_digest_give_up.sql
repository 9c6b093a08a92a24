-- 029: a digest letter that failed mail.max_attempts times is given up
-- ('abandoned': never retried, shown to the administrator on the home
-- page), and a letter still waiting when its family unsubscribes is
-- dropped ('cancelled': the unsubscribe takes effect at once, not after
-- the letters already queued).  Adding values at the end of an ENUM
-- changes no row and is instant in MariaDB; the statement can be re-run.
ALTER TABLE digest MODIFY status
  ENUM('queued','sending','sent','failed','empty','abandoned','cancelled')
  NOT NULL;
