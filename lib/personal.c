/*
 * personal.c: personal files (R7, R17).  The object check decides the
 * field groups from one query (what the person is to this school and to
 * the user); the loaders copy only those groups into the page, so a field
 * the user may not see is never in the HTML, not merely hidden.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ClearSilver.h>

#include "clock.h"
#include "audit.h"
#include "db.h"
#include "screen.h"
#include "personal.h"
#include "rights.h"
#include "roles.h"

#define CLASS_NAME	"CONCAT(c.grade, ' ', c.letter)"
#define FULL_NAME(p)	"CONCAT_WS(' ', " p ".last_name, " p ".first_name, " \
			"NULLIF(" p ".middle_name, ''))"

/*
 * What the person is (student ever / now / in a class the user leads;
 * guardian / of a child in a class the user leads; staff) and whether
 * they are reachable through the class given (0: none given).  No row:
 * not a person of the user's school.
 */
DB_STMT(q_person_relation,
    "SELECT EXISTS (SELECT 1 FROM class_student cs"
    "   WHERE cs.student_id = p.id) AS student,"
    " EXISTS (SELECT 1 FROM class_student cs"
    "   WHERE cs.student_id = p.id AND cs.left_on IS NULL) AS current,"
    " EXISTS (SELECT 1 FROM class_student cs JOIN class c"
    "   ON c.id = cs.class_id WHERE cs.student_id = p.id"
    "   AND cs.left_on IS NULL AND c.teacher_id = ?) AS own_student,"
    " EXISTS (SELECT 1 FROM guardian g WHERE g.guardian_id = p.id)"
    "   AS guardian,"
    " EXISTS (SELECT 1 FROM guardian g JOIN class_student cs"
    "   ON cs.student_id = g.student_id AND cs.left_on IS NULL"
    "   JOIN class c ON c.id = cs.class_id"
    "   WHERE g.guardian_id = p.id AND c.teacher_id = ?) AS own_guardian,"
    " EXISTS (SELECT 1 FROM staff s WHERE s.person_id = p.id) AS staff,"
    " (? = 0 OR EXISTS (SELECT 1 FROM class_student cs"
    "   WHERE cs.class_id = ? AND cs.left_on IS NULL"
    "   AND (cs.student_id = p.id OR cs.student_id IN"
    "     (SELECT g.student_id FROM guardian g"
    "      WHERE g.guardian_id = p.id)))) AS in_class"
    " FROM person p WHERE p.id = ? AND p.school_id = ?");

DB_STMT(q_person_file,
    "SELECT p.id, " FULL_NAME("p") " AS name, p.sex,"
    " DATE_FORMAT(p.birth_date, '%d.%m.%Y') AS birth,"
    " c.id AS class_id, " CLASS_NAME " AS class, st.position,"
    " (SELECT GROUP_CONCAT(" FULL_NAME("k") " ORDER BY k.last_name,"
    "   k.first_name SEPARATOR ', ') FROM guardian g"
    "   JOIN person k ON k.id = g.student_id"
    "   WHERE g.guardian_id = p.id) AS children,"
    " (SELECT DATE_FORMAT(MAX(pc.checked_on), '%d.%m.%Y') FROM pd_check pc"
    "   WHERE pc.person_id = p.id) AS checked_on,"
    " p.birth_date, f.phone, f.email, f.address_reg, f.address_live,"
    " f.documents, f.snils, f.health_group, f.health_notes,"
    " DATE_FORMAT(f.updated_at, '%d.%m.%Y %H:%i') AS updated_at"
    " FROM person p"
    " LEFT JOIN class_student cs ON cs.student_id = p.id"
    "   AND cs.left_on IS NULL"
    " LEFT JOIN class c ON c.id = cs.class_id"
    " LEFT JOIN staff st ON st.person_id = p.id"
    " LEFT JOIN person_file f ON f.person_id = p.id"
    " WHERE p.id = ?");
/* The first column of the fields in q_person_file and q_file_lock. */
#define FILE_COL	9

/* The stored values, locked until the POST's transaction ends. */
DB_STMT(q_file_lock,
    "SELECT p.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
    " p.birth_date, f.phone, f.email, f.address_reg, f.address_live,"
    " f.documents, f.snils, f.health_group, f.health_notes"
    " FROM person p LEFT JOIN person_file f ON f.person_id = p.id"
    " WHERE p.id = ? FOR UPDATE");
DB_STMT(q_file_save,
    "INSERT INTO person_file (person_id, phone, email, address_reg,"
    " address_live, documents, snils, health_group, health_notes,"
    " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(),"
    " NULLIF(?, 0)) ON DUPLICATE KEY UPDATE phone = VALUES(phone),"
    " email = VALUES(email), address_reg = VALUES(address_reg),"
    " address_live = VALUES(address_live), documents = VALUES(documents),"
    " snils = VALUES(snils), health_group = VALUES(health_group),"
    " health_notes = VALUES(health_notes), updated_at = NOW(),"
    " updated_by = VALUES(updated_by)");
DB_STMT(q_birth_save,
    "UPDATE person SET birth_date = ? WHERE id = ?");
DB_STMT(q_check_add,
    "INSERT INTO pd_check (person_id, checked_on, checked_by, result)"
    " VALUES (?, CURDATE(), NULLIF(?, 0), ?)");

/*
 * R17 says "once a quarter".  A school that works in quarters has them as
 * periods of kind 'quarter' for the grade; half-years and trimesters are
 * longer than a quarter, so for those grades the calendar quarter is used.
 */
DB_STMT(q_pd_since,
    "SELECT x.since, DATE_FORMAT(x.since, '%d.%m.%Y') AS since_ru,"
    " IFNULL(x.name, CONCAT(QUARTER(CURDATE()), ' квартал ',"
    "   YEAR(CURDATE()), ' г.')) AS name FROM (SELECT"
    " IFNULL(pe.starts_on, MAKEDATE(YEAR(CURDATE()), 1) +"
    "   INTERVAL (QUARTER(CURDATE()) - 1) QUARTER) AS since, pe.name"
    " FROM class c LEFT JOIN period pe ON pe.year_id = c.year_id"
    "   AND pe.kind = 'quarter'"
    "   AND c.grade BETWEEN pe.grade_from AND pe.grade_to"
    "   AND CURDATE() BETWEEN pe.starts_on AND pe.ends_on"
    " WHERE c.id = ? ORDER BY pe.starts_on DESC LIMIT 1) x");
DB_STMT(q_pd_unconfirmed,
    "SELECT p.id, " FULL_NAME("p") " AS name,"
    " DATE_FORMAT(MAX(pc.checked_on), '%d.%m.%Y') AS last"
    " FROM class_student cs JOIN person p ON p.id = cs.student_id"
    " LEFT JOIN pd_check pc ON pc.person_id = p.id"
    " WHERE cs.class_id = ? AND cs.left_on IS NULL"
    " GROUP BY p.id, p.last_name, p.first_name, p.middle_name"
    " HAVING MAX(pc.checked_on) IS NULL OR MAX(pc.checked_on) < ?"
    " ORDER BY p.last_name, p.first_name, p.middle_name, p.id");

static const struct {
	const char	*name;
	unsigned	 group;
} fields[PF__MAX] = {
	[PF_BIRTH_DATE] =	{ "birth_date", PF_BASIC },
	[PF_PHONE] =		{ "phone", PF_CONTACTS },
	[PF_EMAIL] =		{ "email", PF_CONTACTS },
	[PF_ADDRESS_REG] =	{ "address_reg", PF_CONTACTS },
	[PF_ADDRESS_LIVE] =	{ "address_live", PF_CONTACTS },
	[PF_DOCUMENTS_TEXT] =	{ "documents", PF_DOCUMENTS },
	[PF_SNILS] =		{ "snils", PF_DOCUMENTS },
	[PF_HEALTH_GROUP] =	{ "health_group", PF_HEALTH },
	[PF_HEALTH_NOTES] =	{ "health_notes", PF_HEALTH },
};

const char *
pf_name(enum pf_field f)
{
	return fields[f].name;
}

unsigned
pf_group(enum pf_field f)
{
	return fields[f].group;
}

/* A pseudo role: the class teacher of the person's (child's) class. */
#define OWN_CLASS	(1u << 31)

/* The table of personal.h, row by row; the rows that apply are ORed. */
static const struct {
	unsigned	 kind;		/* PK_* the row is about */
	unsigned	 roles;		/* ROLE_* or OWN_CLASS */
	unsigned	 see, edit;
} pf_rules[] = {
	{ PK_STUDENT, ROLE_ADMIN | ROLE_SECRETARY | OWN_CLASS,
	    PF_ALL, PF_ALL },
	{ PK_STUDENT, ROLE_MANAGEMENT | ROLE_PSYCHOLOGIST,
	    PF_BASIC | PF_CONTACTS, 0 },
	{ PK_STUDENT, ROLE_MEDIC, PF_BASIC | PF_HEALTH, PF_HEALTH },
	{ PK_GUARDIAN, ROLE_ADMIN | ROLE_SECRETARY | OWN_CLASS,
	    PF_BASIC | PF_CONTACTS | PF_DOCUMENTS,
	    PF_BASIC | PF_CONTACTS | PF_DOCUMENTS },
	{ PK_GUARDIAN, ROLE_MANAGEMENT | ROLE_PSYCHOLOGIST | ROLE_MEDIC,
	    PF_BASIC | PF_CONTACTS, 0 },
	{ PK_STAFF, ROLE_ADMIN | ROLE_HR,
	    PF_BASIC | PF_CONTACTS | PF_DOCUMENTS,
	    PF_BASIC | PF_CONTACTS | PF_DOCUMENTS },
	{ PK_STAFF, ROLE_MANAGEMENT, PF_BASIC | PF_CONTACTS, 0 },
	{ 0, ROLE_ADMIN, PF_BASIC | PF_CONTACTS | PF_DOCUMENTS,
	    PF_BASIC | PF_CONTACTS | PF_DOCUMENTS },
};

enum obj_res
obj_person_view(const struct req *r, long long person_id, long long class_id,
    struct pf_access *a)
{
	const struct session	*s = &r->sess;
	const struct access	*acc;
	struct db_stmt		*q = &q_person_relation;
	unsigned		 kind, roles, ct;
	size_t			 i;
	int			 rc, in_class, own_student, own_guardian, post;

	memset(a, 0, sizeof(*a));
	if (db_query(q, "llllll", s->person_id, s->person_id, class_id,
	    class_id, person_id, s->school_id) == -1 ||
	    (rc = db_next(q)) == -1)
		return OBJ_ERROR;
	if (rc == 0)
		return OBJ_MISSING;
	kind = 0;
	if (db_int(q, 0))
		kind |= PK_STUDENT;
	if (db_int(q, 1))
		kind |= PK_CURRENT;
	if (db_int(q, 3))
		kind |= PK_GUARDIAN;
	if (db_int(q, 5))
		kind |= PK_STAFF;
	/* Leading the class counts only with the class teacher role. */
	ct = s->roles & ROLE_CLASS_TEACHER;
	own_student = ct && db_int(q, 2);
	own_guardian = ct && db_int(q, 4);
	in_class = db_int(q, 6) != 0;
	db_done(q);
	a->kind = kind;
	if (!in_class)
		return OBJ_DENIED;	/* not reachable through this class */

	for (i = 0; i < sizeof(pf_rules) / sizeof(pf_rules[0]); i++) {
		if (pf_rules[i].kind == 0 ? kind != 0 :
		    (kind & pf_rules[i].kind) == 0)
			continue;
		/* "Own class" is about the kind of the row: the student's
		 * class, or the class of a guardian's child. */
		roles = s->roles;
		if ((pf_rules[i].kind == PK_STUDENT && own_student) ||
		    (pf_rules[i].kind == PK_GUARDIAN && own_guardian))
			roles |= OWN_CLASS;
		if ((pf_rules[i].roles & roles) == 0)
			continue;
		a->see |= pf_rules[i].see;
		a->edit |= pf_rules[i].edit;
	}
	if (a->see == 0 && rights_granted(r, M_GET))
		a->see = PF_BASIC | PF_CONTACTS;
	if (a->edit == 0 && rights_granted(r, M_POST))
		a->edit = PF_BASIC | PF_CONTACTS;
	/* Health belongs to students only. */
	if (!(kind & PK_STUDENT)) {
		a->see &= ~PF_HEALTH;
		a->edit &= ~PF_HEALTH;
	}
	a->edit &= a->see;
	/* Edits and confirmations only where the screen takes a POST from
	 * the user at all (the access table, or the administrator's rule). */
	acc = access_find(r->screen->name);
	post = acc != NULL && rights_allow(r, acc, M_POST);
	if (!post)
		a->edit = 0;
	a->confirm = post && (kind & PK_CURRENT) &&
	    ((s->roles & ROLE_ADMIN) || own_student);
	return a->see != 0 ? OBJ_OK : OBJ_DENIED;
}

/* Aliases of the columns of q_person_file before FILE_COL. */
static const char *const basic_cols[FILE_COL] = {
	"id", "name", "sex", "birth", "class_id", "class", "position",
	"children", "checked_on",
};

static void
set(struct _hdf *hdf, const char *prefix, const char *name, const char *v)
{
	char	 key[160];
	NEOERR	*err;

	if (v == NULL)
		return;
	snprintf(key, sizeof(key), "%s.%s", prefix, name);
	err = hdf_set_value(hdf, key, v);
	nerr_ignore(&err);
}

int
db_person_file_get(struct _hdf *hdf, const char *prefix, long long person_id,
    unsigned see)
{
	struct db_stmt	*q = &q_person_file;
	char		 file[128];
	size_t		 i;
	int		 rc;

	if (db_query(q, "l", person_id) == -1 || (rc = db_next(q)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	/* The basic group: every user who may open the file has it. */
	for (i = 0; i < FILE_COL; i++)
		set(hdf, prefix, basic_cols[i], db_str(q, (unsigned)i));
	snprintf(file, sizeof(file), "%s.File", prefix);
	for (i = 0; i < PF__MAX; i++)
		if (see & fields[i].group)
			set(hdf, file, fields[i].name,
			    db_str(q, FILE_COL + (unsigned)i));
	if (see & ~PF_BASIC)
		set(hdf, prefix, "updated_at", db_str(q, FILE_COL + PF__MAX));
	db_done(q);
	return 1;
}

/* Days in a month of a year (Gregorian). */
static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* YYYY-MM-DD or DD.MM.YYYY, a real date from 1900 to today. */
static const char *
check_date(struct req *r, const char *in, const char **out)
{
	int		 y, m, d, n = 0;
	long		 v, today;

	if (!((sscanf(in, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 &&
	    in[n] == '\0' && n == 10) ||
	    (sscanf(in, "%2d.%2d.%4d%n", &d, &m, &y, &n) == 3 &&
	    in[n] == '\0' && n == 10)))
		return "Дата рождения: в виде ДД.ММ.ГГГГ, например 05.03.2015.";
	if (m < 1 || m > 12 || d < 1 || d > mdays(y, m))
		return "Такой даты нет в календаре.";
	today = (long)clock_ymd();
	v = y * 10000L + m * 100 + d;
	if (y < 1900 || v > today)
		return "Дата рождения: не раньше 1900 года и не в будущем.";
	*out = arena_printf(&r->arena, "%04d-%02d-%02d", y, m, d);
	return NULL;
}

/* +7 912 345-67-89, 8 (912) 345-67-89: 10 to 15 digits. */
static const char *
check_phone(const char *in)
{
	const char	*p;
	int		 digits = 0;

	for (p = in; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '+' && p == in)
			continue;
		else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')')
			break;
	}
	if (*p != '\0' || digits < 10 || digits > 15 || strlen(in) > 20)
		return "Телефон: от 10 до 15 цифр, можно «+», пробелы, скобки "
		    "и дефисы, например +7 912 345-67-89.";
	return NULL;
}

/* 11 digits with a valid control number, as «123-456-789 01». */
static const char *
check_snils(struct req *r, const char *in, const char **out)
{
	const char	*p;
	char		 d[12];
	int		 n = 0, sum = 0, i, ctl;

	for (p = in; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n == 11)
				goto bad;
			d[n++] = *p;
		} else if (*p != ' ' && *p != '-')
			goto bad;
	}
	if (n != 11)
		goto bad;
	d[11] = '\0';
	for (i = 0; i < 9; i++)
		sum += (d[i] - '0') * (9 - i);
	ctl = sum < 100 ? sum : sum % 101 == 100 ? 0 : sum % 101;
	if (ctl != (d[9] - '0') * 10 + (d[10] - '0'))
		return "СНИЛС: контрольное число не сходится, проверьте "
		    "цифры.";
	*out = arena_printf(&r->arena, "%.3s-%.3s-%.3s %.2s", d, d + 3,
	    d + 6, d + 9);
	return NULL;
bad:
	return "СНИЛС: 11 цифр, например 112-233-445 95.";
}

const char *
pf_check(struct req *r, enum pf_field f, const char *in, const char **out)
{
	*out = in;
	if (in == NULL)
		return NULL;
	switch (f) {
	case PF_BIRTH_DATE:
		return check_date(r, in, out);
	case PF_PHONE:
		return check_phone(in);
	case PF_EMAIL:
		return email_check(in);
	case PF_ADDRESS_REG:
	case PF_ADDRESS_LIVE:
		if (utf8_len(in) > 255 || strpbrk(in, "\r\n\t") != NULL)
			return "Адрес: одна строка, не длиннее 255 символов.";
		return NULL;
	case PF_DOCUMENTS_TEXT:
		if (utf8_len(in) > 1000)
			return "Документы: не длиннее 1000 символов.";
		return NULL;
	case PF_SNILS:
		return check_snils(r, in, out);
	case PF_HEALTH_GROUP:
		if (in[0] < '1' || in[0] > '5' || in[1] != '\0')
			return "Группа здоровья: от 1 до 5.";
		return NULL;
	case PF_HEALTH_NOTES:
		if (utf8_len(in) > 1000)
			return "Заметки: не длиннее 1000 символов.";
		return NULL;
	default:
		abort();
	}
}

/*
 * The audit is read by more people than the file (management and the
 * inspector read it, and it is kept for years, append-only, so nothing
 * in it can ever be deleted when the file is).  A document number or a
 * СНИЛС there would outlive the purpose it was collected for, so only
 * its last 4 characters are kept: enough to tell which entry changed.
 * Health notes are a special category of data (152-ФЗ, art. 10): only
 * their length.  Contacts and the birth date are kept as they were.
 */
const char *
pf_audit_value(struct req *r, enum pf_field f, const char *v)
{
	const char	*p;
	size_t		 n;

	if (v == NULL)
		return NULL;
	switch (f) {
	case PF_DOCUMENTS_TEXT:
	case PF_SNILS:
		n = utf8_len(v);
		if (n <= 4)
			return "…";
		/* Skip n - 4 code points. */
		for (p = v; n > 4; n--)
			for (p++; (*p & 0xc0) == 0x80; p++)
				continue;
		return arena_printf(&r->arena, "…%s", p);
	case PF_HEALTH_NOTES:
		return arena_printf(&r->arena, "(текст, %zu симв.)",
		    utf8_len(v));
	default:
		return v;
	}
}

static int
same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

int
person_file_save(struct req *r, long long person_id,
    const char *const vals[PF__MAX], const int set_[PF__MAX],
    unsigned *changed)
{
	struct db_stmt	*q = &q_file_lock;
	const char	*old[PF__MAX], *v;
	char		 action[64];
	size_t		 i;
	int		 rc;

	*changed = 0;
	if (db_query(q, "l", person_id) == -1 || (rc = db_next(q)) == -1)
		return -1;
	if (rc == 0)
		return -1;	/* checked before: the person exists */
	for (i = 0; i < PF__MAX; i++) {
		v = db_str(q, FILE_COL + (unsigned)i);
		old[i] = v != NULL ? arena_strdup(&r->arena, v) : NULL;
	}
	db_done(q);
	for (i = 0; i < PF__MAX; i++) {
		if (!set_[i] || same(old[i], vals[i]))
			continue;
		snprintf(action, sizeof(action), "person_file.%s",
		    fields[i].name);
		if (audit_add(r, action, "person", person_id,
		    pf_audit_value(r, (enum pf_field)i, old[i]),
		    pf_audit_value(r, (enum pf_field)i, vals[i])) == -1)
			return -1;
		old[i] = vals[i];
		*changed |= fields[i].group;
		if (i == PF_BIRTH_DATE &&
		    db_exec(&q_birth_save, "sl", vals[i], person_id) < 0)
			return -1;
	}
	/* The birth date lives in person: the file row only when needed. */
	if ((*changed & ~PF_BASIC) == 0)
		return 0;
	return db_exec(&q_file_save, "lssssssssl", person_id,
	    old[PF_PHONE], old[PF_EMAIL], old[PF_ADDRESS_REG],
	    old[PF_ADDRESS_LIVE], old[PF_DOCUMENTS_TEXT], old[PF_SNILS],
	    old[PF_HEALTH_GROUP], old[PF_HEALTH_NOTES],
	    r->sess.account_id) < 0 ? -1 : 0;
}

int
pd_check_add(struct req *r, long long person_id, const char *result)
{
	if (db_exec(&q_check_add, "lls", person_id, r->sess.account_id,
	    result) != 1)
		return -1;
	return audit_add(r, "pd_check", "person", person_id, NULL, result);
}

int
db_pd_since(struct _hdf *hdf, const char *prefix, long long class_id)
{
	return db_row_hdf(hdf, prefix, &q_pd_since, "l", class_id);
}

int
db_pd_unconfirmed(struct _hdf *hdf, const char *prefix, long long class_id,
    const char *since)
{
	return db_query_hdf(hdf, prefix, &q_pd_unconfirmed, "ls", class_id,
	    since);
}
