/*
 * auth.c: Argon2id hashes with the cost from the config (default
 * libsodium's "interactive": 2 passes, 64 MiB).  Hashes made with other
 * parameters (the demo school's cheap ones) are upgraded at the next
 * successful login.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "screen.h"
#include "log.h"

DB_STMT(q_account_by_login,
    "SELECT id, pw_hash, school_id, must_change_pw FROM account"
    " WHERE login = ? AND is_active = 1");
DB_STMT(q_account_hash,
    "SELECT pw_hash FROM account WHERE id = ?");
DB_STMT(q_account_set_hash,
    "UPDATE account SET pw_hash = ?, pw_changed_at = NOW(),"
    " must_change_pw = 0 WHERE id = ?");
DB_STMT(q_account_upgrade_hash,
    "UPDATE account SET pw_hash = ? WHERE id = ?");
DB_STMT(q_attempt_insert,
    "INSERT INTO login_attempt (login, ip, at, ok) VALUES (?, ?, NOW(), ?)");
/* The account's login before the latest (the latest is this session's). */
DB_STMT(q_login_previous,
    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') FROM login_attempt"
    " WHERE login = ? AND ok = 1 ORDER BY at DESC LIMIT 1, 1");
DB_STMT(q_attempt_failures,
    "SELECT"
    " (SELECT COUNT(*) FROM login_attempt WHERE login = ? AND ok = 0"
    "   AND at > NOW() - INTERVAL ? MINUTE"
    "   AND at >= COALESCE((SELECT MAX(at) FROM login_attempt"
    "     WHERE login = ? AND ok = 1), '1970-01-01')),"
    " (SELECT COUNT(*) FROM login_attempt WHERE ip = ? AND ok = 0"
    "   AND at > NOW() - INTERVAL ? MINUTE)");

static unsigned long long
opslimit(void)
{
	return (unsigned long long)conf_int("auth.opslimit",
	    crypto_pwhash_OPSLIMIT_INTERACTIVE);
}

static size_t
memlimit(void)
{
	return (size_t)conf_int("auth.memlimit",
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

int
auth_hash(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	if (crypto_pwhash_str_alg(out, pw, strlen(pw), opslimit(),
	    memlimit(), crypto_pwhash_ALG_ARGON2ID13) != 0) {
		log_msg("auth: out of memory hashing a password");
		return -1;
	}
	return 0;
}

/*
 * The cost for issued passwords.  password_generate() draws from
 * 18*5*18*5*8*8 = 518,400 choices per half, 518,400^2 = 2.7e11 in all:
 * 37.97 bits.  At the configured cost (2 passes, 64 MiB: 45 ms on the
 * development machine) a whole demo school of ~1,700 people would take
 * 77 s of hashing in one request; at 1 pass over 8 MiB it is 2.3 ms per
 * hash (about 4 s for the school).  What the cheaper hash gives away:
 * a stolen hash is about 20 times (4.3 bits) cheaper to attack offline,
 * and even so the expected search of 2^37 guesses costs 2^37 * 2.3 ms =
 * 10 CPU-core-years per password, with 8 MiB of memory per guess keeping
 * GPUs from doing much better; at full cost it would be ~200 core-years.
 * The hash lives only until the first login, which re-hashes it with the
 * configured cost (crypto_pwhash_str_needs_rehash), and the owner is told
 * on the slip to change the password.  A chosen password (low entropy)
 * always gets the full cost: auth_hash().  Still Argon2id, so verifying
 * needs nothing special.
 */
#define ISSUED_OPSLIMIT	1ULL
#define ISSUED_MEMLIMIT	((size_t)8 * 1024 * 1024)

int
auth_hash_issued(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	if (crypto_pwhash_str_alg(out, pw, strlen(pw), ISSUED_OPSLIMIT,
	    ISSUED_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) != 0) {
		log_msg("auth: out of memory hashing an issued password");
		return -1;
	}
	return 0;
}

/* Spend the same time on an unknown login as on a known one. */
static void
verify_dummy(const char *pw)
{
	static char	 dummy[crypto_pwhash_STRBYTES];

	if (dummy[0] == '\0' && auth_hash("not a password of anyone", dummy) == -1)
		return;
	if (crypto_pwhash_str_verify(dummy, pw, strlen(pw)) == 0)
		log_msg("auth: the dummy password was typed");
}

static int
ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

enum auth_res
auth_login(struct req *r, const char *login_in, const char *pw,
    long long *account_id)
{
	char		 login[65], newhash[crypto_pwhash_STRBYTES];
	const char	*h;
	long long	 minutes, id = 0;
	size_t		 i;
	int		 rc, ok = 0;

	/* Logins are ASCII and case-insensitive; keep the key bounded. */
	for (i = 0; login_in[i] != '\0' && i < sizeof(login) - 1; i++)
		login[i] = (login_in[i] >= 'A' && login_in[i] <= 'Z') ?
		    login_in[i] + 32 : login_in[i];
	/* Cut before a character, never inside its UTF-8 sequence. */
	if (login_in[i] != '\0')
		while (i > 0 && ((unsigned char)login_in[i] & 0xC0) == 0x80)
			i--;
	login[i] = '\0';

	minutes = conf_int("auth.throttle_minutes", 15);
	if (db_query(&q_attempt_failures, "slssl", login, minutes, login,
	    r->ip, minutes) == -1 || db_next(&q_attempt_failures) != 1)
		return AUTH_ERROR;
	rc = db_int(&q_attempt_failures, 0) >=
	    conf_int("auth.throttle_failures", 5) ||
	    db_int(&q_attempt_failures, 1) >=
	    conf_int("auth.throttle_ip_failures", 5);
	db_done(&q_attempt_failures);
	if (rc) {
		log_msg("login throttled: login=%s ip=%s", login, r->ip);
		return AUTH_THROTTLED;
	}

	h = NULL;
	if (ascii(login)) {
		if (db_query(&q_account_by_login, "s", login) == -1)
			return AUTH_ERROR;
		if ((rc = db_next(&q_account_by_login)) == -1)
			return AUTH_ERROR;
		if (rc == 1) {
			id = db_int(&q_account_by_login, 0);
			h = db_str(&q_account_by_login, 1);
			r->sess.school_id = db_int(&q_account_by_login, 2);
			r->sess.must_change =
			    db_int(&q_account_by_login, 3) != 0;
		}
	}
	if (h != NULL) {
		ok = crypto_pwhash_str_verify(h, pw, strlen(pw)) == 0;
		rc = ok && crypto_pwhash_str_needs_rehash(h, opslimit(),
		    memlimit()) != 0;
		db_done(&q_account_by_login);
		if (rc && auth_hash(pw, newhash) == 0 &&
		    db_exec(&q_account_upgrade_hash, "sl", newhash, id) < 0)
			return AUTH_ERROR;
	} else
		verify_dummy(pw);

	if (db_exec(&q_attempt_insert, "ssd", login, r->ip, ok) < 0)
		return AUTH_ERROR;
	if (!ok) {
		log_msg("login failed: login=%s ip=%s", login, r->ip);
		return AUTH_FAIL;
	}
	log_msg("login ok: login=%s account=%lld ip=%s", login, id, r->ip);
	*account_id = id;
	return AUTH_OK;
}

int
auth_check_password(long long account_id, const char *pw)
{
	const char	*h;
	int		 rc;

	if (db_query(&q_account_hash, "l", account_id) == -1 ||
	    (rc = db_next(&q_account_hash)) == -1)
		return -1;
	if (rc == 0 || (h = db_str(&q_account_hash, 0)) == NULL)
		return 0;
	rc = crypto_pwhash_str_verify(h, pw, strlen(pw)) == 0;
	db_done(&q_account_hash);
	return rc;
}

int
auth_set_password(long long account_id, const char *pw)
{
	char	 h[crypto_pwhash_STRBYTES];

	if (auth_hash(pw, h) == -1)
		return -1;
	return db_exec(&q_account_set_hash, "sl", h, account_id) == 1 ? 0 : -1;
}

int
db_login_previous(const char *login, char at[20])
{
	int	 rc;

	at[0] = '\0';
	if (db_query(&q_login_previous, "s", login) == -1 ||
	    (rc = db_next(&q_login_previous)) == -1)
		return -1;
	if (rc == 1)
		snprintf(at, 20, "%s", db_str(&q_login_previous, 0));
	db_done(&q_login_previous);
	return rc;
}
