/*
 * import: bulk import of students (with guardians) and staff from a CSV
 * file as schools export it from Excel (issue 3, R16).  Two steps:
 * "preview" and "commit" (lib/csvimport.h, the frame of every import).
 *
 * Students are enrolled by an order of the enrolment kind (R16): one
 * movement per student.  Staff need no order; their logins are issued on
 * /staff.  The secretary imports students, HR staff, the administrator
 * both.
 */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include "config.h"
#include "csvimport.h"
#include "import.h"
#include "csv.h"
#include "screen.h"
#include "orders.h"
#include "rights.h"

enum { K_ACTION, K_KIND, K_ORDER, K_JOINED, K_CHECKSUM, K_FILE, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_KIND] =	{ "kind", v_line, 0 },
	[K_ORDER] =	{ "order", v_id, 0 },
	[K_JOINED] =	{ "joined_on", v_date, 0 },
	[K_CHECKSUM] =	{ "checksum", v_token, 0 },
	[K_FILE] =	{ "file", v_text, KEY_FILE },
};

/* Rows shown in the preview's table (every error is listed anyway). */
#define PREVIEW_ROWS	50
/* Enrolment may take effect up to a month ahead, as on /order. */
#define AHEAD_DAYS	30

#define MAY_STUDENTS	(ROLE_ADMIN | ROLE_SECRETARY)
#define MAY_STAFF	(ROLE_ADMIN | ROLE_HR)

/*
 * Whether the user may import this kind: by a default role, or by a rule
 * of the administrator that opens /import to them (lib/rights.h), which
 * gives both kinds as it gives the screen's school-wide roles.
 */
static int
may(const struct req *r, unsigned roles)
{
	return (r->sess.roles & roles) || rights_granted(r, M_POST);
}

/* The form: the kinds this user may import, the enrolment orders. */
static int
page(struct req *r)
{
	long long	 today = orders_day(0);

	if (may(r, MAY_STUDENTS)) {
		req_set(r, "Page.CanStudents", "1");
		if (db_orders_list(r->hdf, "Orders", r->sess.school_id,
		    "enrolment", 0) == -1)
			return 500;
	}
	if (may(r, MAY_STAFF))
		req_set(r, "Page.CanStaff", "1");
	if (req_get(r, "Form.kind", NULL) == NULL)
		req_set(r, "Form.kind", may(r, MAY_STUDENTS) ?
		    "students" : "staff");
	if (req_get(r, "Form.joined_on", NULL) == NULL)
		req_setf(r, "Form.joined_on", "%04lld-%02lld-%02lld",
		    today / 10000, today / 100 % 100, today % 100);
	req_setf(r, "Page.MaxKB", "%lld",
	    conf_int("limits.body_max", 1048576) / 1024);
	req_setf(r, "Page.MaxRows", "%d", IMPORT_ROWS_MAX);
	return 200;
}

static int
import_get(struct req *r)
{
	return page(r);
}

/* Keep what the user chose, so the form comes back as it was. */
static void
keep_form(struct req *r)
{
	size_t	 k;

	for (k = K_KIND; k <= K_JOINED; k++)
		if (r->fields[k].raw != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s",
			    keys[k].name), r->fields[k].raw);
}

static int
refuse(struct req *r, const char *field, const char *msg)
{
	int	 rc;

	if (field != NULL)
		req_field_error(r, field, msg);
	keep_form(r);
	return (rc = page(r)) == 200 ? SCREEN_FORM(400) : rc;
}

/* «2015-03-01» as «01.03.2015»; NULL stays NULL. */
static const char *
ru_date(struct req *r, const char *iso)
{
	if (iso == NULL || strlen(iso) != 10)
		return iso;
	return arena_printf(&r->arena, "%.2s.%.2s.%.4s", iso + 8, iso + 5,
	    iso);
}

static void
set_row(struct req *r, size_t n, const struct import_row *row,
    enum import_kind kind)
{
	const char	*p = arena_printf(&r->arena, "Preview.Rows.%zu", n);

#define SET(k, v)	do { if ((v) != NULL) req_set(r, \
	arena_printf(&r->arena, "%s.%s", p, (k)), (v)); } while (0)
	req_setf(r, arena_printf(&r->arena, "%s.line", p), "%zu", row->line);
	SET("name", import_full_name(&r->arena, row->last, row->first,
	    row->middle));
	SET("sex", row->sex == NULL ? NULL : *row->sex == 'm' ? "м" : "ж");
	SET("birth", ru_date(r, row->birth));
	SET("error", row->error);
	if (kind == IMPORT_STUDENTS) {
		SET("class", row->class_name);
		if (row->g_last != NULL)
			SET("guardian", arena_printf(&r->arena, "%s (%s)",
			    import_full_name(&r->arena, row->g_last,
			    row->g_first, row->g_middle),
			    row->g_kind == NULL ? "?" :
			    strcmp(row->g_kind, "parent") == 0 ? "родитель" :
			    strcmp(row->g_kind, "guardian") == 0 ? "опекун" :
			    "усыновитель"));
		if (row->g_same != 0)
			SET("shared", "1");
	} else {
		SET("position", row->position);
		SET("hired", ru_date(r, row->hired));
	}
#undef SET
}

/*
 * The preview (the frame's common part, then the columns and the first
 * rows); 1 when the step is a commit that may write.
 */
static int
preview(struct req *r, const struct import *im,
    const struct csvimport_step *step)
{
	size_t	 i;

	if (csvimport_preview(r, step, &im->h, csvimport_row_errors(&r->arena,
	    im->rows, im->h.nrows, sizeof(*im->rows),
	    offsetof(struct import_row, error)), PREVIEW_ROWS))
		return 1;
	if (im->h.fatal != NULL)
		return 0;
	req_setf(r, "Preview.guardians", "%zu", im->nguardians);
	for (i = 0; i < im->ncolumns; i++)
		req_set(r, arena_printf(&r->arena, "Preview.Columns.%zu", i),
		    im->columns[i]);
	for (i = 0; i < im->nignored; i++)
		req_set(r, arena_printf(&r->arena, "Preview.Ignored.%zu", i),
		    im->ignored[i]);
	for (i = 0; i < im->h.nrows && i < PREVIEW_ROWS; i++)
		set_row(r, i, &im->rows[i], im->kind);
	return 0;
}

/* The result: how many people, by class with links. */
static void
result(struct req *r, const struct import *im, long long order_id,
    double secs)
{
	long long	*ids;
	size_t		*counts, n = 0, i, j;
	const char	**names;

	req_set(r, "Result.Show", "1");
	req_setf(r, "Result.total", "%zu", im->h.nrows);
	req_setf(r, "Result.secs", "%.1f", secs);
	if (im->kind == IMPORT_STAFF) {
		req_set(r, "Result.staff", "1");
		return;
	}
	req_setf(r, "Result.guardians", "%zu", im->nguardians);
	req_setf(r, "Result.order", "%lld", order_id);
	ids = arena_alloc(&r->arena, im->h.nrows * sizeof(*ids));
	counts = arena_alloc(&r->arena, im->h.nrows * sizeof(*counts));
	names = arena_alloc(&r->arena, im->h.nrows * sizeof(*names));
	for (i = 0; i < im->h.nrows; i++) {
		for (j = 0; j < n && ids[j] != im->rows[i].class_id; j++)
			;
		if (j == n) {
			ids[n] = im->rows[i].class_id;
			names[n++] = im->rows[i].class_name;
		}
		counts[j]++;
	}
	for (j = 0; j < n; j++) {
		req_setf(r, arena_printf(&r->arena, "Result.Classes.%zu.id", j),
		    "%lld", ids[j]);
		req_set(r, arena_printf(&r->arena, "Result.Classes.%zu.name",
		    j), names[j]);
		req_setf(r, arena_printf(&r->arena,
		    "Result.Classes.%zu.count", j), "%zu", counts[j]);
	}
}

/* The order of a student import: 200, or the status to answer. */
static int
enrolment_order(struct req *r, long long *order_id, const char **joined)
{
	enum obj_res	 ok;
	long long	 on, dated;
	int		 y, m, d;

	if (req_str(r, K_ORDER) == NULL)
		return refuse(r, "order", "Выберите приказ о зачислении: "
		    "ученики зачисляются только по приказу.");
	*order_id = r->fields[K_ORDER].num;
	if ((ok = obj_order(r, *order_id)) != OBJ_OK)
		return (int)ok;
	if (db_order_get(r->hdf, "Order", *order_id) != 1)
		return 500;
	if (strcmp(req_get(r, "Order.kind", ""), "enrolment") != 0)
		return refuse(r, "order", "Это приказ не о зачислении: "
		    "выберите приказ о зачислении.");
	if (r->fields[K_JOINED].error != NULL)
		return refuse(r, "joined_on", r->fields[K_JOINED].error);
	if ((*joined = req_str(r, K_JOINED)) == NULL) {
		on = orders_day(0);
		*joined = arena_printf(&r->arena, "%04lld-%02lld-%02lld",
		    on / 10000, on / 100 % 100, on % 100);
	} else
		on = r->fields[K_JOINED].num;
	if (sscanf(req_get(r, "Order.dated_iso", ""), "%4d-%2d-%2d", &y, &m,
	    &d) != 3)
		return 500;
	dated = y * 10000LL + m * 100 + d;
	if (on < dated)
		return refuse(r, "joined_on", "Дата зачисления не может быть "
		    "раньше даты приказа.");
	if (on > orders_day(AHEAD_DAYS))
		return refuse(r, "joined_on", "Дата зачисления — не позже чем "
		    "через 30 дней от сегодняшней.");
	return 200;
}

static int
import_post(struct req *r)
{
	struct import		 im;
	struct csvimport_step	 step;
	enum csvimport_begin_res begin;
	const char		*kind_s, *joined = NULL, *msg;
	enum import_kind	 kind;
	long long		 order_id = 0;
	struct timeval		 t0, t1;
	int			 rc;

	kind_s = req_str(r, K_KIND);
	if (kind_s == NULL)
		return 400;
	if (strcmp(kind_s, "students") == 0)
		kind = IMPORT_STUDENTS;
	else if (strcmp(kind_s, "staff") == 0)
		kind = IMPORT_STAFF;
	else
		return 400;
	/* The secretary moves students, HR keeps staff records. */
	if (!may(r, kind == IMPORT_STUDENTS ? MAY_STUDENTS : MAY_STAFF))
		return 403;
	/* A broken action first, then the order, then the file. */
	if ((begin = csvimport_begin(req_str(r, K_ACTION), "commit",
	    &r->fields[K_FILE], req_str(r, K_CHECKSUM), &step, &msg)) ==
	    CSVI_BAD_ACTION)
		return 400;
	if (kind == IMPORT_STUDENTS &&
	    (rc = enrolment_order(r, &order_id, &joined)) != 200)
		return rc;
	if (begin == CSVI_REFUSED)
		return refuse(r, "file", msg);

	gettimeofday(&t0, NULL);
	if (import_check(r, &im, kind, r->fields[K_FILE].raw,
	    r->fields[K_FILE].rawlen,
	    joined != NULL ? joined : "2000-01-01") == -1)
		return 500;
	keep_form(r);
	if ((rc = page(r)) != 200)
		return rc;
	if (!preview(r, &im, &step))
		return step.commit ? SCREEN_FORM(400) : 200;
	if (import_commit(r, &im, order_id, joined) == -1)
		return 500;
	gettimeofday(&t1, NULL);
	result(r, &im, order_id, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_usec - t0.tv_usec) / 1e6);
	return 200;
}

static const struct screen screen = {
	.name = "import",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "import.cs",
	.get = import_get,
	.post = import_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
