#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "audit.h"
#include "auth.h"
#include "credentials.h"
#include "db.h"
#include "screen.h"
#include "sqlnames.h"

/* FOR UPDATE: a second request for the same person waits for the first
 * to commit and then finds its account instead of making another. */
DB_STMT(q_person_lock,
    "SELECT p.last_name, p.first_name, p.middle_name, p.school_id, a.id,"
    " a.login FROM person p LEFT JOIN account a ON a.person_id = p.id"
    " WHERE p.id = ? FOR UPDATE");
DB_STMT(q_account_insert,
    "INSERT INTO account (person_id, school_id, login, pw_hash, is_active,"
    " must_change_pw, issued_at) VALUES (?, ?, ?, ?, 1, 1, NOW())");
DB_STMT(q_account_reissue,
    "UPDATE account SET pw_hash = ?, pw_changed_at = NULL, is_active = 1,"
    " must_change_pw = 1, issued_at = NOW() WHERE id = ?");
DB_STMT(q_account_role_add,
    "INSERT IGNORE INTO account_role (account_id, role) VALUES (?, ?)");
DB_STMT(q_account_sessions_end,
    "DELETE FROM session WHERE account_id = ?");

int
account_issue(struct req *r, long long person_id, const char *role,
    char login[65], char password[13])
{
	char		 last[101], first[101], middle[101], base[65];
	char		 hash[128];
	long long	 id, school, rc;
	int		 n, found;

	if (db_query(&q_person_lock, "l", person_id) == -1 ||
	    (found = db_next(&q_person_lock)) != 1)
		return -1;
	snprintf(last, sizeof(last), "%s", db_str(&q_person_lock, 0));
	snprintf(first, sizeof(first), "%s", db_str(&q_person_lock, 1));
	snprintf(middle, sizeof(middle), "%s", db_str(&q_person_lock, 2));
	school = db_int(&q_person_lock, 3);
	id = db_int(&q_person_lock, 4);
	snprintf(login, 65, "%s", id ? db_str(&q_person_lock, 5) : "");
	db_done(&q_person_lock);

	password_generate(password);
	if (auth_hash_issued(password, hash) == -1)
		return -1;
	if (id != 0) {
		if (db_exec(&q_account_reissue, "sl", hash, id) != 1 ||
		    db_exec(&q_account_sessions_end, "l", id) < 0)
			return -1;
	} else {
		/* The person is locked: a duplicate can only be the login. */
		login_base(last, first, middle, base);
		for (n = 1, rc = DB_DUPLICATE; rc == DB_DUPLICATE && n < 1000;
		    n++) {
			login_candidate(base, n, login);
			rc = db_exec(&q_account_insert, "llss", person_id,
			    school, login, hash);
		}
		if (rc != 1)
			return -1;
		id = (long long)db_last_id();
	}
	if (role != NULL && db_exec(&q_account_role_add, "ls", id, role) < 0)
		return -1;
	return audit_add(r, "credentials_issued", "account", id, NULL, login);
}

DB_STMT(q_account_by_login_info,
    "SELECT a.id, a.person_id, a.school_id, a.is_active, " FULL_NAME("p") ","
    " s.short_name FROM account a JOIN person p ON p.id = a.person_id"
    " JOIN school s ON s.id = a.school_id WHERE a.login = ?");

int
db_account_by_login(const char *login, struct account_info *a)
{
	int	 rc = -1;

	memset(a, 0, sizeof(*a));
	if (db_query(&q_account_by_login_info, "s", login) == -1 ||
	    (rc = db_next(&q_account_by_login_info)) != 1)
		return rc == 0 ? 0 : -1;
	a->id = db_int(&q_account_by_login_info, 0);
	a->person_id = db_int(&q_account_by_login_info, 1);
	a->school_id = db_int(&q_account_by_login_info, 2);
	a->active = db_int(&q_account_by_login_info, 3) == 1;
	snprintf(a->name, sizeof(a->name), "%s",
	    db_str(&q_account_by_login_info, 4));
	snprintf(a->school, sizeof(a->school), "%s",
	    db_str(&q_account_by_login_info, 5));
	db_done(&q_account_by_login_info);
	return 1;
}

/* --- The whole school at once (R3, R4) --- */

#define ACTIVE_LOGIN(p) "EXISTS (SELECT 1 FROM account a WHERE a.person_id = " \
	p ".id AND a.is_active = 1)"
#define CURRENT_CONSENT_OF(g) "(SELECT MAX(c2.id) FROM consent c2" \
	" WHERE c2.guardian_id = " g ")"
/* sortkey puts each child first and their guardians right after. */
DB_STMT(q_issue_school,
    "SELECT * FROM ("
    "SELECT c.id AS class_id, c.grade, c.letter, " CLASS_NAME("c")
    " AS class_name, 'student' AS role, p.id, " FULL_NAME("p") " AS name,"
    " NULL AS children, NULL AS position, " ACTIVE_LOGIN("p") " AS has_login,"
    " CONCAT(p.last_name, ' ', p.first_name, ' ', p.middle_name, ' ',"
    "   LPAD(p.id, 10, '0'), ' 0') AS sortkey"
    " FROM class c JOIN current_year cy ON cy.year_id = c.year_id"
    " JOIN class_student cs ON cs.class_id = c.id AND cs.left_on IS NULL"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE c.school_id = ? AND EXISTS (SELECT 1 FROM guardian g"
    "   JOIN consent cn ON cn.id = " CURRENT_CONSENT_OF("g.guardian_id")
    "   WHERE g.student_id = p.id AND cn.status = 'consent')"
    " UNION ALL "
    "SELECT c.id, c.grade, c.letter, " CLASS_NAME("c") ", 'parent', gp.id,"
    " " FULL_NAME("gp") ", GROUP_CONCAT(" FULL_NAME("sp")
    "   ORDER BY sp.last_name, sp.first_name SEPARATOR ', '), NULL,"
    " " ACTIVE_LOGIN("gp") ","
    " CONCAT(MIN(CONCAT(sp.last_name, ' ', sp.first_name, ' ',"
    "   sp.middle_name, ' ', LPAD(sp.id, 10, '0'))), ' 1 ', gp.last_name)"
    " FROM class c JOIN current_year cy ON cy.year_id = c.year_id"
    " JOIN class_student cs ON cs.class_id = c.id AND cs.left_on IS NULL"
    " JOIN guardian g ON g.student_id = cs.student_id"
    " JOIN person gp ON gp.id = g.guardian_id"
    " JOIN person sp ON sp.id = g.student_id"
    " JOIN consent cn ON cn.id = " CURRENT_CONSENT_OF("gp.id")
    "   AND cn.status = 'consent'"
    " WHERE c.school_id = ? GROUP BY c.id, gp.id"
    " UNION ALL "
    "SELECT 0, 99, '', '', 'staff', p.id, " FULL_NAME("p") ", NULL,"
    " s.position, " ACTIVE_LOGIN("p") ","
    " CONCAT(p.last_name, ' ', p.first_name, ' ', p.middle_name, ' ',"
    "   LPAD(p.id, 10, '0'))"
    " FROM staff s JOIN person p ON p.id = s.person_id"
    " WHERE p.school_id = ? AND s.dismissed_on IS NULL"
    ") x ORDER BY grade, letter, sortkey");

int
db_issue_school_rows(struct req *r, struct issue_row **rows)
{
	struct issue_row	*v = NULL, *nv;
	size_t			 n = 0, cap = 0;
	int			 rc;

	if (db_query(&q_issue_school, "lll", r->sess.school_id,
	    r->sess.school_id, r->sess.school_id) == -1)
		return -1;
	while ((rc = db_next(&q_issue_school)) == 1) {
		if (n == cap) {
			/* In the arena: the old block is simply left there. */
			cap = cap ? cap * 2 : 256;
			nv = arena_alloc(&r->arena, cap * sizeof(*v));
			if (n > 0)
				memcpy(nv, v, n * sizeof(*v));
			v = nv;
		}
		v[n].class_id = db_int(&q_issue_school, 0);
		v[n].class_name = arena_strdup(&r->arena,
		    db_str(&q_issue_school, 3));
		v[n].role = arena_strdup(&r->arena, db_str(&q_issue_school, 4));
		v[n].person_id = db_int(&q_issue_school, 5);
		v[n].name = arena_strdup(&r->arena, db_str(&q_issue_school, 6));
		v[n].children = db_str(&q_issue_school, 7) == NULL ? NULL :
		    arena_strdup(&r->arena, db_str(&q_issue_school, 7));
		v[n].position = db_str(&q_issue_school, 8) == NULL ? NULL :
		    arena_strdup(&r->arena, db_str(&q_issue_school, 8));
		v[n].has_login = db_int(&q_issue_school, 9) == 1;
		n++;
	}
	if (rc == -1)
		return -1;
	*rows = v;
	return (int)n;
}
