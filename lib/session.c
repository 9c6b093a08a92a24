/*
 * session.c: one SELECT per request loads the session, the account, its
 * roles and the school.  seen_at is written at most once a minute, so a
 * page view is not a write.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "config.h"
#include "db.h"
#include "screen.h"
#include "log.h"
#include "roles.h"
#include "session.h"

DB_STMT(q_session_get,
    "SELECT s.account_id, s.csrf, a.login, a.person_id, a.school_id,"
    " CONCAT_WS(' ', p.last_name, p.first_name, NULLIF(p.middle_name, '')),"
    " sc.short_name,"
    " (SELECT GROUP_CONCAT(ar.role) FROM account_role ar"
    "   WHERE ar.account_id = a.id),"
    " TIMESTAMPDIFF(SECOND, s.seen_at, NOW()),"
    /* The rules of this screen, so the access decision needs no query. */
    " (SELECT GROUP_CONCAT(CONCAT(IFNULL(ar.role, '@'), ':', ar.mode))"
    "   FROM access_rule ar WHERE ar.school_id = a.school_id"
    "   AND ar.screen = ? AND (ar.expires_on IS NULL"
    "   OR ar.expires_on >= CURDATE()) AND (ar.account_id = a.id"
    "   OR ar.role IN (SELECT r2.role FROM account_role r2"
    "     WHERE r2.account_id = a.id))),"
    " a.must_change_pw"
    " FROM session s JOIN account a ON a.id = s.account_id"
    " JOIN person p ON p.id = a.person_id"
    " JOIN school sc ON sc.id = a.school_id"
    " WHERE s.id_hash = ? AND a.is_active = 1"
    " AND s.seen_at > NOW() - INTERVAL ? MINUTE"
    " AND s.created_at > NOW() - INTERVAL ? HOUR");
DB_STMT(q_session_touch,
    "UPDATE session SET seen_at = NOW() WHERE id_hash = ?");
DB_STMT(q_session_insert,
    "INSERT INTO session (id_hash, account_id, csrf, created_at, seen_at, ip)"
    " VALUES (?, ?, ?, NOW(), NOW(), ?)");
DB_STMT(q_session_delete,
    "DELETE FROM session WHERE id_hash = ?");
DB_STMT(q_session_delete_others,
    "DELETE FROM session WHERE account_id = ? AND id_hash <> ?");
DB_STMT(q_session_delete_expired,
    "DELETE FROM session WHERE seen_at < NOW() - INTERVAL ? MINUTE"
    " OR created_at < NOW() - INTERVAL ? HOUR");

void
session_token(char out[44])
{
	unsigned char	 b[32];

	randombytes_buf(b, sizeof(b));
	sodium_bin2base64(out, 44, b, sizeof(b),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(b, sizeof(b));
}

/* Hash of the id in a cookie value; -1 if it is not a well-formed id. */
static int
cookie_hash(const char *cookie, char hash[32])
{
	unsigned char	 b[32];
	size_t		 n;

	if (cookie == NULL || strlen(cookie) != 43)
		return -1;
	if (sodium_base642bin(b, sizeof(b), cookie, 43, NULL, &n, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || n != 32)
		return -1;
	crypto_generichash((unsigned char *)hash, 32, b, 32, NULL, 0);
	sodium_memzero(b, sizeof(b));
	return 0;
}

int
session_load(struct req *r)
{
	struct session	*s = &r->sess;
	const char	*roles;
	int		 rc;

	memset(s, 0, sizeof(*s));
	if (cookie_hash(req_cookie(r, SESSION_COOKIE), s->id_hash) == -1)
		return 0;
	if (db_query(&q_session_get, "sbll", r->screen->name, s->id_hash,
	    (size_t)32,
	    conf_int("session.idle_minutes", 60),
	    conf_int("session.absolute_hours", 12)) == -1)
		return -1;
	if ((rc = db_next(&q_session_get)) != 1)
		return rc;
	s->valid = 1;
	s->account_id = db_int(&q_session_get, 0);
	snprintf(s->csrf, sizeof(s->csrf), "%s", db_str(&q_session_get, 1));
	s->login = arena_strdup(&r->arena, db_str(&q_session_get, 2));
	s->person_id = db_int(&q_session_get, 3);
	s->school_id = db_int(&q_session_get, 4);
	s->full_name = arena_strdup(&r->arena, db_str(&q_session_get, 5));
	s->school_name = arena_strdup(&r->arena, db_str(&q_session_get, 6));
	roles = db_str(&q_session_get, 7);
	s->roles = role_bits(roles);
	rc = db_int(&q_session_get, 8) >= 60;
	if (db_str(&q_session_get, 9) != NULL)
		s->rules = arena_strdup(&r->arena, db_str(&q_session_get, 9));
	s->must_change = db_int(&q_session_get, 10) != 0;
	db_done(&q_session_get);
	if (rc && db_exec(&q_session_touch, "b", s->id_hash,
	    (size_t)32) < 0)
		return -1;
	return 0;
}

int
session_create(struct req *r, long long account_id)
{
	char		 id[44], hash[32];

	/* A new id at every login; the browser's old session ends. */
	if (r->sess.valid && session_end(r) == -1)
		return -1;
	if (db_exec(&q_session_delete_expired, "ll",
	    conf_int("session.idle_minutes", 60),
	    conf_int("session.absolute_hours", 12)) < 0)
		return -1;
	session_token(id);
	if (cookie_hash(id, hash) == -1)
		abort();
	session_token(r->sess.csrf);
	if (db_exec(&q_session_insert, "blss", hash, (size_t)32, account_id,
	    r->sess.csrf, r->ip) < 0)
		return -1;
	memcpy(r->sess.id_hash, hash, 32);
	r->sess.account_id = account_id;
	req_set_cookie(r, SESSION_COOKIE, id, *r->base ? r->base : "/",
	    "Lax", -1);
	sodium_memzero(id, sizeof(id));
	return 0;
}

int
session_end(struct req *r)
{
	if (db_exec(&q_session_delete, "b", r->sess.id_hash, (size_t)32) < 0)
		return -1;
	r->sess.valid = 0;
	req_set_cookie(r, SESSION_COOKIE, "", *r->base ? r->base : "/",
	    "Lax", 0);
	return 0;
}

int
session_end_others(struct req *r)
{
	return db_exec(&q_session_delete_others, "lb", r->sess.account_id,
	    r->sess.id_hash, (size_t)32) < 0 ? -1 : 0;
}

int
session_csrf_ok(const struct req *r, const char *token)
{
	if (!r->sess.valid || token == NULL || strlen(token) != 43 ||
	    strlen(r->sess.csrf) != 43)
		return 0;
	return sodium_memcmp(token, r->sess.csrf, 43) == 0;
}
