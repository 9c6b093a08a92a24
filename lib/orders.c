/*
 * orders.c: the book of orders and the movements of people (R16, R5).
 * Every movement checks, before it writes anything, that it is the latest
 * change of the person (their current class or staff row began no later
 * than the movement), so a refusal never leaves half a movement behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "audit.h"
#include "db.h"
#include "screen.h"
#include "orders.h"
#include "sqlnames.h"


/* --- Object checks: the object exists in the user's school. --- */

DB_STMT(q_order_here,
    "SELECT 1 FROM school_order WHERE id = ? AND school_id = ?");
DB_STMT(q_student_here,
    "SELECT 1 FROM person p WHERE p.id = ? AND p.school_id = ?"
    " AND EXISTS (SELECT 1 FROM class_student cs"
    "   WHERE cs.student_id = p.id)");
DB_STMT(q_class_here,
    "SELECT 1 FROM class WHERE id = ? AND school_id = ?");
DB_STMT(q_staff_here,
    "SELECT 1 FROM staff s JOIN person p ON p.id = s.person_id"
    " WHERE s.person_id = ? AND p.school_id = ?");

DB_STMT(q_group_here,
    "SELECT 1 FROM `groups` WHERE id = ? AND school_id = ?");

static enum obj_res
here(struct db_stmt *q, const struct req *r, long long id)
{
	int	 rc;

	if (db_query(q, "ll", id, r->sess.school_id) == -1 ||
	    (rc = db_next(q)) == -1)
		return OBJ_ERROR;
	db_done(q);
	return rc == 1 ? OBJ_OK : OBJ_MISSING;
}

enum obj_res
obj_order(const struct req *r, long long order_id)
{
	return here(&q_order_here, r, order_id);
}

enum obj_res
obj_order_student(const struct req *r, long long person_id)
{
	return here(&q_student_here, r, person_id);
}

enum obj_res
obj_order_class(const struct req *r, long long class_id)
{
	return here(&q_class_here, r, class_id);
}

enum obj_res
obj_order_staff(const struct req *r, long long person_id)
{
	return here(&q_staff_here, r, person_id);
}

enum obj_res
obj_order_group(const struct req *r, long long group_id)
{
	return here(&q_group_here, r, group_id);
}

/* --- Small helpers --- */

int
order_kind_valid(const char *kind)
{
	static const char *const kinds[] = {
		"enrolment", "transfer", "withdrawal", "dismissal", "other",
		"promotion",
	};
	size_t	 i;

	if (kind == NULL)
		return 0;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kind, kinds[i]) == 0)
			return 1;
	return 0;
}

long long
orders_day(int days)
{
	int	 y, m, d;

	civil_from_days(clock_today() + days, &y, &m, &d);
	return y * 10000LL + m * 100 + d;
}

/* «2026-09-14» as «14.09.2026», in the request's arena. */
static const char *
ddmmyyyy(struct req *r, const char *iso)
{
	if (iso == NULL || strlen(iso) != 10)
		return iso;
	return arena_printf(&r->arena, "%.2s.%.2s.%.4s", iso + 8, iso + 5,
	    iso);
}

/* --- The book --- */

DB_STMT(q_orders_list,
    "SELECT o.id, o.number, DATE_FORMAT(o.dated, '%d.%m.%Y') AS dated,"
    " o.kind, o.title, COUNT(m.id) AS people"
    " FROM school_order o LEFT JOIN movement m ON m.order_id = o.id"
    " WHERE o.school_id = ? AND (? IS NULL OR o.kind = ?)"
    " AND (? = 0 OR o.dated_year = ?)"
    " GROUP BY o.id ORDER BY o.dated DESC, o.id DESC");
DB_STMT(q_order_years,
    "SELECT DISTINCT dated_year AS year FROM school_order"
    " WHERE school_id = ? ORDER BY dated_year DESC");
DB_STMT(q_order_get,
    "SELECT o.id, o.number, DATE_FORMAT(o.dated, '%d.%m.%Y') AS dated,"
    " o.dated AS dated_iso, o.kind, o.title, o.text,"
    " " FULL_NAME("cp") " AS created_by,"
    " DATE_FORMAT(o.created_at, '%d.%m.%Y %H:%i') AS created_at"
    " FROM school_order o LEFT JOIN account ca ON ca.id = o.created_by"
    " LEFT JOIN person cp ON cp.id = ca.person_id WHERE o.id = ?");
DB_STMT(q_movements_list,
    "SELECT m.id, m.kind, m.person_id, " FULL_NAME("p") " AS name,"
    " DATE_FORMAT(p.birth_date, '%d.%m.%Y') AS birth, st.position,"
    " m.from_class_id AS from_id, " CLASS_NAME("fc") " AS from_class,"
    " m.to_class_id AS to_id, " CLASS_NAME("tc") " AS to_class,"
    " fg.name AS from_group, tg.name AS to_group,"
    " DATE_FORMAT(m.on_date, '%d.%m.%Y') AS on_date, m.note"
    " FROM movement m JOIN person p ON p.id = m.person_id"
    " LEFT JOIN staff st ON st.person_id = m.person_id"
    " LEFT JOIN class fc ON fc.id = m.from_class_id"
    " LEFT JOIN class tc ON tc.id = m.to_class_id"
    " LEFT JOIN `groups` fg ON fg.id = m.from_group_id"
    " LEFT JOIN `groups` tg ON tg.id = m.to_group_id"
    " WHERE m.order_id = ?"
    " ORDER BY p.last_name, p.first_name, p.middle_name, m.id");
DB_STMT(q_students_current,
    "SELECT p.id, " FULL_NAME("p") " AS name, " CLASS_NAME("c") " AS class"
    " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " JOIN year y ON y.id = c.year_id AND y.is_open = 1"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE c.school_id = ? AND cs.left_on IS NULL"
    " ORDER BY c.grade, c.letter, p.last_name, p.first_name,"
    " p.middle_name, p.id");
DB_STMT(q_groups_current,
    "SELECT g.id, g.name FROM `groups` g"
    " JOIN year y ON y.id = g.year_id AND y.is_open = 1"
    " JOIN class c ON c.id = g.class_id"
    " WHERE g.school_id = ? AND g.kind = 'subgroup'"
    " ORDER BY c.grade, c.letter, g.name");
DB_STMT(q_staff_current,
    "SELECT p.id, " FULL_NAME("p") " AS name, s.position"
    " FROM staff s JOIN person p ON p.id = s.person_id"
    " WHERE p.school_id = ? AND s.dismissed_on IS NULL"
    " ORDER BY p.last_name, p.first_name, p.middle_name, p.id");
DB_STMT(q_order_insert,
    "INSERT INTO school_order (school_id, number, dated, kind, title, text,"
    " created_by) VALUES (?, ?, ?, ?, ?, ?, ?)");

int
db_orders_list(struct _hdf *hdf, const char *prefix, long long school_id,
    const char *kind, int year)
{
	return db_query_hdf(hdf, prefix, &q_orders_list, "lssdd", school_id,
	    kind, kind, year, year);
}

int
db_order_years(struct _hdf *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_order_years, "l", school_id);
}

int
db_order_get(struct _hdf *hdf, const char *prefix, long long order_id)
{
	return db_row_hdf(hdf, prefix, &q_order_get, "l", order_id);
}

int
db_movements_list_by_order(struct _hdf *hdf, const char *prefix,
    long long order_id)
{
	return db_query_hdf(hdf, prefix, &q_movements_list, "l", order_id);
}

int
db_order_students_list(struct _hdf *hdf, const char *prefix,
    long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_students_current, "l", school_id);
}

int
db_order_groups_list(struct _hdf *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_groups_current, "l", school_id);
}

int
db_order_staff_list(struct _hdf *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_staff_current, "l", school_id);
}

long long
order_add(struct req *r, const char *number, const char *dated,
    const char *kind, const char *title, const char *text)
{
	long long	 rc, id;

	rc = db_exec(&q_order_insert, "lsssssl", r->sess.school_id, number,
	    dated, kind, title, text, r->sess.account_id);
	if (rc == DB_DUPLICATE)
		return DB_DUPLICATE;
	if (rc != 1)
		return -1;
	id = (long long)db_last_id();
	if (audit_add(r, "order_add", "school_order", id, NULL,
	    arena_printf(&r->arena, "№ %s от %s, %s: %s", number, dated, kind,
	    title)) == -1)
		return -1;
	return id;
}

/* --- Movements --- */

DB_STMT(q_movement_insert,
    "INSERT INTO movement (order_id, person_id, kind, from_class_id,"
    " to_class_id, on_date, note, created_by)"
    " VALUES (?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?)");
DB_STMT(q_person_insert,
    "INSERT INTO person (school_id, last_name, first_name, middle_name,"
    " sex, birth_date) VALUES (?, ?, ?, ?, ?, ?)");
DB_STMT(q_member_insert,
    "INSERT INTO class_student (class_id, student_id, joined_on)"
    " VALUES (?, ?, ?)");
DB_STMT(q_member_close,
    "UPDATE class_student SET left_on = ?"
    " WHERE class_id = ? AND student_id = ? AND left_on IS NULL");
DB_STMT(q_member_was,
    "SELECT 1 FROM class_student WHERE class_id = ? AND student_id = ?");
/* The class, if it is of the school's open year: its year and name. */
DB_STMT(q_class_open,
    "SELECT c.year_id, " CLASS_NAME("c") " FROM class c"
    " JOIN year y ON y.id = c.year_id AND y.is_open = 1"
    " WHERE c.id = ? AND c.school_id = ?");
/* The student's current class, locked until the movement commits. */
DB_STMT(q_member_current,
    "SELECT cs.class_id, c.year_id, cs.joined_on, " CLASS_NAME("c")
    " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " WHERE cs.student_id = ? AND cs.left_on IS NULL AND c.school_id = ?"
    " FOR UPDATE");
DB_STMT(q_staff_lock,
    "SELECT s.hired_on, EXISTS (SELECT 1 FROM class c"
    "   JOIN year y ON y.id = c.year_id AND y.is_open = 1"
    "   WHERE c.teacher_id = s.person_id)"
    " FROM staff s WHERE s.person_id = ? AND s.dismissed_on IS NULL"
    " FOR UPDATE");
DB_STMT(q_staff_dismiss,
    "UPDATE staff SET dismissed_on = ?"
    " WHERE person_id = ? AND dismissed_on IS NULL");
/*
 * The logins a withdrawal ends: the student's, and each guardian's who
 * has no other current child in the school.  A guardian who also holds a
 * staff role (a teacher whose child leaves) keeps the login: it is not
 * only a diary login.
 */
DB_STMT(q_withdraw_accounts,
    "SELECT a.id FROM account a WHERE a.is_active = 1 AND (a.person_id = ?"
    " OR (a.person_id IN (SELECT g.guardian_id FROM guardian g"
    "   WHERE g.student_id = ? AND NOT EXISTS (SELECT 1 FROM guardian g2"
    "     JOIN class_student cs ON cs.student_id = g2.student_id"
    "       AND cs.left_on IS NULL"
    "     JOIN class c ON c.id = cs.class_id AND c.school_id = ?"
    "     WHERE g2.guardian_id = g.guardian_id))"
    "  AND NOT EXISTS (SELECT 1 FROM account_role ar"
    "    WHERE ar.account_id = a.id AND ar.role <> 'parent')))"
    " ORDER BY a.id");
DB_STMT(q_person_accounts,
    "SELECT id FROM account WHERE person_id = ? AND is_active = 1");
DB_STMT(q_account_disable,
    "UPDATE account SET is_active = 0 WHERE id = ? AND is_active = 1");
DB_STMT(q_account_sessions_end,
    "DELETE FROM session WHERE account_id = ?");

/* Both groups with the student's membership of each (sorted by id). */
DB_STMT(q_groups_pair,
    "SELECT g.id, g.class_id, g.kind, g.subject_id, g.name,"
    " EXISTS (SELECT 1 FROM group_student gs WHERE gs.group_id = g.id"
    "   AND gs.student_id = ?) AS member"
    " FROM `groups` g WHERE g.id IN (?, ?) AND g.school_id = ?"
    " ORDER BY g.id FOR UPDATE");
DB_STMT(q_group_leave,
    "DELETE FROM group_student WHERE group_id = ? AND student_id = ?");
DB_STMT(q_group_join,
    "INSERT INTO group_student (group_id, student_id) VALUES (?, ?)");
DB_STMT(q_movement_group_insert,
    "INSERT INTO movement (order_id, person_id, kind, from_class_id,"
    " to_class_id, from_group_id, to_group_id, on_date, note, created_by)"
    " VALUES (?, ?, 'group_transfer', ?, ?, ?, ?, ?, ?, ?)");

static int
movement_add(struct req *r, long long order_id, long long person,
    const char *kind, long long from, long long to, const char *on_date,
    const char *note, const char *what)
{
	if (db_exec(&q_movement_insert, "llsllssl", order_id, person, kind,
	    from, to, on_date, note, r->sess.account_id) != 1)
		return -1;
	return audit_add(r, "movement_add", "movement",
	    (long long)db_last_id(), NULL, arena_printf(&r->arena,
	    "%s: person %lld%s%s; приказ %lld; с %s%s%s", kind, person,
	    what != NULL ? ", " : "", what != NULL ? what : "", order_id,
	    on_date, *note ? "; " : "", note));
}

/*
 * Switch off the accounts whose ids q gives (its query already run by the
 * caller), end their sessions, one audit row each.  The ids are read
 * first: no other statement runs while a result is open.
 */
static int
disable_accounts(struct req *r, struct db_stmt *q, const char *why,
    int *disabled)
{
	long long	 ids[32];
	size_t		 n = 0, i;
	int		 rc;

	*disabled = 0;
	while ((rc = db_next(q)) == 1)
		if (n < sizeof(ids) / sizeof(ids[0]))
			ids[n++] = db_int(q, 0);
	if (rc == -1)
		return -1;
	db_done(q);
	for (i = 0; i < n; i++) {
		if (db_exec(&q_account_disable, "l", ids[i]) < 0 ||
		    db_exec(&q_account_sessions_end, "l", ids[i]) < 0 ||
		    audit_add(r, "account_disable", "account", ids[i], "1",
		    arena_printf(&r->arena, "0: %s", why)) == -1)
			return -1;
		(*disabled)++;
	}
	return 0;
}

enum move_res
movement_enrol(struct req *r, long long order_id, const struct enrolment *e,
    long long class_id, const char *on_date, const char *note,
    long long *person)
{
	char	 cname[32];
	int	 rc;

	if (db_query(&q_class_open, "ll", class_id, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_class_open)) == -1)
		return MOVE_ERROR;
	if (rc == 0)
		return MOVE_OTHER_YEAR;
	snprintf(cname, sizeof(cname), "%s", db_str(&q_class_open, 1));
	db_done(&q_class_open);

	if (db_exec(&q_person_insert, "lsssss", r->sess.school_id, e->last,
	    e->first, e->middle, e->sex, e->birth) != 1)
		return MOVE_ERROR;
	*person = (long long)db_last_id();
	if (db_exec(&q_member_insert, "lls", class_id, *person, on_date) != 1)
		return MOVE_ERROR;
	if (movement_add(r, order_id, *person, "enrolment", 0, class_id,
	    on_date, note, arena_printf(&r->arena, "%s %s %s, %s, в %s",
	    e->last, e->first, e->middle, e->birth, cname)) == -1)
		return MOVE_ERROR;
	return MOVE_OK;
}

/* The student's current class: 1 (filled), 0 (none) or -1. */
static int
current_class(struct req *r, long long student_id, long long *class_id,
    long long *year_id, const char **joined, const char **cname)
{
	int	 rc;

	if (db_query(&q_member_current, "ll", student_id,
	    r->sess.school_id) == -1 ||
	    (rc = db_next(&q_member_current)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	*class_id = db_int(&q_member_current, 0);
	*year_id = db_int(&q_member_current, 1);
	*joined = arena_strdup(&r->arena, db_str(&q_member_current, 2));
	*cname = arena_strdup(&r->arena, db_str(&q_member_current, 3));
	db_done(&q_member_current);
	return 1;
}

enum move_res
movement_transfer(struct req *r, long long order_id, long long student_id,
    long long class_id, const char *on_date, const char *note,
    const char **since)
{
	const char	*joined, *from_name;
	char		 to_name[32];
	long long	 from, year;
	int		 rc;

	if ((rc = current_class(r, student_id, &from, &year, &joined,
	    &from_name)) != 1)
		return rc == 0 ? MOVE_NOT_CURRENT : MOVE_ERROR;
	if (strcmp(on_date, joined) < 0) {
		*since = ddmmyyyy(r, joined);
		return MOVE_TOO_EARLY;
	}
	if (from == class_id)
		return MOVE_SAME_CLASS;
	if (db_query(&q_class_open, "ll", class_id, r->sess.school_id) == -1 ||
	    (rc = db_next(&q_class_open)) == -1)
		return MOVE_ERROR;
	if (rc == 0)
		return MOVE_OTHER_YEAR;
	rc = db_int(&q_class_open, 0) == year;
	snprintf(to_name, sizeof(to_name), "%s", db_str(&q_class_open, 1));
	db_done(&q_class_open);
	if (!rc)
		return MOVE_OTHER_YEAR;
	/* One row per class and student: a return is not a new row. */
	if (db_query(&q_member_was, "ll", class_id, student_id) == -1 ||
	    (rc = db_next(&q_member_was)) == -1)
		return MOVE_ERROR;
	db_done(&q_member_was);
	if (rc == 1)
		return MOVE_BEEN_THERE;

	if (db_exec(&q_member_close, "sll", on_date, from, student_id) != 1 ||
	    db_exec(&q_member_insert, "lls", class_id, student_id,
	    on_date) != 1)
		return MOVE_ERROR;
	if (movement_add(r, order_id, student_id, "transfer", from, class_id,
	    on_date, note, arena_printf(&r->arena, "%s → %s", from_name,
	    to_name)) == -1)
		return MOVE_ERROR;
	return MOVE_OK;
}

enum move_res
movement_withdraw(struct req *r, long long order_id, long long student_id,
    const char *on_date, const char *note, const char **since, int *disabled)
{
	const char	*joined, *cname;
	long long	 from, year;
	int		 rc;

	*disabled = 0;
	if ((rc = current_class(r, student_id, &from, &year, &joined,
	    &cname)) != 1)
		return rc == 0 ? MOVE_NOT_CURRENT : MOVE_ERROR;
	if (strcmp(on_date, joined) < 0) {
		*since = ddmmyyyy(r, joined);
		return MOVE_TOO_EARLY;
	}
	if (db_exec(&q_member_close, "sll", on_date, from, student_id) != 1)
		return MOVE_ERROR;
	/* After the close: "another current child" no longer counts this one. */
	if (db_query(&q_withdraw_accounts, "lll", student_id, student_id,
	    r->sess.school_id) == -1 ||
	    disable_accounts(r, &q_withdraw_accounts, arena_printf(&r->arena,
	    "отчисление ученика %lld", student_id), disabled) == -1)
		return MOVE_ERROR;
	if (movement_add(r, order_id, student_id, "withdrawal", from, 0,
	    on_date, note, arena_printf(&r->arena, "из %s; входов закрыто: %d",
	    cname, *disabled)) == -1)
		return MOVE_ERROR;
	return MOVE_OK;
}

enum move_res
movement_dismiss(struct req *r, long long order_id, long long person_id,
    const char *on_date, const char *note, const char **since, int *disabled)
{
	const char	*hired;
	int		 rc, leads;

	*disabled = 0;
	if (db_query(&q_staff_lock, "l", person_id) == -1 ||
	    (rc = db_next(&q_staff_lock)) == -1)
		return MOVE_ERROR;
	if (rc == 0)
		return MOVE_NOT_CURRENT;
	hired = db_str(&q_staff_lock, 0) != NULL ?
	    arena_strdup(&r->arena, db_str(&q_staff_lock, 0)) : NULL;
	leads = db_int(&q_staff_lock, 1) == 1;
	db_done(&q_staff_lock);
	if (hired != NULL && strcmp(on_date, hired) < 0) {
		*since = ddmmyyyy(r, hired);
		return MOVE_TOO_EARLY;
	}
	/* A class may not be left without its class teacher. */
	if (leads)
		return MOVE_CLASS_TEACHER;
	if (db_exec(&q_staff_dismiss, "sl", on_date, person_id) != 1)
		return MOVE_ERROR;
	if (db_query(&q_person_accounts, "l", person_id) == -1 ||
	    disable_accounts(r, &q_person_accounts, arena_printf(&r->arena,
	    "увольнение сотрудника %lld", person_id), disabled) == -1)
		return MOVE_ERROR;
	if (movement_add(r, order_id, person_id, "dismissal", 0, 0, on_date,
	    note, arena_printf(&r->arena, "входов закрыто: %d",
	    *disabled)) == -1)
		return MOVE_ERROR;
	return MOVE_OK;
}

enum move_res
movement_group_transfer(struct req *r, long long order_id,
    long long student_id, long long from_group, long long to_group,
    const char *on_date, const char *note, const char **since)
{
	const char	*joined, *cname, *fname = "", *tname = "";
	long long	 cls, year, gclass[2] = { 0, 0 }, subj[2] = { 0, 0 };
	int		 rc, n = 0, member[2] = { 0, 0 }, sub[2] = { 0, 0 }, k;

	if ((rc = current_class(r, student_id, &cls, &year, &joined,
	    &cname)) != 1)
		return rc == 0 ? MOVE_NOT_CURRENT : MOVE_ERROR;
	if (strcmp(on_date, joined) < 0) {
		*since = ddmmyyyy(r, joined);
		return MOVE_TOO_EARLY;
	}
	if (from_group == to_group)
		return MOVE_GROUP_MISMATCH;
	if (db_query(&q_groups_pair, "llll", student_id, from_group, to_group,
	    r->sess.school_id) == -1)
		return MOVE_ERROR;
	while ((rc = db_next(&q_groups_pair)) == 1 && n < 2) {
		k = db_int(&q_groups_pair, 0) == from_group ? 0 : 1;
		gclass[k] = db_int(&q_groups_pair, 1);
		sub[k] = strcmp(db_str(&q_groups_pair, 2), "subgroup") == 0;
		/* A subgroup for no one subject: 0 on both sides matches. */
		subj[k] = db_int(&q_groups_pair, 3);
		*(k == 0 ? &fname : &tname) = arena_strdup(&r->arena,
		    db_str(&q_groups_pair, 4));
		member[k] = db_int(&q_groups_pair, 5) == 1;
		n++;
	}
	if (rc == -1)
		return MOVE_ERROR;
	db_done(&q_groups_pair);
	if (n != 2 || !sub[0] || !sub[1] || gclass[0] != cls ||
	    gclass[1] != cls || subj[0] != subj[1])
		return MOVE_GROUP_MISMATCH;
	if (!member[0])
		return MOVE_NOT_IN_GROUP;
	if (member[1])
		return MOVE_IN_GROUP;
	if (db_exec(&q_group_leave, "ll", from_group, student_id) != 1 ||
	    db_exec(&q_group_join, "ll", to_group, student_id) != 1 ||
	    db_exec(&q_movement_group_insert, "llllllssl", order_id,
	    student_id, cls, cls, from_group, to_group, on_date, note,
	    r->sess.account_id) != 1)
		return MOVE_ERROR;
	if (audit_add(r, "movement_add", "movement", (long long)db_last_id(),
	    NULL, arena_printf(&r->arena, "group_transfer: person %lld, %s → "
	    "%s; приказ %lld; с %s%s%s", student_id, fname, tname, order_id,
	    on_date, *note ? "; " : "", note)) == -1)
		return MOVE_ERROR;
	return MOVE_OK;
}

/* --- Promotion at year end --- */

DB_STMT(q_promo_classes,
    "SELECT c.id, " CLASS_NAME("c") " AS name, c.grade FROM class c"
    " JOIN current_year cy ON cy.year_id = c.year_id"
    " WHERE c.school_id = ? ORDER BY c.grade, c.letter");
DB_STMT(q_promo_students,
    "SELECT cs.class_id, p.id, " FULL_NAME("p") " AS name"
    " FROM class c JOIN current_year cy ON cy.year_id = c.year_id"
    " JOIN class_student cs ON cs.class_id = c.id AND cs.left_on IS NULL"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE c.school_id = ?"
    " ORDER BY p.last_name, p.first_name, p.middle_name, p.id");
DB_STMT(q_year_next,
    "SELECT n.id, n.starts_on FROM current_year cy"
    " JOIN year y ON y.id = cy.year_id"
    " JOIN year n ON n.school_id = y.school_id AND n.starts_on > y.starts_on"
    " WHERE cy.school_id = ? ORDER BY n.starts_on LIMIT 1");
/* The student's class, locked, if it is of the current year. */
DB_STMT(q_promo_member,
    "SELECT c.id, c.grade, c.letter, c.teacher_id, cs.joined_on, "
    CLASS_NAME("c") " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " JOIN current_year cy ON cy.year_id = c.year_id"
    " WHERE cs.student_id = ? AND cs.left_on IS NULL AND c.school_id = ?"
    " FOR UPDATE");
DB_STMT(q_class_find,
    "SELECT id FROM class WHERE year_id = ? AND grade = ? AND letter = ?");
DB_STMT(q_class_make,
    "INSERT INTO class (school_id, year_id, grade, letter, teacher_id)"
    " VALUES (?, ?, ?, ?, NULLIF(?, 0))");

int
db_promotion_list(struct req *r, const char *prefix,
    struct promo_class **out)
{
	struct idindex	 byid = { 0 };
	struct promo_class *c = NULL;
	struct promo_student *s;
	int		 rc, row, n = 0, ret = -1;

	*out = NULL;
	if (db_query(&q_promo_classes, "l", r->sess.school_id) == -1)
		return -1;
	while ((rc = db_next(&q_promo_classes)) == 1) {
		db_row_to_hdf(r->hdf, arena_printf(&r->arena, "%s.%d", prefix,
		    n), &q_promo_classes);
		c = arena_grow(&r->arena, c, (size_t)n, sizeof(*c));
		memset(&c[n], 0, sizeof(c[n]));
		c[n].id = db_int(&q_promo_classes, 0);
		c[n].grade = (int)db_int(&q_promo_classes, 2);
		idindex_add(&byid, c[n].id, n);
		n++;
	}
	if (rc == -1 || db_query(&q_promo_students, "l",
	    r->sess.school_id) == -1)
		goto out;
	while ((rc = db_next(&q_promo_students)) == 1) {
		if ((row = idindex_find(&byid,
		    db_int(&q_promo_students, 0))) < 0)
			continue;
		db_row_to_hdf(r->hdf, arena_printf(&r->arena,
		    "%s.%d.Students.%d", prefix, row, c[row].nstudents),
		    &q_promo_students);
		c[row].students = arena_grow(&r->arena, c[row].students,
		    (size_t)c[row].nstudents, sizeof(*s));
		s = &c[row].students[c[row].nstudents++];
		s->id = db_int(&q_promo_students, 1);
		s->name = arena_strdup(&r->arena, db_str(&q_promo_students, 2));
	}
	if (rc != -1) {
		ret = n;
		*out = c;
	}
out:
	idindex_free(&byid);
	return ret;
}

int
db_year_next(long long school_id, long long *year_id, char starts[11])
{
	int	 rc;

	if (db_query(&q_year_next, "l", school_id) == -1 ||
	    (rc = db_next(&q_year_next)) == -1)
		return -1;
	if (rc == 1) {
		*year_id = db_int(&q_year_next, 0);
		snprintf(starts, 11, "%s", db_str(&q_year_next, 1));
		db_done(&q_year_next);
	}
	return rc;
}

/* The class of grade and letter in year, made when missing; 0 on error. */
static long long
class_of_year(struct req *r, long long year, int grade, const char *letter,
    long long teacher)
{
	long long	 id = 0;
	int		 rc;

	if (db_query(&q_class_find, "lds", year, grade, letter) == -1 ||
	    (rc = db_next(&q_class_find)) == -1)
		return 0;
	if (rc == 1) {
		id = db_int(&q_class_find, 0);
		db_done(&q_class_find);
		return id;
	}
	if (db_exec(&q_class_make, "lldsl", r->sess.school_id, year, grade,
	    letter, teacher) != 1)
		return 0;
	id = (long long)db_last_id();
	if (audit_add(r, "class_add", "class", id, NULL, arena_printf(
	    &r->arena, "%d %s (перевод в следующий класс)", grade,
	    letter)) == -1)
		return 0;
	return id;
}

enum move_res
movement_promote(struct req *r, long long order_id, long long student_id,
    enum promo_kind kind, long long next_year, const char *next_starts,
    const char *on_date, const char **since)
{
	const char	*letter, *joined, *from_name, *mkind;
	long long	 from, teacher, to = 0;
	int		 rc, grade, disabled = 0;

	if (db_query(&q_promo_member, "ll", student_id,
	    r->sess.school_id) == -1 ||
	    (rc = db_next(&q_promo_member)) == -1)
		return MOVE_ERROR;
	if (rc == 0)
		return MOVE_NOT_CURRENT;
	from = db_int(&q_promo_member, 0);
	grade = (int)db_int(&q_promo_member, 1);
	letter = arena_strdup(&r->arena, db_str(&q_promo_member, 2));
	teacher = db_int(&q_promo_member, 3);
	joined = arena_strdup(&r->arena, db_str(&q_promo_member, 4));
	from_name = arena_strdup(&r->arena, db_str(&q_promo_member, 5));
	db_done(&q_promo_member);
	if (strcmp(on_date, joined) < 0) {
		*since = ddmmyyyy(r, joined);
		return MOVE_TOO_EARLY;
	}
	if (kind == PROMO_UP && grade >= 11)
		kind = PROMO_GRADUATE;		/* the 11th grade finishes school */
	if (db_exec(&q_member_close, "sll", on_date, from, student_id) != 1)
		return MOVE_ERROR;
	if (kind == PROMO_GRADUATE) {
		mkind = "graduation";
		if (db_query(&q_withdraw_accounts, "lll", student_id,
		    student_id, r->sess.school_id) == -1 ||
		    disable_accounts(r, &q_withdraw_accounts, arena_printf(
		    &r->arena, "выпуск ученика %lld", student_id),
		    &disabled) == -1)
			return MOVE_ERROR;
	} else {
		mkind = kind == PROMO_UP ? "promotion" : "repetition";
		if ((to = class_of_year(r, next_year, kind == PROMO_UP ?
		    grade + 1 : grade, letter, teacher)) == 0 ||
		    db_exec(&q_member_insert, "lls", to, student_id,
		    next_starts) != 1)
			return MOVE_ERROR;
	}
	if (movement_add(r, order_id, student_id, mkind, from, to, on_date, "",
	    arena_printf(&r->arena, "из %s%s; входов закрыто: %d", from_name,
	    kind == PROMO_GRADUATE ? ", выпуск" : "", disabled)) == -1)
		return MOVE_ERROR;
	return MOVE_OK;
}
