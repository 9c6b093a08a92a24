/*
 * scales.c: a school's scales with their values (two queries, nested in
 * C), the built-in ones copied from scale_builtin*, custom scales parsed
 * from lines of text, and the two settings scales depend on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "audit.h"
#include "db.h"
#include "screen.h"
#include "log.h"
#include "rules.h"
#include "scales.h"
#include "settings.h"

/* "4.75" → "4,75", "5.00" → "5": the Russian decimal comma, no zeros. */
#define NUM_TEXT(c)	"REPLACE(TRIM(TRAILING '.' FROM TRIM(TRAILING '0'" \
			" FROM " c ")), '.', ',')"
#define VALUE_COLS	"v.code, v.name, " NUM_TEXT("v.num") " AS num," \
			" v.is_pass, v.is_plus_minus"

DB_STMT(q_scale_in_school,
    "SELECT 1 FROM scale WHERE id = ? AND school_id = ?");
DB_STMT(q_scales_list,
    "SELECT s.id, s.name, s.kind, s.is_builtin,"
    " (SELECT COUNT(*) FROM subject_scale ss WHERE ss.scale_id = s.id)"
    "   AS used"
    " FROM scale s WHERE s.school_id = ? ORDER BY s.is_builtin DESC, s.id");
DB_STMT(q_scales_values,
    "SELECT v.scale_id, " VALUE_COLS
    " FROM scale_value v JOIN scale s ON s.id = v.scale_id"
    " WHERE s.school_id = ? AND (v.is_plus_minus = 0 OR ? = 1)"
    " ORDER BY v.scale_id, v.sort");
DB_STMT(q_scale_get,
    "SELECT s.id, s.name, s.kind, s.is_builtin,"
    " (SELECT COUNT(*) FROM subject_scale ss WHERE ss.scale_id = s.id)"
    "   AS used"
    " FROM scale s WHERE s.id = ?");
DB_STMT(q_scale_values,
    "SELECT " VALUE_COLS " FROM scale_value v"
    " WHERE v.scale_id = ? AND (v.is_plus_minus = 0 OR ? = 1)"
    " ORDER BY v.sort");
DB_STMT(q_scale_usage,
    "SELECT sub.name AS subject,"
    " GROUP_CONCAT(ss.grade ORDER BY ss.grade SEPARATOR ', ') AS grades"
    " FROM subject_scale ss JOIN subject sub ON sub.id = ss.subject_id"
    " WHERE ss.scale_id = ? GROUP BY sub.id, sub.name ORDER BY sub.name");
DB_STMT(q_scales_names,
    "SELECT id, name, kind FROM scale WHERE school_id = ?"
    " ORDER BY is_builtin DESC, id");

DB_STMT(q_builtin_missing,
    "SELECT COUNT(*) FROM scale_builtin b WHERE NOT EXISTS (SELECT 1"
    " FROM scale s WHERE s.school_id = ? AND s.kind = b.kind"
    " AND s.is_builtin = 1)");
DB_STMT(q_builtin_names,
    "SELECT GROUP_CONCAT(b.name ORDER BY b.sort SEPARATOR ', ')"
    " FROM scale_builtin b WHERE NOT EXISTS (SELECT 1"
    " FROM scale s WHERE s.school_id = ? AND s.kind = b.kind"
    " AND s.is_builtin = 1)");
DB_STMT(q_builtin_scales_insert,
    "INSERT INTO scale (school_id, name, kind, is_builtin)"
    " SELECT ?, b.name, b.kind, 1 FROM scale_builtin b WHERE NOT EXISTS"
    " (SELECT 1 FROM scale s WHERE s.school_id = ? AND s.kind = b.kind"
    "   AND s.is_builtin = 1) ORDER BY b.sort");
DB_STMT(q_builtin_values_insert,
    "INSERT INTO scale_value (scale_id, code, name, num, is_pass,"
    " is_plus_minus, sort)"
    " SELECT s.id, v.code, v.name, v.num, v.is_pass, v.is_plus_minus, v.sort"
    " FROM scale s JOIN scale_builtin_value v ON v.kind = s.kind"
    " WHERE s.school_id = ? AND s.is_builtin = 1 AND NOT EXISTS"
    " (SELECT 1 FROM scale_value x WHERE x.scale_id = s.id)");

DB_STMT(q_scale_insert,
    "INSERT INTO scale (school_id, name, kind, is_builtin)"
    " VALUES (?, ?, 'custom', 0)");
DB_STMT(q_scale_value_insert,
    "INSERT INTO scale_value (scale_id, code, name, num, is_pass,"
    " is_plus_minus, sort) VALUES (?, ?, ?, ?, ?, 0, ?)");

/* The row is locked so that no grid save starts using it meanwhile. */
DB_STMT(q_scale_lock,
    "SELECT s.is_builtin, (SELECT COUNT(*) FROM subject_scale ss"
    "   WHERE ss.scale_id = s.id),"
    " CONCAT(s.name, ': ', IFNULL((SELECT GROUP_CONCAT(v.code ORDER BY"
    "   v.sort SEPARATOR ' ') FROM scale_value v WHERE v.scale_id = s.id),"
    "   ''))"
    " FROM scale s WHERE s.id = ? AND s.school_id = ? FOR UPDATE");
DB_STMT(q_scale_values_delete,
    "DELETE FROM scale_value WHERE scale_id = ?");
DB_STMT(q_scale_delete,
    "DELETE FROM scale WHERE id = ? AND school_id = ?");

enum obj_res
obj_scale(const struct req *r, long long scale_id)
{
	int	 rc;

	if (db_query(&q_scale_in_school, "ll", scale_id,
	    r->sess.school_id) == -1 || (rc = db_next(&q_scale_in_school)) == -1)
		return OBJ_ERROR;
	db_done(&q_scale_in_school);
	return rc == 1 ? OBJ_OK : OBJ_MISSING;
}

struct slot {
	long long	 id;
	int		 row;
	int		 nvalues;
};

static int
slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

int
db_scales_list(HDF *hdf, const char *prefix, long long school_id,
    int plus_minus)
{
	struct slot	*byid = NULL, key, *hit;
	size_t		 n = 0, cap = 0;
	char		 name[128];
	int		 rc, ret = -1;

	if (db_query(&q_scales_list, "l", school_id) == -1)
		return -1;
	while ((rc = db_next(&q_scales_list)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((byid = realloc(byid, cap * sizeof(*byid))) == NULL)
				abort();
		}
		snprintf(name, sizeof(name), "%s.%zu", prefix, n);
		db_row_to_hdf(hdf, name, &q_scales_list);
		byid[n].id = db_int(&q_scales_list, 0);
		byid[n].row = (int)n;
		byid[n].nvalues = 0;
		n++;
	}
	if (rc == -1 || db_query(&q_scales_values, "ld", school_id,
	    plus_minus ? 1 : 0) == -1)
		goto out;
	if (n > 0)
		qsort(byid, n, sizeof(*byid), slot_cmp);
	while ((rc = db_next(&q_scales_values)) == 1) {
		key.id = db_int(&q_scales_values, 0);
		if (n == 0 || (hit = bsearch(&key, byid, n, sizeof(*byid),
		    slot_cmp)) == NULL)
			continue;
		snprintf(name, sizeof(name), "%s.%d.Values.%d", prefix,
		    hit->row, hit->nvalues++);
		db_row_to_hdf(hdf, name, &q_scales_values);
	}
	if (rc != -1)
		ret = (int)n;
out:
	free(byid);
	return ret;
}

int
db_scale_get(HDF *hdf, const char *prefix, long long scale_id,
    int plus_minus)
{
	char	 name[128];
	int	 rc;

	if ((rc = db_row_hdf(hdf, prefix, &q_scale_get, "l", scale_id)) != 1)
		return rc;
	snprintf(name, sizeof(name), "%s.Values", prefix);
	if (db_query_hdf(hdf, name, &q_scale_values, "ld", scale_id,
	    plus_minus ? 1 : 0) == -1)
		return -1;
	snprintf(name, sizeof(name), "%s.Usage", prefix);
	if (db_query_hdf(hdf, name, &q_scale_usage, "l", scale_id) == -1)
		return -1;
	return 1;
}

int
db_scales_names(HDF *hdf, const char *prefix, long long school_id)
{
	return db_query_hdf(hdf, prefix, &q_scales_names, "l", school_id);
}

int
scales_builtin_missing(long long school_id)
{
	int	 rc;

	if (db_query(&q_builtin_missing, "l", school_id) == -1 ||
	    (rc = db_next(&q_builtin_missing)) != 1)
		return -1;
	rc = (int)db_int(&q_builtin_missing, 0);
	db_done(&q_builtin_missing);
	return rc;
}

int
scales_builtin_create(struct req *r)
{
	const char	*names;
	long long	 rc;

	if (db_query(&q_builtin_names, "l", r->sess.school_id) == -1 ||
	    db_next(&q_builtin_names) != 1)
		return -1;
	names = arena_strdup(&r->arena, db_str(&q_builtin_names, 0) ?
	    db_str(&q_builtin_names, 0) : "");
	db_done(&q_builtin_names);
	if (*names == '\0')
		return 0;
	if ((rc = db_exec(&q_builtin_scales_insert, "ll", r->sess.school_id,
	    r->sess.school_id)) < 0)
		return (int)rc;		/* DB_DUPLICATE or -1 */
	if (db_exec(&q_builtin_values_insert, "l", r->sess.school_id) < 0)
		return -1;
	return audit_add(r, "scale_builtin", "school", r->sess.school_id,
	    NULL, names);
}

/* --- Parsing a new scale --- */

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t' || *s == '\r')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	*e = '\0';
	return s;
}

/*
 * A number 0..100 with at most two decimals, '.' or ',' as the point;
 * the canonical "12.5" in out.  0, or -1.
 */
static int
parse_num(const char *s, char *out, size_t size)
{
	long	 whole = 0;
	int	 digits = 0, decimals = 0;
	char	 frac[3] = "";

	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 3)
			return -1;
		whole = whole * 10 + (*s - '0');
	}
	if (digits == 0)
		return -1;
	if (*s == '.' || *s == ',') {
		for (s++; *s >= '0' && *s <= '9'; s++) {
			if (decimals == 2)
				return -1;
			frac[decimals++] = *s;
		}
		if (decimals == 0)
			return -1;
	}
	if (*s != '\0' || whole > 100 || (whole == 100 && decimals > 0 &&
	    strspn(frac, "0") != (size_t)decimals))
		return -1;
	snprintf(out, size, "%ld%s%s", whole, decimals ? "." : "", frac);
	return 0;
}

static int
parse_pass(const char *s)
{
	static const char *const yes[] = { "да", "Да", "ДА", "1", "+" };
	static const char *const no[] = { "нет", "Нет", "НЕТ", "0", "-" };
	size_t	 i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(s, yes[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (strcmp(s, no[i]) == 0)
			return 0;
	return -1;
}

/* Codes a mark cell uses for something else than a scale value. */
static int
reserved_code(const char *s)
{
	return strcmp(s, "н") == 0 || strcmp(s, "Н") == 0 ||
	    strcmp(s, "н/а") == 0 || strcmp(s, "Н/А") == 0;
}

int
scale_values_parse(struct arena *a, const char *text,
    struct scale_value_in *out, size_t max, const char **err)
{
	struct buf	 msg = { 0 };
	char		*copy, *line, *next, *f[5], *p, num[16];
	size_t		 n = 0, nf, i, lineno = 0, npass = 0;
	int		 pass, bad;

	copy = arena_strdup(a, text);
	for (line = copy; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		lineno++;
		line = trim(line);
		if (*line == '\0')
			continue;
		/* Split on ';' into at most 5 fields (5: too many). */
		nf = 0;
		for (p = line; nf < 5; ) {
			f[nf++] = p;
			if ((p = strchr(p, ';')) == NULL)
				break;
			*p++ = '\0';
		}
		for (i = 0; i < nf; i++)
			f[i] = trim(f[i]);
		bad = 0;
#define LINE_ERR(...) do {						\
	buf_printf(&msg, "%sСтрока %zu: ", msg.len ? " " : "", lineno);	\
	buf_printf(&msg, __VA_ARGS__);					\
	bad = 1;							\
} while (0)
		if (nf > 4)
			LINE_ERR("больше четырёх полей; нужно "
			    "«код;название;число;зачёт».");
		else if (nf < 4)
			LINE_ERR("нужно четыре поля через «;»: "
			    "«код;название;число;зачёт».");
		else if (*f[0] == '\0')
			LINE_ERR("нет кода отметки.");
		else if (utf8_len(f[0]) > SCALE_CODE_MAX ||
		    strpbrk(f[0], " \t") != NULL)
			LINE_ERR("код «%s» — не длиннее %d символов и без "
			    "пробелов.", f[0], SCALE_CODE_MAX);
		else if (reserved_code(f[0]))
			LINE_ERR("код «%s» занят (так отмечают пропуск или "
			    "неаттестацию).", f[0]);
		else if (utf8_len(f[1]) > SCALE_VALUE_NAME_MAX)
			LINE_ERR("название не длиннее %d символов.",
			    SCALE_VALUE_NAME_MAX);
		else if (*f[2] != '\0' && parse_num(f[2], num,
		    sizeof(num)) == -1)
			LINE_ERR("число «%s»: нужно число от 0 до 100 (не "
			    "больше двух знаков после запятой) или пустое "
			    "поле.", f[2]);
		else if ((pass = parse_pass(f[3])) == -1)
			LINE_ERR("в последнем поле укажите «да» (отметка "
			    "удовлетворительная) или «нет».");
		if (bad)
			continue;
		for (i = 0; i < n; i++)
			if (strcmp(out[i].code, f[0]) == 0)
				break;
		if (i < n) {
			LINE_ERR("код «%s» уже есть выше; коды не должны "
			    "повторяться.", f[0]);
			continue;
		}
#undef LINE_ERR
		if (n == max) {
			buf_printf(&msg, "%sНе больше %zu значений в шкале.",
			    msg.len ? " " : "", max);
			break;
		}
		out[n].code = f[0];
		out[n].name = *f[1] != '\0' ? f[1] : f[0];
		out[n].num = *f[2] != '\0' ? arena_strdup(a, num) : NULL;
		out[n].is_pass = pass;
		npass += pass;
		n++;
	}
	if (msg.len == 0 && n < 2)
		buf_printf(&msg, "Нужно не меньше двух значений.");
	else if (msg.len == 0 && npass == 0)
		buf_printf(&msg, "Хотя бы одно значение должно быть "
		    "удовлетворительным (зачёт: «да»).");
	if (msg.len > 0) {
		*err = arena_strndup(a, msg.data, msg.len);
		buf_free(&msg);
		return -1;
	}
	buf_free(&msg);
	return (int)n;
}

int
scale_create(struct req *r, const char *name,
    const struct scale_value_in *v, size_t n, long long *id)
{
	struct buf	 what = { 0 };
	long long	 rc;
	size_t		 i;
	int		 ret = -1;

	if ((rc = db_exec(&q_scale_insert, "ls", r->sess.school_id,
	    name)) != 1)
		return rc == DB_DUPLICATE ? DB_DUPLICATE : -1;
	*id = (long long)db_last_id();
	buf_printf(&what, "%s:", name);
	for (i = 0; i < n; i++) {
		if (db_exec(&q_scale_value_insert, "lsssdd", *id, v[i].code,
		    v[i].name, v[i].num, v[i].is_pass, (int)(i + 1) * 10) != 1)
			goto out;
		buf_printf(&what, " %s (%s; %s; %s)", v[i].code, v[i].name,
		    v[i].num != NULL ? v[i].num : "—",
		    v[i].is_pass ? "зачёт" : "незачёт");
	}
	ret = audit_add(r, "scale_create", "scale", *id, NULL,
	    arena_strndup(&r->arena, what.data, what.len));
out:
	buf_free(&what);
	return ret;
}

enum scale_delete_res
scale_delete(struct req *r, long long scale_id)
{
	const char	*old;
	int		 builtin, used;

	if (db_query(&q_scale_lock, "ll", scale_id, r->sess.school_id) == -1 ||
	    db_next(&q_scale_lock) != 1)
		return SCALE_DELETE_FAILED;
	builtin = (int)db_int(&q_scale_lock, 0);
	used = (int)db_int(&q_scale_lock, 1);
	old = arena_strdup(&r->arena, db_str(&q_scale_lock, 2) ?
	    db_str(&q_scale_lock, 2) : "");
	db_done(&q_scale_lock);
	if (builtin)
		return SCALE_IS_BUILTIN;
	if (used > 0)
		return SCALE_IN_USE;
	if (db_exec(&q_scale_values_delete, "l", scale_id) < 0 ||
	    db_exec(&q_scale_delete, "ll", scale_id, r->sess.school_id) != 1 ||
	    audit_add(r, "scale_delete", "scale", scale_id, old, NULL) == -1)
		return SCALE_DELETE_FAILED;
	return SCALE_DELETED;
}

