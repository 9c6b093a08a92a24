/*
 * unlock: the management opens a mark for correction after the
 * correction window (R23, mark_edit_days) has passed: for one day, with
 * a reason kept in the audit.  Reached from the journal page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"
#include "grid.h"
#include "objects.h"

enum { K_MARK, K_REASON, K__MAX };

static const struct key keys[K__MAX] = {
	[K_MARK] =	{ "mark", v_id, 0 },
	[K_REASON] =	{ "reason", v_line, 0 },
};

/* The mark, after the journal's object check. */
static int
load(struct req *r, long long mark_id)
{
	struct mark_head m;
	enum obj_res	 ok;
	int		 rc;

	if ((rc = db_mark_get(r, "Mark", mark_id, &m)) != 1)
		return rc == 0 ? 404 : 500;
	ok = obj_journal_view(r, m.group_id, m.subject_id);
	return ok == OBJ_OK ? 200 : (int)ok;
}

static int
unlock_get(struct req *r)
{
	if (req_str(r, K_MARK) == NULL)
		return 400;
	return load(r, r->fields[K_MARK].num);
}

static int
unlock_post(struct req *r)
{
	long long	 id;
	int		 rc;

	if (req_str(r, K_MARK) == NULL)
		return 400;
	id = r->fields[K_MARK].num;
	if ((rc = load(r, id)) != 200)
		return rc;
	if (req_str(r, K_REASON) == NULL) {
		req_field_error(r, "reason", "Укажите причину исправления.");
		return SCREEN_FORM(400);
	}
	if (mark_unlock(r, id, req_str(r, K_REASON)) == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena,
	    "/journal?group=%s&subject=%s", req_get(r, "Mark.group_id", ""),
	    req_get(r, "Mark.subject_id", "")));
}

static const struct screen screen = {
	.name = "unlock",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "unlock.cs",
	.get = unlock_get,
	.post = unlock_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
