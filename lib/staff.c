/*
 * staff.c: role changes are a delete and an insert per role inside the
 * caller's transaction, so the account never holds half a change.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "screen.h"
#include "roles.h"
#include "staff.h"
#include "sqlnames.h"


DB_STMT(q_staff_list,
    "SELECT p.id, " FULL_NAME("p") " AS name, st.position,"
    " (SELECT GROUP_CONCAT(ar.role ORDER BY ar.role) FROM account_role ar"
    "   WHERE ar.account_id = a.id) AS roles,"
    " a.login, a.is_active AS active,"
    " DATE_FORMAT(a.issued_at, '%d.%m.%Y') AS issued,"
    " DATE_FORMAT(st.dismissed_on, '%d.%m.%Y') AS dismissed"
    " FROM staff st JOIN person p ON p.id = st.person_id"
    " LEFT JOIN account a ON a.person_id = p.id"
    " WHERE st.school_id = ?"
    " ORDER BY st.dismissed_on IS NOT NULL, p.last_name, p.first_name");
DB_STMT(q_staff_check,
    "SELECT st.dismissed_on IS NULL FROM staff st"
    " JOIN person p ON p.id = st.person_id"
    " WHERE st.person_id = ? AND p.school_id = ?");
DB_STMT(q_staff_insert,
    "INSERT INTO staff (person_id, position, hired_on) VALUES (?, ?, ?)");
DB_STMT(q_account_of_person,
    "SELECT a.id, (SELECT GROUP_CONCAT(ar.role ORDER BY ar.role)"
    " FROM account_role ar WHERE ar.account_id = a.id)"
    " FROM account a WHERE a.person_id = ? FOR UPDATE");
DB_STMT(q_role_delete_staff,
    "DELETE FROM account_role WHERE account_id = ?"
    " AND role NOT IN ('student', 'parent')");
DB_STMT(q_role_add,
    "INSERT INTO account_role (account_id, role) VALUES (?, ?)");

int
db_staff_list(struct _hdf *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_staff_list, "l", school_id);
}

int
db_staff_check(long long school_id, long long person_id)
{
	int	 rc;

	if (db_query(&q_staff_check, "ll", person_id, school_id) == -1 ||
	    (rc = db_next(&q_staff_check)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	rc = db_int(&q_staff_check, 0) == 1 ? 1 : 2;
	db_done(&q_staff_check);
	return rc;
}

int
db_staff_insert(long long person_id, const char *position,
    const char *hired_on)
{
	return db_exec(&q_staff_insert, "lss", person_id, position,
	    hired_on) == 1 ? 0 : -1;
}

int
db_staff_roles_set(long long person_id, unsigned roles, char *old,
    size_t oldsz)
{
	long long	 account;
	unsigned	 bit;
	int		 rc;

	if (db_query(&q_account_of_person, "l", person_id) == -1 ||
	    (rc = db_next(&q_account_of_person)) == -1)
		return -1;
	if (rc == 0)
		return 1;
	account = db_int(&q_account_of_person, 0);
	snprintf(old, oldsz, "%s", db_str(&q_account_of_person, 1) ?
	    db_str(&q_account_of_person, 1) : "");
	db_done(&q_account_of_person);
	if (db_exec(&q_role_delete_staff, "l", account) < 0)
		return -1;
	for (bit = 1; bit < (1u << ROLE__COUNT); bit <<= 1) {
		if (!(roles & bit) || (bit & (ROLE_STUDENT | ROLE_PARENT)))
			continue;
		if (db_exec(&q_role_add, "ls", account, role_code(bit)) != 1)
			return -1;
	}
	return 0;
}
