/*
 * session.h: sessions stored in MariaDB, so any worker on any machine can
 * serve any request.  The cookie carries 256 random bits; only their
 * BLAKE2b hash is stored.  Idle and absolute timeouts come from the config
 * (session.idle_minutes, session.absolute_hours).
 */
#ifndef JOURNAL_SESSION_H
#define JOURNAL_SESSION_H

struct req;

#define SESSION_COOKIE	"sid"

/* Load r->sess from the cookie.  0 (valid or not), or -1 on a DB failure. */
int	session_load(struct req *);
/*
 * Start a new session for account_id (a new id at every login), ending
 * the one the browser had, and set the cookie.  Returns 0 or -1.
 */
int	session_create(struct req *, long long account_id);
/* End the current session server-side and clear the cookie. */
int	session_end(struct req *);
/* End every other session of the current account (password change). */
int	session_end_others(struct req *);
/* Constant-time check of a submitted CSRF token against the session's. */
int	session_csrf_ok(const struct req *, const char *token);
/* A random token of 32 bytes as 43 base64url characters (+ NUL). */
void	session_token(char out[44]);

#endif
