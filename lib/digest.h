/*
 * digest.h: the e-mail digests of the diary (R36): what is new for a
 * guardian's children since their last letter (marks, absences, homework),
 * queued in the database (table digest) and sent through sendmail(1) by
 * the command-line tool journal-digest, run from cron.
 */
#ifndef JOURNAL_DIGEST_H
#define JOURNAL_DIGEST_H

/*
 * Queue a letter for every guardian whose daily or weekly digest is due:
 * an e-mail choice, an active account (so consent, R6, and a child still
 * at school), and a day (a week) since the last one.  A window with
 * nothing new is recorded as 'empty' and not sent.  base_url is the site's
 * address for the links.  0 or -1; counts in *queued and *empty.
 */
int	digest_queue(const char *base_url, int *queued, int *empty);
/*
 * Send the queued and the failed-but-due letters: each is claimed first
 * (never sent twice), piped to sendmail, then marked sent, or failed and
 * retried later (up to max_attempts).  0 or -1; counts in *sent, *failed.
 */
int	digest_send(const char *sendmail, const char *from,
	    const char *base_url, int max_attempts, int *sent, int *failed);

#endif
