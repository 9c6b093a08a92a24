/*
 * periodmarks: the period, year, exam and final marks of a group in a
 * subject (R26-R28), entered separately from the current marks, with the
 * forecast of each period beside each student (R35), their number of
 * marks and the share of lessons missed.  A cell takes a code of the
 * subject's scale, «н/а» only under R26, or a deferral date (R28).  Only
 * the teacher of the assignment writes; lateness (R23) is shown, not
 * refused.  Without parameters: the user's own journals to choose from.
 */
#include <string.h>

#include "screen.h"
#include "objects.h"
#include "periodmarks.h"

enum { K_GROUP, K_SUBJECT, K_AT, K_VAL, K_UNTIL, K__MAX };

static const struct key keys[K__MAX] = {
	[K_GROUP] =	{ "group", v_id, 0 },
	[K_SUBJECT] =	{ "subject", v_id, 0 },
	/* Parallel lists, one entry per cell of the form, in its order. */
	[K_AT] =	{ "at", v_line, KEY_MULTI },
	[K_VAL] =	{ "val", v_line, KEY_MULTI },
	[K_UNTIL] =	{ "until", v_line, KEY_MULTI },
};

static int
load(struct req *r, struct pm_page *pg)
{
	long long	 group = r->fields[K_GROUP].num;
	long long	 subject = r->fields[K_SUBJECT].num;
	enum obj_res	 w;
	int		 rc;

	if ((rc = db_period_marks_load(r, group, subject, pg)) == -1)
		return 500;
	if (rc == 1)
		return 404;
	if ((w = obj_journal_write(r, group, subject, NULL)) == OBJ_ERROR)
		return 500;
	if (w == OBJ_OK && (r->sess.roles & (ROLE_TEACHER |
	    ROLE_CLASS_TEACHER)) && !pg->no_marks)
		req_set(r, "Page.CanWrite", "1");
	return 200;
}

/* The object check first: the journal of the group in the subject. */
static int
check(struct req *r)
{
	if (req_str(r, K_GROUP) == NULL || req_str(r, K_SUBJECT) == NULL)
		return 400;
	return (int)obj_journal_view(r, r->fields[K_GROUP].num,
	    r->fields[K_SUBJECT].num);
}

static int
periodmarks_get(struct req *r)
{
	struct pm_page	 pg;
	int		 rc;

	if (req_str(r, K_GROUP) == NULL && req_str(r, K_SUBJECT) == NULL &&
	    r->fields[K_GROUP].error == NULL &&
	    r->fields[K_SUBJECT].error == NULL)
		return db_period_marks_mine(r, "Mine") == -1 ? 500 : 200;
	if ((rc = check(r)) != OBJ_OK)
		return rc;
	if ((rc = load(r, &pg)) != 200)
		return rc;
	period_marks_hdf(r, &pg);
	return 200;
}

/* Raw values of a KEY_MULTI key as strings (empty ones kept). */
static const char **
values(struct req *r, size_t k, size_t *n)
{
	const struct kv	**v = req_values(r, k, n);
	const char	**s;
	size_t		  i;

	s = arena_alloc(&r->arena, (*n + 1) * sizeof(*s));
	for (i = 0; i < *n; i++) {
		s[i] = arena_strndup(&r->arena, v[i]->val, v[i]->vlen);
		/* Trim the blanks a teacher types around a mark. */
		while (*s[i] == ' ')
			s[i]++;
		while (*s[i] != '\0' && s[i][strlen(s[i]) - 1] == ' ')
			((char *)s[i])[strlen(s[i]) - 1] = '\0';
	}
	return s;
}

static int
periodmarks_post(struct req *r)
{
	struct pm_page	 pg;
	const char	**at, **val, **until;
	size_t		  n, nv, nu;
	enum obj_res	  ok;
	int		  rc;

	if ((rc = check(r)) != OBJ_OK)
		return rc;
	if ((ok = obj_journal_write(r, r->fields[K_GROUP].num,
	    r->fields[K_SUBJECT].num, NULL)) != OBJ_OK)
		return (int)ok;
	at = values(r, K_AT, &n);
	val = values(r, K_VAL, &nv);
	until = values(r, K_UNTIL, &nu);
	if (n == 0 || nv != n || nu != n)
		return 400;
	if ((rc = load(r, &pg)) != 200)
		return rc;
	if ((rc = period_marks_save(r, &pg, at, val, until, n)) == -1)
		return 500;
	if (rc == 400)
		return 400;
	if (rc == 1) {
		period_marks_hdf(r, &pg);
		return SCREEN_FORM(400);
	}
	return req_redirect(r, arena_printf(&r->arena,
	    "/periodmarks?group=%lld&subject=%lld", pg.group_id,
	    pg.subject_id));
}

static const struct screen screen = {
	.name = "periodmarks",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "periodmarks.cs",
	.get = periodmarks_get,
	.post = periodmarks_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
