/*
 * ttimport: the timetable from a CSV file as timetable tools export it
 * (R15; lib/ttimport.h).  As on /import, two steps, "preview" and
 * "commit" (lib/csvimport.h, the frame of every import).
 */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include "config.h"
#include "csv.h"
#include "csvimport.h"
#include "screen.h"
#include "timetable.h"
#include "ttimport.h"

enum { K_ACTION, K_FROM, K_CHECKSUM, K_FILE, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_FROM] =	{ "valid_from", v_date, 0 },
	[K_CHECKSUM] =	{ "checksum", v_token, 0 },
	[K_FILE] =	{ "file", v_text, KEY_FILE },
};

#define PREVIEW_ROWS	60

static int
page(struct req *r)
{
	char	 today[11];

	tt_today(today);
	if (req_get(r, "Form.valid_from", NULL) == NULL)
		req_set(r, "Form.valid_from", req_str(r, K_FROM) ?
		    req_str(r, K_FROM) : today);
	req_setf(r, "Page.MaxKB", "%lld",
	    conf_int("limits.body_max", 1048576) / 1024);
	return 200;
}

static int
ttimport_get(struct req *r)
{
	return page(r);
}

static int
refuse(struct req *r, const char *field, const char *msg)
{
	int	 rc;

	req_field_error(r, field, msg);
	return (rc = page(r)) == 200 ? SCREEN_FORM(400) : rc;
}

/* The preview; 1 when the step is a commit that may write. */
static int
preview(struct req *r, const struct tti *t,
    const struct csvimport_step *step)
{
	const char	*p;
	size_t		 i;

	if (csvimport_preview(r, step, &t->h, csvimport_row_errors(&r->arena,
	    t->rows, t->h.nrows, sizeof(*t->rows),
	    offsetof(struct tti_row, error)), PREVIEW_ROWS))
		return 1;
	if (t->h.fatal != NULL)
		return 0;
	req_setf(r, "Preview.classes", "%zu", t->nclasses);
	req_set(r, "Preview.to", t->to);
	for (i = 0; i < t->h.nrows && i < PREVIEW_ROWS; i++) {
		p = arena_printf(&r->arena, "Preview.Rows.%zu", i);
#define SET(k, v)	do { if ((v) != NULL) req_set(r, \
	arena_printf(&r->arena, "%s.%s", p, (k)), (v)); } while (0)
		req_setf(r, arena_printf(&r->arena, "%s.line", p), "%zu",
		    t->rows[i].line);
		req_setf(r, arena_printf(&r->arena, "%s.weekday", p), "%d",
		    t->rows[i].weekday);
		req_setf(r, arena_printf(&r->arena, "%s.number", p), "%d",
		    t->rows[i].number);
		SET("class", t->rows[i].class_name);
		SET("group", t->rows[i].group);
		SET("subject", t->rows[i].subject);
		SET("teacher", t->rows[i].teacher);
		SET("room", t->rows[i].room);
		SET("error", t->rows[i].error);
#undef SET
	}
	return 0;
}

static int
ttimport_post(struct req *r)
{
	struct tti		 t;
	struct csvimport_step	 step;
	enum csvimport_begin_res begin;
	const char		*msg;
	struct timeval		 t0, t1;
	long long		 ended;
	int			 rc;

	if ((begin = csvimport_begin(req_str(r, K_ACTION), "commit",
	    &r->fields[K_FILE], req_str(r, K_CHECKSUM), &step, &msg)) ==
	    CSVI_BAD_ACTION)
		return 400;
	if (r->fields[K_FROM].error != NULL || req_str(r, K_FROM) == NULL)
		return refuse(r, "valid_from", "Укажите дату, с которой "
		    "действует расписание.");
	if (begin == CSVI_REFUSED)
		return refuse(r, "file", msg);

	gettimeofday(&t0, NULL);
	if (tti_check(r, &t, r->fields[K_FILE].raw, r->fields[K_FILE].rawlen,
	    req_str(r, K_FROM)) == -1)
		return 500;
	if ((rc = page(r)) != 200)
		return rc;
	if (!preview(r, &t, &step))
		return step.commit ? SCREEN_FORM(400) : 200;
	if (tti_commit(r, &t, &ended) == -1)
		return 500;
	gettimeofday(&t1, NULL);
	req_set(r, "Result.Show", "1");
	req_setf(r, "Result.total", "%zu", t.h.nrows);
	req_setf(r, "Result.classes", "%zu", t.nclasses);
	req_setf(r, "Result.ended", "%lld", ended);
	req_set(r, "Result.from", t.from);
	req_setf(r, "Result.secs", "%.2f", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_usec - t0.tv_usec) / 1e6);
	return 200;
}

static const struct screen screen = {
	.name = "ttimport",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "ttimport.cs",
	.get = ttimport_get,
	.post = ttimport_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
