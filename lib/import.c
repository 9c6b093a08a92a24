/*
 * import.c: bulk import from CSV (issue 3, R16).  The check reads what it
 * needs from the database in three queries (the classes of the current
 * year, the current students or staff) and compares in memory through a
 * hash table, so a file of 20,000 rows costs no query per row.  The
 * commit is prepared inserts in a loop, in the request's one transaction.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "csvimport.h"
#include "db.h"
#include "import.h"
#include "screen.h"

/* --- Columns --- */

enum col {
	C_LAST, C_FIRST, C_MIDDLE, C_FIO, C_SEX, C_BIRTH, C_CLASS,
	C_G_LAST, C_G_FIRST, C_G_MIDDLE, C_G_FIO, C_G_KIND,
	C_POSITION, C_HIRED, C__MAX
};

#define K_ST	IMPORT_STUDENTS
#define K_SF	IMPORT_STAFF

/*
 * Header names as schools write them, folded (csv_fold): the first is
 * the name the page shows.  Each column belongs to the kinds in mask.
 */
static const struct {
	unsigned	 mask;
	const char	*names[8];
} columns[C__MAX] = {
	[C_LAST] = { K_ST | K_SF, { "фамилия", "фамилия ученика",
	    "фамилия обучающегося", "фамилия учащегося", "фамилия сотрудника",
	    "фамилия работника" } },
	[C_FIRST] = { K_ST | K_SF, { "имя", "имя ученика", "имя обучающегося",
	    "имя учащегося", "имя сотрудника", "имя работника" } },
	[C_MIDDLE] = { K_ST | K_SF, { "отчество", "отчество ученика",
	    "отчество обучающегося", "отчество учащегося",
	    "отчество сотрудника", "отчество работника",
	    "отчество (при наличии)" } },
	[C_FIO] = { K_ST | K_SF, { "фио", "ф.и.о", "фио ученика",
	    "фио обучающегося", "фио учащегося", "фио сотрудника",
	    "фио работника" } },
	[C_SEX] = { K_ST | K_SF, { "пол" } },
	[C_BIRTH] = { K_ST | K_SF, { "дата рождения", "др", "д.р",
	    "дата рожд", "день рождения" } },
	[C_CLASS] = { K_ST, { "класс", "класс обучения" } },
	[C_G_LAST] = { K_ST, { "фамилия представителя",
	    "фамилия родителя", "фамилия законного представителя" } },
	[C_G_FIRST] = { K_ST, { "имя представителя", "имя родителя",
	    "имя законного представителя" } },
	[C_G_MIDDLE] = { K_ST, { "отчество представителя",
	    "отчество родителя", "отчество законного представителя" } },
	[C_G_FIO] = { K_ST, { "фио представителя", "фио родителя",
	    "фио законного представителя", "законный представитель",
	    "представитель", "родитель" } },
	[C_G_KIND] = { K_ST, { "кем приходится", "степень родства",
	    "родство", "кем приходится ученику" } },
	[C_POSITION] = { K_SF, { "должность", "занимаемая должность" } },
	[C_HIRED] = { K_SF, { "дата приема", "дата приема на работу",
	    "принят", "дата поступления на работу" } },
};

/* The column a folded header name is for this kind, or -1. */
static int
column_of(const char *folded, unsigned kind)
{
	size_t	 c, i;

	for (c = 0; c < C__MAX; c++) {
		if (!(columns[c].mask & kind))
			continue;
		for (i = 0; i < 8 && columns[c].names[i] != NULL; i++)
			if (strcmp(folded, columns[c].names[i]) == 0)
				return (int)c;
	}
	return -1;
}

static int
known(struct arena *a, const char *field, void *arg)
{
	return column_of(csv_fold(a, field), *(unsigned *)arg) != -1;
}

/* --- Values --- */

/* Trimmed, inner blanks as one space, case kept. */
static char *
clean(struct arena *a, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			*out, *o;
	int			 blank = 0;

	out = o = arena_alloc(a, strlen(s) + 1);
	for (; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
		    (p[0] == 0xc2 && p[1] == 0xa0)) {
			if (*p == 0xc2)
				p++;
			blank = 1;
			continue;
		}
		if (blank && o > out)
			*o++ = ' ';
		blank = 0;
		*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

static int
leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

long long
import_date(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	long long	 y, m, d;
	int		 n = 0;

	if (s == NULL)
		return -1;
	if (sscanf(s, "%4lld-%2lld-%2lld%n", &y, &m, &d, &n) == 3 && n == 10 &&
	    s[4] == '-' && s[7] == '-')
		;
	else if (sscanf(s, "%2lld.%2lld.%4lld%n", &d, &m, &y, &n) == 3 &&
	    n >= 8 && s[n - 5] == '.' && (s[n] == '\0' || s[n] == ' '))
		;	/* a time after a space is Excel's, ignored */
	else
		return -1;
	if (s[n] != '\0' && s[n] != ' ')
		return -1;
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
		return -2;
	if (d > mdays[m - 1] + (m == 2 && leap(y)))
		return -2;
	return y * 10000 + m * 100 + d;
}

const char *
import_sex(struct arena *a, const char *s)
{
	static const char *const m[] = { "м", "муж", "мужской", "m", "male" };
	static const char *const f[] = { "ж", "жен", "женский", "f", "female" };
	const char	*v = csv_fold(a, s);
	size_t		 i;

	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (strcmp(v, m[i]) == 0)
			return "m";
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (strcmp(v, f[i]) == 0)
			return "f";
	return NULL;
}

const char *
import_guardian_kind(struct arena *a, const char *s)
{
	static const struct {
		const char	*word, *kind;
	} kinds[] = {
		{ "", "parent" }, { "мать", "parent" }, { "отец", "parent" },
		{ "мама", "parent" }, { "папа", "parent" },
		{ "родитель", "parent" }, { "опекун", "guardian" },
		{ "попечитель", "guardian" }, { "усыновитель", "adoptive" },
		{ "усыновительница", "adoptive" },
		{ "приемный родитель", "adoptive" },
		{ "приемная мать", "adoptive" }, { "приемный отец", "adoptive" },
	};
	const char	*v = csv_fold(a, s);
	size_t		 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(v, kinds[i].word) == 0)
			return kinds[i].kind;
	return NULL;
}

int
import_class_label(struct arena *a, const char *s, int *grade,
    const char **letter)
{
	char	*v, *p, *o;
	size_t	 n;

	v = csv_fold(a, s);
	n = strlen(v);
	if (n > 11 && strcmp(v + n - 11, " класс") == 0)
		v[n - 11] = '\0';	/* «5А класс»; " класс" is 11 bytes */
	if (*v < '0' || *v > '9')
		return -1;
	*grade = (int)strtol(v, &p, 10);
	if (*grade < 1 || *grade > 11)
		return -1;
	/* Drop what people put between the grade and the letter. */
	for (o = v; *p != '\0'; p++) {
		if (*p == ' ' || *p == '-' || *p == '"' || *p == '\'')
			continue;
		if (strncmp(p, "«", 2) == 0 || strncmp(p, "»", 2) == 0) {
			p++;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	if (*v == '\0' || utf8_len(v) > 4)
		return -1;
	*letter = v;
	return 0;
}

/* --- A small hash table of strings, in the arena --- */

struct hmap {
	const char	**k;
	const void	**v;
	size_t		  cap, n;
};

static size_t
hash(const char *s)
{
	size_t	 h = 1469598103934665603ULL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static const void **
hmap_slot(struct hmap *m, const char *key)
{
	size_t	 i;

	for (i = hash(key) & (m->cap - 1); m->k[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->k[i], key) == 0)
			break;
	return &m->v[i];
}

static const void *
hmap_get(struct hmap *m, const char *key)
{
	return m->cap == 0 ? NULL : *hmap_slot(m, key);
}

/* Add key -> v unless key is there.  v must not be NULL. */
static void
hmap_put(struct arena *a, struct hmap *m, const char *key, const void *v)
{
	struct hmap	 big;
	const void	**slot;
	size_t		 i;

	if (2 * (m->n + 1) > m->cap) {
		big.cap = m->cap == 0 ? 64 : m->cap * 2;
		big.n = 0;
		big.k = arena_alloc(a, big.cap * sizeof(*big.k));
		big.v = arena_alloc(a, big.cap * sizeof(*big.v));
		for (i = 0; i < m->cap; i++)
			if (m->k[i] != NULL)
				hmap_put(a, &big, m->k[i], m->v[i]);
		*m = big;
	}
	slot = hmap_slot(m, key);
	if (*slot != NULL)
		return;
	m->k[slot - m->v] = key;
	*slot = v;
	m->n++;
}

#define IDX(i)	((const void *)(uintptr_t)((i) + 1))
#define UNIDX(p)	((size_t)(uintptr_t)(p) - 1)

/* --- The check --- */

DB_STMT(q_import_classes,
    "SELECT c.id, c.grade, c.letter, CONCAT(c.grade, ' ', c.letter)"
    " FROM class c JOIN current_year cy ON cy.year_id = c.year_id"
    " WHERE c.school_id = ?");
DB_STMT(q_import_students,
    "SELECT p.last_name, p.first_name, p.middle_name, p.birth_date,"
    " cs.class_id, CONCAT(c.grade, ' ', c.letter)"
    " FROM class_student cs JOIN class c ON c.id = cs.class_id"
    " JOIN current_year cy ON cy.year_id = c.year_id"
    " JOIN person p ON p.id = cs.student_id"
    " WHERE c.school_id = ? AND cs.left_on IS NULL");
DB_STMT(q_import_staff,
    "SELECT p.last_name, p.first_name, p.middle_name"
    " FROM staff s JOIN person p ON p.id = s.person_id"
    " WHERE p.school_id = ? AND s.dismissed_on IS NULL");

static void
row_error(struct arena *a, struct import *im, struct import_row *row,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
row_error(struct arena *a, struct import *im, struct import_row *row,
    const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[600];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (row->error == NULL) {
		row->error = arena_printf(a, "Строка %zu: %s", row->line, msg);
		im->h.nerrors++;
	} else
		row->error = arena_printf(a, "%s; %s", row->error, msg);
}

static void
warn(struct arena *a, struct import *im, size_t line, const char *msg)
{
	char	**w;

	w = arena_alloc(a, (im->h.nwarnings + 1) * sizeof(*w));
	if (im->h.nwarnings > 0)
		memcpy(w, im->h.warnings, im->h.nwarnings * sizeof(*w));
	w[im->h.nwarnings++] = arena_printf(a, "Строка %zu: %s", line, msg);
	im->h.warnings = w;
}

/* The cleaned value of column c in a record, "" when absent. */
static const char *
cell(struct arena *a, const struct csv_row *rec, const int *col, enum col c)
{
	if (col[c] < 0 || (size_t)col[c] >= rec->n)
		return "";
	return clean(a, rec->f[col[c]]);
}

/* «ДД.ММ.ГГГГ» of YYYYMMDD. */
static const char *
ru_date(struct arena *a, long long d)
{
	return arena_printf(a, "%02lld.%02lld.%04lld", d % 100, d / 100 % 100,
	    d / 10000);
}

static const char *
iso_date(struct arena *a, long long d)
{
	return arena_printf(a, "%04lld-%02lld-%02lld", d / 10000,
	    d / 100 % 100, d % 100);
}

const char *
import_full_name(struct arena *a, const char *last, const char *first,
    const char *middle)
{
	return middle == NULL || *middle == '\0' ?
	    arena_printf(a, "%s %s", last, first) :
	    arena_printf(a, "%s %s %s", last, first, middle);
}

/* Split «Иванов Иван Иванович» into its parts; 0, or -1 for one word. */
static int
split_fio(struct arena *a, const char *fio, const char **last,
    const char **first, const char **middle)
{
	const char	*sp, *sp2;

	if ((sp = strchr(fio, ' ')) == NULL)
		return -1;
	*last = arena_strndup(a, fio, (size_t)(sp - fio));
	if ((sp2 = strchr(sp + 1, ' ')) == NULL) {
		*first = arena_strdup(a, sp + 1);
		*middle = "";
	} else {
		*first = arena_strndup(a, sp + 1, (size_t)(sp2 - sp - 1));
		*middle = arena_strdup(a, sp2 + 1);
	}
	return 0;
}

/* Name parts of the person (or, guardian set, of the guardian). */
static void
names(struct arena *a, struct import *im, struct import_row *row,
    const struct csv_row *rec, const int *col, int guardian)
{
	const char	*last, *first, *middle, *fio, *who;
	enum col	 cl = guardian ? C_G_LAST : C_LAST;

	who = guardian ? " представителя" : "";
	last = cell(a, rec, col, cl);
	first = cell(a, rec, col, cl + 1);
	middle = cell(a, rec, col, cl + 2);
	fio = cell(a, rec, col, guardian ? C_G_FIO : C_FIO);
	if (col[cl] < 0 && *fio != '\0' && split_fio(a, fio, &last, &first,
	    &middle) == -1)
		row_error(a, im, row, "ФИО%s «%s»: нужны фамилия и имя", who,
		    fio);
	else if (*last == '\0')
		row_error(a, im, row, "нет фамилии%s", who);
	else if (*first == '\0')
		row_error(a, im, row, "нет имени%s", who);
	if (utf8_len(last) > 100 || utf8_len(first) > 100 ||
	    utf8_len(middle) > 100)
		row_error(a, im, row, "фамилия, имя и отчество%s — не длиннее "
		    "100 символов каждое", who);
	if (guardian) {
		row->g_last = last;
		row->g_first = first;
		row->g_middle = middle;
	} else {
		row->last = last;
		row->first = first;
		row->middle = middle;
	}
}

/* Whether the record has anything in the guardian's columns. */
static int
has_guardian(struct arena *a, const struct csv_row *rec, const int *col)
{
	enum col	 c;

	for (c = C_G_LAST; c <= C_G_KIND; c++)
		if (*cell(a, rec, col, c) != '\0')
			return 1;
	return 0;
}

/* The date of column c: YYYYMMDD, or 0 when empty or wrong (reported). */
static long long
date_cell(struct arena *a, struct import *im, struct import_row *row,
    const struct csv_row *rec, const int *col, enum col c, const char *what)
{
	const char	*v = cell(a, rec, col, c);
	long long	 d;

	if (*v == '\0')
		return 0;
	if ((d = import_date(v)) == -1) {
		row_error(a, im, row, "%s «%s»: нужна дата в виде ДД.ММ.ГГГГ",
		    what, v);
		return 0;
	}
	if (d == -2) {
		row_error(a, im, row, "%s %s не существует", what, v);
		return 0;
	}
	return d;
}

static const char *
person_key(struct arena *a, const char *last, const char *first,
    const char *middle)
{
	return csv_fold(a, arena_printf(a, "%s %s %s", last, first, middle));
}

static int
check_header(struct arena *a, struct import *im, int *col)
{
	const struct csv_row	*h = &im->h.csv.rows[0];
	const char		*missing = NULL, *name;
	size_t			 i;
	int			 c;

	im->columns = arena_alloc(a, (h->n + 1) * sizeof(*im->columns));
	im->ignored = arena_alloc(a, (h->n + 1) * sizeof(*im->ignored));
	for (c = 0; c < C__MAX; c++)
		col[c] = -1;
	for (i = 0; i < h->n; i++) {
		name = clean(a, h->f[i]);
		if (*name == '\0')
			continue;
		c = column_of(csv_fold(a, name), im->kind);
		if (c >= 0 && col[c] < 0) {
			col[c] = (int)i;
			im->columns[im->ncolumns++] = name;
		} else
			im->ignored[im->nignored++] = c >= 0 ?
			    arena_printf(a, "%s (повтор)", name) : name;
	}
#define NEED(cond, label)	do { if (!(cond)) missing = missing == NULL ? \
	    "«" label "»" : arena_printf(a, "%s, «%s»", missing, label); \
	} while (0)
	NEED(col[C_FIO] >= 0 || col[C_LAST] >= 0, "Фамилия");
	NEED(col[C_FIO] >= 0 || col[C_FIRST] >= 0, "Имя");
	if (im->kind == IMPORT_STUDENTS) {
		NEED(col[C_SEX] >= 0, "Пол");
		NEED(col[C_BIRTH] >= 0, "Дата рождения");
		NEED(col[C_CLASS] >= 0, "Класс");
		if (col[C_G_FIO] < 0 && (col[C_G_LAST] >= 0 ||
		    col[C_G_FIRST] >= 0 || col[C_G_MIDDLE] >= 0)) {
			NEED(col[C_G_LAST] >= 0, "Фамилия представителя");
			NEED(col[C_G_FIRST] >= 0, "Имя представителя");
		}
	} else
		NEED(col[C_POSITION] >= 0, "Должность");
#undef NEED
	if (missing != NULL) {
		im->h.fatal = arena_printf(a, "В первой строке файла нет "
		    "обязательных столбцов: %s. Первая строка должна содержать "
		    "названия столбцов (см. образец ниже).", missing);
		return -1;
	}
	return 0;
}

/* The classes of the current year by «grade letter» (folded). */
static int
load_classes(struct arena *a, long long school, struct hmap *m)
{
	struct import_row	*c;
	int			 rc;

	if (db_query(&q_import_classes, "l", school) == -1)
		return -1;
	while ((rc = db_next(&q_import_classes)) == 1) {
		c = arena_alloc(a, sizeof(*c));
		c->class_id = db_int(&q_import_classes, 0);
		c->class_name = arena_strdup(a, db_str(&q_import_classes, 3));
		hmap_put(a, m, csv_fold(a, arena_printf(a, "%s%s",
		    db_str(&q_import_classes, 1),
		    db_str(&q_import_classes, 2))), c);
	}
	return rc;
}

/*
 * Current students: by name and birth date (the same child) and by name
 * and class (a namesake worth a warning).
 */
static int
load_students(struct arena *a, long long school, struct hmap *same,
    struct hmap *namesake)
{
	const char	*key;
	int		 rc;

	if (db_query(&q_import_students, "l", school) == -1)
		return -1;
	while ((rc = db_next(&q_import_students)) == 1) {
		key = person_key(a, db_str(&q_import_students, 0),
		    db_str(&q_import_students, 1),
		    db_str(&q_import_students, 2));
		hmap_put(a, same, arena_printf(a, "%s|%s", key,
		    db_str(&q_import_students, 3) ?
		    db_str(&q_import_students, 3) : ""),
		    arena_strdup(a, db_str(&q_import_students, 5)));
		hmap_put(a, namesake, arena_printf(a, "%s|%s", key,
		    db_str(&q_import_students, 4)), "");
	}
	return rc;
}

static int
load_staff(struct arena *a, long long school, struct hmap *same)
{
	int	 rc;

	if (db_query(&q_import_staff, "l", school) == -1)
		return -1;
	while ((rc = db_next(&q_import_staff)) == 1)
		hmap_put(a, same, person_key(a, db_str(&q_import_staff, 0),
		    db_str(&q_import_staff, 1), db_str(&q_import_staff, 2)),
		    "");
	return rc;
}

static void
check_student(struct arena *a, struct import *im, struct import_row *row,
    const struct csv_row *rec, const int *col, long long on,
    struct hmap *classes)
{
	const struct import_row	*c;
	const char		*v, *letter;
	long long		 d;
	int			 grade;

	v = cell(a, rec, col, C_SEX);
	if (*v == '\0')
		row_error(a, im, row, "не указан пол");
	else if ((row->sex = import_sex(a, v)) == NULL)
		row_error(a, im, row, "пол «%s»: укажите «м» или «ж»", v);
	if (*cell(a, rec, col, C_BIRTH) == '\0')
		row_error(a, im, row, "нет даты рождения");
	else if ((d = date_cell(a, im, row, rec, col, C_BIRTH,
	    "дата рождения")) != 0) {
		row->birth = iso_date(a, d);
		/* School age, as the enrolment form checks it. */
		if (d > on - 50000 || d < on - 210000)
			row_error(a, im, row, "дата рождения %s: ученику "
			    "должно быть от 5 до 20 лет", ru_date(a, d));
	}
	v = cell(a, rec, col, C_CLASS);
	if (*v == '\0')
		row_error(a, im, row, "не указан класс");
	else if (import_class_label(a, v, &grade, &letter) == -1 ||
	    (c = hmap_get(classes, arena_printf(a, "%d%s", grade,
	    letter))) == NULL)
		row_error(a, im, row, "нет такого класса «%s» в текущем "
		    "учебном году", v);
	else {
		row->class_id = c->class_id;
		row->class_name = c->class_name;
	}
	if (!has_guardian(a, rec, col))
		return;
	names(a, im, row, rec, col, 1);
	v = cell(a, rec, col, C_G_KIND);
	if ((row->g_kind = import_guardian_kind(a, v)) == NULL)
		row_error(a, im, row, "кем приходится «%s»: укажите мать, "
		    "отец, опекун или усыновитель", v);
	v = csv_fold(a, v);
	if (strcmp(v, "мать") == 0 || strcmp(v, "мама") == 0)
		row->g_sex = "f";
	else if (strcmp(v, "отец") == 0 || strcmp(v, "папа") == 0)
		row->g_sex = "m";
}

static void
check_staff(struct arena *a, struct import *im, struct import_row *row,
    const struct csv_row *rec, const int *col)
{
	const char	*v;
	long long	 d;

	v = cell(a, rec, col, C_SEX);
	if (*v != '\0' && (row->sex = import_sex(a, v)) == NULL)
		row_error(a, im, row, "пол «%s»: укажите «м» или «ж»", v);
	if ((d = date_cell(a, im, row, rec, col, C_BIRTH,
	    "дата рождения")) != 0)
		row->birth = iso_date(a, d);
	if ((d = date_cell(a, im, row, rec, col, C_HIRED,
	    "дата приёма")) != 0)
		row->hired = iso_date(a, d);
	row->position = cell(a, rec, col, C_POSITION);
	if (*row->position == '\0')
		row_error(a, im, row, "не указана должность");
	else if (utf8_len(row->position) > 150)
		row_error(a, im, row, "должность — не длиннее 150 символов");
}

int
import_check(struct req *r, struct import *im, enum import_kind kind,
    const char *data, size_t len, const char *on_date)
{
	struct arena		*a = &r->arena;
	struct hmap		 classes, same, namesake, seen, guardians;
	struct import_row	*row;
	const struct csv_row	*rec;
	const char		*key, *had;
	const void		*p;
	unsigned		 k = kind;
	long long		 on;
	size_t			 i, line;
	enum csv_res		 res;
	int			 col[C__MAX];

	memset(im, 0, sizeof(*im));
	memset(&classes, 0, sizeof(classes));
	memset(&same, 0, sizeof(same));
	memset(&namesake, 0, sizeof(namesake));
	memset(&seen, 0, sizeof(seen));
	memset(&guardians, 0, sizeof(guardians));
	im->kind = kind;
	res = csv_parse(a, data, len, IMPORT_ROWS_MAX, known, &k, &im->h.csv,
	    &line);
	if ((im->h.fatal = csvimport_fatal(a, res, line,
	    "«Фамилия; Имя; Отчество; …»", "по человеку", IMPORT_ROWS_MAX,
	    "строк", "разделите его на части")) != NULL)
		return 0;
	if (check_header(a, im, col) == -1)
		return 0;
	if (im->h.csv.nrows < 2) {
		im->h.fatal = "В файле только строка заголовков: нет ни одного "
		    "человека.";
		return 0;
	}
	if (kind == IMPORT_STUDENTS) {
		if (load_classes(a, r->sess.school_id, &classes) == -1 ||
		    load_students(a, r->sess.school_id, &same,
		    &namesake) == -1)
			return -1;
	} else if (load_staff(a, r->sess.school_id, &same) == -1)
		return -1;
	on = import_date(on_date);

	im->h.nrows = im->h.csv.nrows - 1;
	im->rows = arena_alloc(a, im->h.nrows * sizeof(*im->rows));
	for (i = 0; i < im->h.nrows; i++) {
		rec = &im->h.csv.rows[i + 1];
		row = &im->rows[i];
		row->line = rec->line;
		names(a, im, row, rec, col, 0);
		if (kind == IMPORT_STUDENTS)
			check_student(a, im, row, rec, col, on, &classes);
		else
			check_staff(a, im, row, rec, col);
		if (*row->last == '\0' || *row->first == '\0')
			continue;

		/* The same person twice in the file, or already here. */
		key = person_key(a, row->last, row->first, row->middle);
		if (kind == IMPORT_STUDENTS)
			key = arena_printf(a, "%s|%s", key,
			    row->birth != NULL ? row->birth : "");
		if ((p = hmap_get(&seen, key)) != NULL)
			row_error(a, im, row, "повторяет строку %zu",
			    im->rows[UNIDX(p)].line);
		else
			hmap_put(a, &seen, key, IDX(i));
		if ((had = hmap_get(&same, key)) != NULL)
			row_error(a, im, row, kind == IMPORT_STUDENTS ?
			    "%s уже учится в школе%s%s" :
			    "%s уже работает в школе%s%s",
			    import_full_name(a, row->last, row->first,
			    row->middle), *had ? " — в классе " : "", had);
		else if (kind == IMPORT_STUDENTS && row->class_id != 0 &&
		    hmap_get(&namesake, arena_printf(a, "%s|%lld",
		    person_key(a, row->last, row->first, row->middle),
		    row->class_id)) != NULL)
			warn(a, im, row->line, arena_printf(a, "в классе %s "
			    "уже есть %s с другой датой рождения — "
			    "проверьте, не тот же ли это ученик",
			    row->class_name, import_full_name(a, row->last,
			    row->first, row->middle)));

		/* One guardian for siblings: the same full name. */
		if (row->g_last == NULL || *row->g_last == '\0' ||
		    *row->g_first == '\0')
			continue;
		key = person_key(a, row->g_last, row->g_first, row->g_middle);
		if ((p = hmap_get(&guardians, key)) != NULL)
			row->g_same = UNIDX(p) + 1;
		else {
			hmap_put(a, &guardians, key, IDX(i));
			im->nguardians++;
		}
	}
	return 0;
}

/* --- The commit --- */

DB_STMT(q_import_person,
    "INSERT INTO person (school_id, last_name, first_name, middle_name,"
    " sex, birth_date) VALUES (?, ?, ?, ?, ?, ?)");
DB_STMT(q_import_member,
    "INSERT INTO class_student (class_id, student_id, joined_on)"
    " VALUES (?, ?, ?)");
DB_STMT(q_import_movement,
    "INSERT INTO movement (order_id, person_id, kind, to_class_id, on_date,"
    " note, created_by) VALUES (?, ?, 'enrolment', ?, ?, ?, ?)");
DB_STMT(q_import_guardian,
    "INSERT INTO guardian (guardian_id, student_id, kind) VALUES (?, ?, ?)");
DB_STMT(q_import_staff_row,
    "INSERT INTO staff (person_id, position, hired_on) VALUES (?, ?, ?)");

static long long
person_add(struct req *r, const char *last, const char *first,
    const char *middle, const char *sex, const char *birth)
{
	if (db_exec(&q_import_person, "lsssss", r->sess.school_id, last,
	    first, middle, sex, birth) != 1)
		return -1;
	return (long long)db_last_id();
}

int
import_commit(struct req *r, struct import *im, long long order_id,
    const char *on_date)
{
	struct import_row	*row, *g;
	long long		 id;
	size_t			 i, guardians = 0;

	if (im->h.fatal != NULL || im->h.nerrors != 0)
		abort();	/* the caller shows the errors instead */
	for (i = 0; i < im->h.nrows; i++) {
		row = &im->rows[i];
		if ((id = person_add(r, row->last, row->first, row->middle,
		    row->sex, row->birth)) == -1)
			return -1;
		if (im->kind == IMPORT_STAFF) {
			if (db_exec(&q_import_staff_row, "lss", id,
			    row->position, row->hired) != 1 ||
			    audit_add(r, "import_add", "person", id, NULL,
			    arena_printf(&r->arena, "сотрудник %s, %s; "
			    "строка %zu", import_full_name(&r->arena,
			    row->last, row->first, row->middle),
			    row->position, row->line)) == -1)
				return -1;
			continue;
		}
		if (db_exec(&q_import_member, "lls", row->class_id, id,
		    on_date) != 1 ||
		    db_exec(&q_import_movement, "lllssl", order_id, id,
		    row->class_id, on_date, "импорт из CSV",
		    r->sess.account_id) != 1 ||
		    audit_add(r, "import_add", "person", id, NULL,
		    arena_printf(&r->arena, "ученик %s, %s, в %s с %s; "
		    "приказ %lld, движение %llu; строка %zu",
		    import_full_name(&r->arena, row->last, row->first,
		    row->middle), row->birth, row->class_name,
		    on_date, order_id, db_last_id(), row->line)) == -1)
			return -1;
		if (row->g_last == NULL)
			continue;
		if (row->g_same != 0) {
			g = &im->rows[row->g_same - 1];
			row->g_id = g->g_id;
		} else {
			if ((row->g_id = person_add(r, row->g_last,
			    row->g_first, row->g_middle, row->g_sex,
			    NULL)) == -1 ||
			    audit_add(r, "import_add", "person", row->g_id,
			    NULL, arena_printf(&r->arena, "представитель %s; "
			    "строка %zu", import_full_name(&r->arena,
			    row->g_last, row->g_first, row->g_middle),
			    row->line)) == -1)
				return -1;
			guardians++;
		}
		if (db_exec(&q_import_guardian, "lls", row->g_id, id,
		    row->g_kind) != 1)
			return -1;
	}
	return audit_add(r, "import", im->kind == IMPORT_STUDENTS ?
	    "school_order" : "", im->kind == IMPORT_STUDENTS ? order_id : 0,
	    NULL, im->kind == IMPORT_STUDENTS ? arena_printf(&r->arena,
	    "ученики: %zu, представители: %zu, с %s", im->h.nrows, guardians,
	    on_date) : arena_printf(&r->arena, "сотрудники: %zu",
	    im->h.nrows));
}
