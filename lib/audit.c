#include <stddef.h>

#include "audit.h"
#include "db.h"
#include "screen.h"

DB_STMT(q_audit_insert,
    "INSERT INTO audit (school_id, account_id, ip, action, object_type,"
    " object_id, old_value, new_value) VALUES (NULLIF(?, 0), NULLIF(?, 0),"
    " ?, ?, ?, NULLIF(?, 0), ?, ?)");

int
audit_add(struct req *r, const char *action, const char *object_type,
    long long object_id, const char *old_value, const char *new_value)
{
	return db_exec(&q_audit_insert, "llssslss", r->sess.school_id,
	    r->sess.account_id, r->ip, action, object_type, object_id,
	    old_value, new_value) == 1 ? 0 : -1;
}
