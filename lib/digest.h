/*
 * digest.h: the e-mail digests of the diary (R36): what is new for a
 * guardian's children since their last letter (marks, absences, homework),
 * queued in the database (table digest) and sent through sendmail(1) by
 * the command-line tool journal-digest, run from cron.
 */
#ifndef JOURNAL_DIGEST_H
#define JOURNAL_DIGEST_H

struct _hdf;

/*
 * Queue a letter for every guardian whose daily or weekly digest is due:
 * an e-mail choice, an active account (so consent, R6, and a child still
 * at school), and a day (a week) since the last one.  A window with
 * nothing new is recorded as 'empty' and not sent.  base_url is the site's
 * address for the links.  0 or -1; counts in *queued and *empty.
 */
int	digest_queue(const char *base_url, int *queued, int *empty);
/* How letters leave: the config's mail.* keys (conf/journal.hdf). */
struct digest_mail {
	const char	*sendmail;	/* absolute path of a sendmail(1) */
	const char	*from;		/* "addr" or "Name <addr>" */
	const char	*domain;	/* right of the Message-IDs' @ */
	const char	*base_url;	/* the site, no trailing slash */
	int		 max_attempts;	/* then the letter is given up */
};

/*
 * NULL when m->sendmail is a program this process may run, else why not
 * (Russian, a static buffer): the tool says so and sends nothing, rather
 * than failing every letter with exit 127.
 */
const char *digest_transport_problem(const char *sendmail);
/*
 * Record why the waiting letters wait (no transport) on each of them,
 * without counting an attempt: they stay retryable, and the
 * administrator's home page shows the reason.  Their count or -1.
 */
int	digest_hold(const char *why);
/*
 * Send the queued and the failed-but-due letters: each is claimed first
 * (never sent twice), piped to sendmail, then marked sent, or failed and
 * retried later, each wait twice the last, until m->max_attempts failures
 * give it up ('abandoned').  Letters of families who unsubscribed since
 * they were queued are dropped ('cancelled').  0 or -1; counts in *sent,
 * *failed (to be retried) and *abandoned (given up by this run).
 */
int	digest_send(const struct digest_mail *m, int *sent, int *failed,
	    int *abandoned);
/*
 * For the administrator's home page: prefix.{waiting,problem,abandoned,
 * overdue} (letters waiting, the last reason one of them gave, letters
 * given up in the last 30 days, families whose digest is days overdue:
 * the tool does not run) and prefix.Abandoned.N.{name,email,attempts,
 * last_error,created}, the latest ten given up.  0 or -1.
 */
int	db_digest_trouble(struct _hdf *, const char *prefix, long long school_id);

#endif
