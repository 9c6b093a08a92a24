#include <stdio.h>
#include <string.h>

#include "access_rules.h"
#include "db.h"
#include "roles.h"

DB_STMT(q_rules_list,
    "SELECT ar.id, ar.screen, ar.role, a.login,"
    " CONCAT_WS(' ', p.last_name, p.first_name, NULLIF(p.middle_name, ''))"
    "   AS who, ar.mode, DATE_FORMAT(ar.expires_on, '%d.%m.%Y') AS expires,"
    " ar.reason, CONCAT_WS(' ', bp.last_name, bp.first_name) AS `by`,"
    " DATE_FORMAT(ar.created_at, '%d.%m.%Y') AS at,"
    " (ar.expires_on IS NOT NULL AND ar.expires_on < CURDATE()) AS expired"
    " FROM access_rule ar"
    " LEFT JOIN account a ON a.id = ar.account_id"
    " LEFT JOIN person p ON p.id = a.person_id"
    " LEFT JOIN account ba ON ba.id = ar.created_by"
    " LEFT JOIN person bp ON bp.id = ba.person_id"
    " WHERE ar.school_id = ?"
    " ORDER BY expired, ar.id DESC");
DB_STMT(q_account_find,
    "SELECT a.id, (SELECT GROUP_CONCAT(r.role) FROM account_role r"
    "   WHERE r.account_id = a.id)"
    " FROM account a WHERE a.login = ? AND a.school_id = ?");
DB_STMT(q_rule_insert,
    "INSERT INTO access_rule (school_id, screen, role, account_id, mode,"
    " expires_on, reason, created_by) VALUES (?, ?, ?, NULLIF(?, 0), ?, ?,"
    " ?, ?)");
DB_STMT(q_rule_get,
    "SELECT CONCAT(ar.screen, ' ', IFNULL(ar.role, CONCAT('account ',"
    " ar.account_id)), ' ', ar.mode, IFNULL(CONCAT(' until ', ar.expires_on),"
    " '')) FROM access_rule ar WHERE ar.id = ? AND ar.school_id = ?"
    " FOR UPDATE");
DB_STMT(q_rule_delete,
    "DELETE FROM access_rule WHERE id = ? AND school_id = ?");

int
db_access_rules_list(struct _hdf *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_rules_list, "l", school_id);
}

int
db_account_find(long long school_id, const char *login, long long *id,
    unsigned *roles)
{
	int	 rc;

	if (db_query(&q_account_find, "sl", login, school_id) == -1 ||
	    (rc = db_next(&q_account_find)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	*id = db_int(&q_account_find, 0);
	*roles = role_bits(db_str(&q_account_find, 1));
	db_done(&q_account_find);
	return 1;
}

int
db_access_rule_insert(long long school_id, const char *screen,
    const char *role, long long account_id, const char *mode,
    const char *expires_on, const char *reason, long long by, long long *id)
{
	if (db_exec(&q_rule_insert, "lsslsssl", school_id, screen, role,
	    account_id, mode, expires_on, reason, by) != 1)
		return -1;
	*id = (long long)db_last_id();
	return 0;
}

int
db_access_rule_delete(long long school_id, long long id, char *what,
    size_t whatsz)
{
	int	 rc;

	if (db_query(&q_rule_get, "ll", id, school_id) == -1 ||
	    (rc = db_next(&q_rule_get)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	snprintf(what, whatsz, "%s", db_str(&q_rule_get, 0));
	db_done(&q_rule_get);
	return db_exec(&q_rule_delete, "ll", id, school_id) == 1 ? 1 : -1;
}
