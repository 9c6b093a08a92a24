#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "consent.h"
#include "db.h"
#include "screen.h"
#include "sqlnames.h"


DB_STMT(q_guardian_get,
    "SELECT p.id, " FULL_NAME("p") " AS name FROM person p"
    " WHERE p.id = ? AND EXISTS (SELECT 1 FROM guardian g"
    "   WHERE g.guardian_id = p.id)");
DB_STMT(q_consent_history,
    "SELECT cn.status, DATE_FORMAT(cn.signed_on, '%d.%m.%Y') AS signed,"
    " cn.document, " FULL_NAME("rp") " AS recorded_by,"
    " DATE_FORMAT(cn.recorded_at, '%d.%m.%Y %H:%i') AS recorded_at"
    " FROM consent cn LEFT JOIN account ra ON ra.id = cn.recorded_by"
    " LEFT JOIN person rp ON rp.id = ra.person_id"
    " WHERE cn.guardian_id = ? ORDER BY cn.id DESC");
DB_STMT(q_consent_insert,
    "INSERT INTO consent (guardian_id, status, signed_on, document,"
    " recorded_by) VALUES (?, ?, ?, ?, ?)");
DB_STMT(q_disable_guardian,
    "UPDATE account SET is_active = 0 WHERE person_id = ? AND is_active = 1");
/* Children of the guardian with no guardian whose current statement is
 * a consent (the refusal just inserted is already current). */
DB_STMT(q_disable_children,
    "UPDATE account a JOIN guardian g ON g.student_id = a.person_id"
    " SET a.is_active = 0"
    " WHERE g.guardian_id = ? AND a.is_active = 1 AND NOT EXISTS ("
    "   SELECT 1 FROM guardian g2 JOIN consent cn ON cn.id ="
    "     (SELECT MAX(c2.id) FROM consent c2"
    "      WHERE c2.guardian_id = g2.guardian_id)"
    "   WHERE g2.student_id = g.student_id AND cn.status = 'consent')");
DB_STMT(q_end_family_sessions,
    "DELETE s FROM session s JOIN account a ON a.id = s.account_id"
    " WHERE a.is_active = 0 AND (a.person_id = ? OR a.person_id IN"
    "   (SELECT g.student_id FROM guardian g WHERE g.guardian_id = ?))");

DB_STMT(q_families_without_consent,
    "SELECT c.id AS class_id, " CLASS_NAME("c") " AS class, p.id,"
    " " FULL_NAME("p") " AS name,"
    " (SELECT GROUP_CONCAT(CONCAT(" FULL_NAME("gp") ", ' — ',"
    "   CASE cn.status WHEN 'refusal' THEN CONCAT('отказ от ',"
    "   DATE_FORMAT(cn.signed_on, '%d.%m.%Y')) ELSE 'нет заявления' END)"
    "   ORDER BY gp.last_name SEPARATOR '; ')"
    "   FROM guardian g JOIN person gp ON gp.id = g.guardian_id"
    "   LEFT JOIN consent cn ON cn.id = (SELECT MAX(c2.id) FROM consent c2"
    "     WHERE c2.guardian_id = g.guardian_id)"
    "   WHERE g.student_id = p.id) AS guardians"
    " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " JOIN current_year cy ON cy.year_id = c.year_id"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE cs.left_on IS NULL AND c.school_id = ?"
    " AND (? = 0 OR c.teacher_id = ?)"
    " AND NOT " HAS_CONSENT_SQL("p.id")
    " ORDER BY c.grade, c.letter, p.last_name, p.first_name");

int
db_families_without_consent(struct _hdf *hdf, const char *prefix,
    long long school_id, long long teacher_id)
{
	return db_query_hdf(hdf, prefix, &q_families_without_consent, "lll",
	    school_id, teacher_id, teacher_id);
}

int
db_guardian_get(struct _hdf *hdf, const char *prefix, long long guardian_id)
{
	return db_row_hdf(hdf, prefix, &q_guardian_get, "l", guardian_id);
}

int
db_consent_history(struct _hdf *hdf, const char *prefix, long long guardian_id)
{
	return db_query_hdf(hdf, prefix, &q_consent_history, "l", guardian_id);
}

int
consent_record(struct req *r, long long guardian_id, const char *status,
    const char *signed_on, const char *document, int *disabled)
{
	char		 what[160];
	long long	 n;

	*disabled = 0;
	if (db_exec(&q_consent_insert, "lsssl", guardian_id, status,
	    signed_on, document, r->sess.account_id) != 1)
		return -1;
	if (strcmp(status, "refusal") == 0) {
		if ((n = db_exec(&q_disable_guardian, "l", guardian_id)) < 0)
			return -1;
		*disabled += (int)n;
		if ((n = db_exec(&q_disable_children, "l", guardian_id)) < 0)
			return -1;
		*disabled += (int)n;
		if (db_exec(&q_end_family_sessions, "ll", guardian_id,
		    guardian_id) < 0)
			return -1;
	}
	snprintf(what, sizeof(what), "%s %s%s%s; accounts disabled: %d",
	    status, signed_on, *document ? " № " : "", document, *disabled);
	return audit_add(r, "consent", "person", guardian_id, NULL, what);
}
