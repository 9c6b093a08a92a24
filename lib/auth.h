/*
 * auth.h: passwords (Argon2id from libsodium) and login throttling.
 * Throttling counts failures by the login as typed (whether or not such an
 * account exists, so the answer never tells) and by IP address, within
 * auth.throttle_minutes; auth.throttle_failures per login (since its last
 * success) and auth.throttle_ip_failures per IP.
 */
#ifndef JOURNAL_AUTH_H
#define JOURNAL_AUTH_H

struct req;

enum auth_res {
	AUTH_OK,
	AUTH_FAIL,		/* wrong password, unknown or inactive login */
	AUTH_THROTTLED,		/* too many failures: not even checked */
	AUTH_ERROR		/* database failure */
};

/*
 * Check a login attempt from r->ip, record it in login_attempt and the
 * log (never the password), and upgrade a weak hash on success.  On
 * AUTH_OK *account_id, r->sess.school_id and r->sess.must_change (a
 * printed password not yet changed: login sends it to /password) are set.
 */
enum auth_res	auth_login(struct req *, const char *login,
		    const char *password, long long *account_id);
/* 1: the password is the account's, 0: it is not, -1: DB failure. */
int		auth_check_password(long long account_id, const char *password);
/* Hash a password with the configured cost into out (128 bytes).  0 or -1. */
int		auth_hash(const char *password, char out[128]);
/*
 * Hash a machine-generated first password (password_generate) with the
 * cheap Argon2id cost of auth.c, so that a whole school's slips are issued
 * in one request; the first login re-hashes it with the configured cost.
 * Never for a password a person chose.  0 or -1.
 */
int		auth_hash_issued(const char *password, char out[128]);
/* Store a new hash of password for the account.  0 or -1. */
int		auth_set_password(long long account_id, const char *password);

/*
 * When the account (login) logged in before its latest login, as
 * "YYYY-MM-DD HH:MM:SS" in at (login_attempt): /home's "since the last
 * visit".  1, 0 (no earlier login recorded) or -1.
 */
int	db_login_previous(const char *login, char at[20]);

#endif
