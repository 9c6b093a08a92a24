/*
 * ttimport: the timetable from a CSV file as timetable tools export it
 * (R15; lib/ttimport.h).  As on /import, two steps: "preview" checks the
 * file and lists every row error, writing nothing; "commit" takes the same
 * file again (its SHA-256 from the preview in a hidden field) and writes
 * all rows in the request's one transaction, or nothing when any row is
 * wrong (400).
 */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include <sodium.h>

#include "config.h"
#include "csv.h"
#include "journal.h"
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

static void
preview(struct req *r, const struct tti *t, const char *checksum)
{
	const char	*p;
	size_t		 i, n;

	req_set(r, "Preview.Show", "1");
	req_set(r, "Preview.checksum", checksum);
	if (t->fatal != NULL) {
		req_set(r, "Preview.fatal", t->fatal);
		return;
	}
	req_setf(r, "Preview.total", "%zu", t->nrows);
	req_setf(r, "Preview.nerrors", "%zu", t->nerrors);
	req_setf(r, "Preview.classes", "%zu", t->nclasses);
	req_set(r, "Preview.to", t->to);
	req_set(r, "Preview.encoding", csv_encoding_name(t->csv.cp1251));
	req_set(r, "Preview.sep", csv_sep_name(t->csv.sep));
	for (i = 0; i < t->nwarnings; i++)
		req_set(r, arena_printf(&r->arena, "Preview.Warnings.%zu", i),
		    t->warnings[i]);
	for (i = 0, n = 0; i < t->nrows; i++)
		if (t->rows[i].error != NULL)
			req_set(r, arena_printf(&r->arena, "Preview.Errors.%zu",
			    n++), t->rows[i].error);
	for (i = 0; i < t->nrows && i < PREVIEW_ROWS; i++) {
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
	if (t->nrows > PREVIEW_ROWS)
		req_setf(r, "Preview.more", "%zu", t->nrows - PREVIEW_ROWS);
}

static int
ttimport_post(struct req *r)
{
	struct tti		 t;
	const struct field	*file = &r->fields[K_FILE];
	const char		*action = req_str(r, K_ACTION);
	unsigned char		 sum[crypto_hash_sha256_BYTES];
	char			 hex[2 * sizeof(sum) + 1];
	struct timeval		 t0, t1;
	long long		 ended;
	int			 commit, rc;

	if (action == NULL)
		return 400;
	if (strcmp(action, "preview") == 0)
		commit = 0;
	else if (strcmp(action, "commit") == 0)
		commit = 1;
	else
		return 400;
	if (r->fields[K_FROM].error != NULL || req_str(r, K_FROM) == NULL)
		return refuse(r, "valid_from", "Укажите дату, с которой "
		    "действует расписание.");
	if (!file->ok)
		return refuse(r, "file", "Выберите файл CSV.");
	crypto_hash_sha256(sum, (const unsigned char *)file->raw,
	    file->rawlen);
	sodium_bin2hex(hex, sizeof(hex), sum, sizeof(sum));
	if (commit && (req_str(r, K_CHECKSUM) == NULL ||
	    strcmp(req_str(r, K_CHECKSUM), hex) != 0))
		return refuse(r, "file", "Это не тот файл, что был проверен, "
		    "или он изменился после проверки: проверьте его заново.");

	gettimeofday(&t0, NULL);
	if (tti_check(r, &t, file->raw, file->rawlen,
	    req_str(r, K_FROM)) == -1)
		return 500;
	if ((rc = page(r)) != 200)
		return rc;
	if (!commit || t.fatal != NULL || t.nerrors != 0) {
		preview(r, &t, hex);
		if (commit)
			req_set(r, "Preview.refused", "1");
		return commit ? SCREEN_FORM(400) : 200;
	}
	if (tti_commit(r, &t, &ended) == -1)
		return 500;
	gettimeofday(&t1, NULL);
	req_set(r, "Result.Show", "1");
	req_setf(r, "Result.total", "%zu", t.nrows);
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
