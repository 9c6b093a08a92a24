#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "audit.h"
#include "auth.h"
#include "credentials.h"
#include "db.h"
#include "journal.h"

/* FOR UPDATE: a second request for the same person waits for the first
 * to commit and then finds its account instead of making another. */
DB_STMT(q_person_lock,
    "SELECT p.last_name, p.first_name, p.middle_name, p.school_id, a.id,"
    " a.login FROM person p LEFT JOIN account a ON a.person_id = p.id"
    " WHERE p.id = ? FOR UPDATE");
DB_STMT(q_account_insert,
    "INSERT INTO account (person_id, school_id, login, pw_hash, is_active,"
    " issued_at) VALUES (?, ?, ?, ?, 1, NOW())");
DB_STMT(q_account_reissue,
    "UPDATE account SET pw_hash = ?, pw_changed_at = NULL, is_active = 1,"
    " issued_at = NOW() WHERE id = ?");
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
	if (auth_hash(password, hash) == -1)
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
