/*
 * absences: the class teacher fills in the reasons of the week's absences
 * of their class (R21): each «н» of a student of the class, in any of its
 * groups, with its reason (болезнь, уважительная, неуважительная, не
 * указана) and a note, all saved in one POST.  The administration may do
 * it too; the inspector reads.  Without ?class= the classes to choose from.
 */
#include <stdlib.h>
#include <string.h>

#include "classweek.h"
#include "screen.h"
#include "objects.h"
#include "rights.h"
#include "roles.h"

enum { K_CLASS, K_WEEK, K_AT, K_REASON, K_NOTE, K_SAVED, K__MAX };

static const struct key keys[K__MAX] = {
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_WEEK] =	{ "week", v_date, 0 },
	/* Parallel lists: "lesson:student", its reason and its note. */
	[K_AT] =	{ "at", v_line, KEY_MULTI },
	[K_REASON] =	{ "reason", v_line, KEY_MULTI },
	[K_NOTE] =	{ "note", v_line, KEY_MULTI },
	[K_SAVED] =	{ "saved", v_int, 0 },	/* after a save: how many */
};

#define ALL_CLASSES	(ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_INSPECTOR)

static int
may_write(const struct req *r)
{
	const struct access	*acc = access_find(r->screen->name);

	return acc != NULL && rights_allow(r, acc, M_POST);
}

static int
load(struct req *r, long long class_id)
{
	const char	*monday;
	int		 rc;

	if ((rc = db_class_week(r, class_id, req_str(r, K_WEEK))) == -1)
		return 500;
	if (rc == 0)
		return 404;
	monday = req_get(r, "Week.monday", "");
	if (db_absences_week(r, "Absences", class_id, monday) == -1)
		return 500;
	if (may_write(r))
		req_set(r, "Page.CanWrite", "1");
	if (req_str(r, K_SAVED) != NULL)
		req_set(r, "Page.saved", req_str(r, K_SAVED));
	return 200;
}

static int
absences_get(struct req *r)
{
	enum obj_res	 ok;

	if (r->fields[K_CLASS].error != NULL || r->fields[K_WEEK].error != NULL)
		return 400;
	if (req_str(r, K_CLASS) == NULL)
		return db_classes_for_week(r, "Classes",
		    (r->sess.roles & ALL_CLASSES) != 0) == -1 ? 500 : 200;
	if ((ok = obj_class_view(r, r->fields[K_CLASS].num)) != OBJ_OK)
		return (int)ok;
	return load(r, r->fields[K_CLASS].num);
}

/* "12:34" → lesson 12, student 34; 0, or -1. */
static int
parse_at(const char *s, long long *lesson, long long *student)
{
	char	*end;

	*lesson = strtoll(s, &end, 10);
	if (end == s || *end != ':' || *lesson < 1)
		return -1;
	s = end + 1;
	*student = strtoll(s, &end, 10);
	if (end == s || *end != '\0' || *student < 1)
		return -1;
	return 0;
}

static int
absences_post(struct req *r)
{
	const struct kv		**at, **reason, **note;
	struct absence_reason	 *v;
	long long		  class_id;
	size_t			  n, nr, nn, i;
	enum obj_res		  ok;
	int			  changed, rc;

	if (req_str(r, K_CLASS) == NULL || req_str(r, K_WEEK) == NULL)
		return 400;
	class_id = r->fields[K_CLASS].num;
	if ((ok = obj_class_view(r, class_id)) != OBJ_OK)
		return (int)ok;
	at = req_values(r, K_AT, &n);
	reason = req_values(r, K_REASON, &nr);
	note = req_values(r, K_NOTE, &nn);
	if (n == 0 || nr != n || nn != n)
		return 400;
	v = arena_alloc(&r->arena, n * sizeof(*v));
	for (i = 0; i < n; i++) {
		if (parse_at(at[i]->val, &v[i].lesson_id, &v[i].student_id) ==
		    -1 || !absence_reason_ok(reason[i]->val))
			return 400;
		v[i].reason = reason[i]->val;
		v[i].note = note[i]->val;
		while (*v[i].note == ' ')
			v[i].note++;
		if (utf8_len(v[i].note) > ABSENCE_NOTE_MAX ||
		    strpbrk(v[i].note, "\r\n\t") != NULL)
			req_field_error(r, "note", "Примечание: одна строка, не "
			    "длиннее 255 символов.");
	}
	if ((rc = load(r, class_id)) != 200)
		return rc;
	if (req_has_errors(r))
		return SCREEN_FORM(400);
	rc = absences_save(r, class_id, req_get(r, "Week.monday", ""), v, n,
	    &changed);
	if (rc == -1)
		return 500;
	if (rc == 1) {
		req_field_error(r, "note", "Пропуск не найден среди пропусков "
		    "класса за эту неделю: обновите страницу.");
		return SCREEN_FORM(409);
	}
	return req_redirect(r, arena_printf(&r->arena,
	    "/absences?class=%lld&week=%s&saved=%d", class_id,
	    req_get(r, "Week.monday", ""), changed));
}

static const struct screen screen = {
	.name = "absences",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "absences.cs",
	.get = absences_get,
	.post = absences_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
