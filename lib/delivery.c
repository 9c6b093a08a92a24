/*
 * delivery.c: the guardian's delivery choice and the signed unsubscribe
 * token of the e-mail digests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "consent.h"
#include "db.h"
#include "delivery.h"
#include "screen.h"
#include "sqlnames.h"

DB_STMT(q_delivery_get,
    "SELECT mode, email, DATE_FORMAT(chosen_at, '%d.%m.%Y %H:%i')"
    " AS chosen_at FROM delivery WHERE guardian_id = ?");
DB_STMT(q_delivery_old,
    "SELECT CONCAT(mode, IFNULL(CONCAT(' ', email), '')) FROM delivery"
    " WHERE guardian_id = ? FOR UPDATE");
DB_STMT(q_delivery_put,
    "INSERT INTO delivery (guardian_id, mode, email, chosen_at, chosen_by)"
    " VALUES (?, ?, ?, NOW(), NULLIF(?, 0)) ON DUPLICATE KEY UPDATE"
    " mode = VALUES(mode), email = VALUES(email),"
    " chosen_at = VALUES(chosen_at), chosen_by = VALUES(chosen_by)");
DB_STMT(q_secret_get, "SELECT value FROM app_secret WHERE name = ?");
DB_STMT(q_secret_put,
    "INSERT IGNORE INTO app_secret (name, value) VALUES (?, ?)");

/* Current students with a guardian who chose paper (R41). */
DB_STMT(q_families_paper,
    "SELECT c.id AS class_id, " CLASS_NAME("c") " AS class, p.id,"
    " " FULL_NAME("p") " AS name,"
    " GROUP_CONCAT(" FULL_NAME("gp") " ORDER BY gp.last_name SEPARATOR '; ')"
    "   AS guardians"
    " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " JOIN current_year cy ON cy.year_id = c.year_id"
    " JOIN person p ON p.id = cs.student_id"
    " JOIN guardian g ON g.student_id = p.id"
    " JOIN delivery d ON d.guardian_id = g.guardian_id AND d.mode = 'paper'"
    " JOIN person gp ON gp.id = g.guardian_id"
    " WHERE cs.left_on IS NULL AND c.school_id = ?"
    " AND (? = 0 OR c.teacher_id = ?)"
    " GROUP BY c.id, p.id"
    " ORDER BY c.grade, c.letter, p.last_name, p.first_name");

/* The weekly paper statements (000:II.3.8): current students whose family
 * has no consent or chose paper; of one class, of the classes a teacher
 * leads, or of the school. */
DB_STMT(q_paper_students,
    "SELECT p.id FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " JOIN current_year cy ON cy.year_id = c.year_id"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE cs.left_on IS NULL AND c.school_id = ?"
    " AND (? = 0 OR c.id = ?) AND (? = 0 OR c.teacher_id = ?)"
    " AND (NOT " HAS_CONSENT_SQL("p.id")
    "   OR EXISTS (SELECT 1 FROM guardian gp JOIN delivery dp"
    "     ON dp.guardian_id = gp.guardian_id AND dp.mode = 'paper'"
    "     WHERE gp.student_id = p.id))"
    " ORDER BY c.grade, c.letter, p.last_name, p.first_name"
    " LIMIT 2000");

static const char *const modes[] = {
	"web", "email_daily", "email_weekly", "paper", NULL
};

int
delivery_mode_valid(const char *mode)
{
	size_t	 i;

	for (i = 0; mode != NULL && modes[i] != NULL; i++)
		if (strcmp(mode, modes[i]) == 0)
			return 1;
	return 0;
}

int
db_delivery_get(struct _hdf *hdf, const char *prefix, long long guardian_id)
{
	return db_row_hdf(hdf, prefix, &q_delivery_get, "l", guardian_id);
}

int
db_families_paper(struct _hdf *hdf, const char *prefix, long long school_id,
    long long teacher_id)
{
	return db_query_hdf(hdf, prefix, &q_families_paper, "lll", school_id,
	    teacher_id, teacher_id);
}

int
db_paper_students(long long school_id, long long class_id,
    long long teacher_id, long long **ids)
{
	long long	*v = NULL;
	size_t		 n = 0, cap = 0;
	int		 rc;

	*ids = NULL;
	if (db_query(&q_paper_students, "lllll", school_id, class_id,
	    class_id, teacher_id, teacher_id) == -1)
		return -1;
	while ((rc = db_next(&q_paper_students)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((v = realloc(v, cap * sizeof(*v))) == NULL)
				abort();
		}
		v[n++] = db_int(&q_paper_students, 0);
	}
	if (rc == -1) {
		free(v);
		return -1;
	}
	*ids = v;
	return (int)n;
}

int
delivery_set(struct req *r, long long guardian_id, const char *mode,
    const char *email)
{
	const char	*old = NULL;
	int		 rc;

	if (db_query(&q_delivery_old, "l", guardian_id) == -1 ||
	    (rc = db_next(&q_delivery_old)) == -1)
		return -1;
	if (rc == 1) {
		old = arena_strdup(&r->arena, db_str(&q_delivery_old, 0));
		db_done(&q_delivery_old);
	}
	if (db_exec(&q_delivery_put, "lssl", guardian_id, mode, email,
	    r->sess.account_id) < 0)
		return -1;
	return audit_add(r, "delivery", "person", guardian_id, old,
	    arena_printf(&r->arena, "%s%s%s", mode, email != NULL ? " " : "",
	    email != NULL ? email : ""));
}

/*
 * The signing key: made on first use by whichever process needs it first
 * (INSERT IGNORE: a race leaves one key, which both then read), and kept
 * for the life of the process.
 */
static int
secret(unsigned char key[crypto_auth_hmacsha256_KEYBYTES])
{
	static unsigned char	 cached[crypto_auth_hmacsha256_KEYBYTES];
	static int		 have;
	unsigned char		 fresh[crypto_auth_hmacsha256_KEYBYTES];
	char			 hex[2 * sizeof(fresh) + 1];
	const char		*v;
	size_t			 len;
	int			 rc, pass;

	for (pass = 0; !have && pass < 2; pass++) {
		if (db_query(&q_secret_get, "s", "unsubscribe") == -1 ||
		    (rc = db_next(&q_secret_get)) == -1)
			return -1;
		if (rc == 1) {
			v = db_str(&q_secret_get, 0);
			if (v == NULL || sodium_hex2bin(cached, sizeof(cached),
			    v, strlen(v), NULL, &len, NULL) != 0 ||
			    len != sizeof(cached)) {
				db_done(&q_secret_get);
				return -1;
			}
			have = 1;
			db_done(&q_secret_get);
			break;
		}
		crypto_auth_hmacsha256_keygen(fresh);
		sodium_bin2hex(hex, sizeof(hex), fresh, sizeof(fresh));
		sodium_memzero(fresh, sizeof(fresh));
		rc = db_exec(&q_secret_put, "ss", "unsubscribe", hex) < 0;
		sodium_memzero(hex, sizeof(hex));
		if (rc)
			return -1;
	}
	if (!have)
		return -1;
	memcpy(key, cached, sizeof(cached));
	return 0;
}

int
delivery_mac(const char *msg, char out[DELIVERY_TOKEN_LEN + 1])
{
	unsigned char	 key[crypto_auth_hmacsha256_KEYBYTES];
	unsigned char	 mac[crypto_auth_hmacsha256_BYTES];

	if (secret(key) == -1)
		return -1;
	crypto_auth_hmacsha256(mac, (const unsigned char *)msg, strlen(msg),
	    key);
	sodium_memzero(key, sizeof(key));
	sodium_bin2base64(out, DELIVERY_TOKEN_LEN + 1, mac, sizeof(mac),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return 0;
}

int
delivery_token(long long guardian_id, char out[DELIVERY_TOKEN_LEN + 1])
{
	char	 msg[64];

	snprintf(msg, sizeof(msg), "unsubscribe:%lld", guardian_id);
	return delivery_mac(msg, out);
}

int
delivery_token_ok(long long guardian_id, const char *token)
{
	char	 want[DELIVERY_TOKEN_LEN + 1];

	if (delivery_token(guardian_id, want) == -1)
		return -1;
	return token != NULL && strlen(token) == DELIVERY_TOKEN_LEN &&
	    sodium_memcmp(want, token, DELIVERY_TOKEN_LEN) == 0;
}
