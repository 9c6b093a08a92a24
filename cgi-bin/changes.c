/*
 * changes: the day's changes of the timetable (замены, переносы; R22,
 * R32): the list, a one-day change of one lesson (substitute, cancel,
 * room, moved to another day or number) with its reason, and "teacher
 * absent for the day": the teacher's lessons that day, substitutes for
 * all of them in one POST (one transaction: all recorded or none).  A
 * substitute who already teaches at that number that day is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classes.h"
#include "screen.h"
#include "timetable.h"

enum { K_DATE, K_ACTION, K_LESSON, K_TEACHER, K_CANCEL, K_ROOM, K_NEW_DATE,
    K_NEW_NUMBER, K_REASON, K_CHANGE, K_ABSENT, K_L, K_S, K__MAX };

static const struct key keys[K__MAX] = {
	[K_DATE] =	{ "date", v_date, 0 },
	[K_ACTION] =	{ "action", v_line, 0 },
	[K_LESSON] =	{ "lesson", v_id, 0 },
	[K_TEACHER] =	{ "teacher", v_id, 0 },
	[K_CANCEL] =	{ "cancel", v_flag, 0 },
	[K_ROOM] =	{ "room", v_line, 0 },
	[K_NEW_DATE] =	{ "new_date", v_date, 0 },
	[K_NEW_NUMBER] = { "new_number", v_int, 0 },
	[K_REASON] =	{ "reason", v_line, 0 },
	[K_CHANGE] =	{ "change", v_id, 0 },
	[K_ABSENT] =	{ "absent", v_id, 0 },
	[K_L] =		{ "l", v_id, KEY_MULTI },
	[K_S] =		{ "s", v_line, KEY_MULTI },
};

/* The absent teacher's own lessons on date: Absent.Lessons.N. */
static int
absent_lessons(struct req *r, long long teacher, const char *date,
    struct tt_lesson **out, int *nout)
{
	struct tt_lesson *ls;
	char		 monday[11], key[64];
	int		 n, i, k = 0;

	*nout = 0;
	if (tt_monday(date, monday) == -1 ||
	    (n = db_week_lessons(r, TT_TEACHER, teacher, NULL, monday,
	    &ls)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (strcmp(ls[i].date, date) != 0 || ls[i].moved_in ||
		    ls[i].tt_id == 0 || ls[i].plan_teacher_id != teacher)
			continue;
		ls[k] = ls[i];
		snprintf(key, sizeof(key), "Absent.Lessons.%d", k);
		req_setf(r, arena_printf(&r->arena, "%s.tt_id", key), "%lld",
		    ls[i].tt_id);
		req_setf(r, arena_printf(&r->arena, "%s.number", key), "%d",
		    ls[i].number);
		req_set(r, arena_printf(&r->arena, "%s.subject", key),
		    ls[i].subject);
		req_set(r, arena_printf(&r->arena, "%s.group", key),
		    ls[i].group);
		req_set(r, arena_printf(&r->arena, "%s.room", key),
		    ls[i].room);
		if (ls[i].teacher_id != teacher)
			req_setf(r, arena_printf(&r->arena, "%s.current", key),
			    "%s", ls[i].teacher);
		if (ls[i].cancelled)
			req_set(r, arena_printf(&r->arena, "%s.cancelled",
			    key), "1");
		k++;
	}
	*out = ls;
	*nout = k;
	return 0;
}

static int
load(struct req *r, const char *date)
{
	struct tt_lesson *ls;
	int		 n;

	req_set(r, "Page.date", date);
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT))
		req_set(r, "Page.CanEdit", "1");
	if (db_tt_changes_by_date(r->hdf, "Changes", r->sess.school_id,
	    date) == -1 ||
	    db_tt_day_lessons(r->hdf, "Lessons", r->sess.school_id,
	    date) == -1 ||
	    db_teachers_list(r->hdf, "Teachers", r->sess.school_id) == -1)
		return 500;
	if (req_str(r, K_ABSENT) != NULL) {
		if (obj_week_teacher(r, r->fields[K_ABSENT].num) != OBJ_OK)
			return 404;
		req_set(r, "Absent.id", req_str(r, K_ABSENT));
		if (db_tt_person_get(r->hdf, "Absent.Person",
		    r->sess.school_id, r->fields[K_ABSENT].num) != 1 ||
		    absent_lessons(r, r->fields[K_ABSENT].num, date, &ls,
		    &n) == -1)
			return 500;
	}
	return 200;
}

static const char *
the_date(struct req *r, char today[11])
{
	tt_today(today);
	return req_str(r, K_DATE) ? req_str(r, K_DATE) : today;
}

static int
changes_get(struct req *r)
{
	char	 today[11];

	if (r->fields[K_DATE].error || r->fields[K_ABSENT].error)
		return 400;
	return load(r, the_date(r, today));
}

/* One change of one lesson from the form. */
static int
post_one(struct req *r, void *ctx)
{
	const char	*date = ctx;
	struct tt_change c;
	const char	*msg;
	long long	 id;

	memset(&c, 0, sizeof(c));
	c.on_date = date;
	c.tt_id = req_str(r, K_LESSON) ? r->fields[K_LESSON].num : 0;
	c.teacher_id = req_str(r, K_TEACHER) ? r->fields[K_TEACHER].num : 0;
	c.cancelled = req_str(r, K_CANCEL) ? (int)r->fields[K_CANCEL].num : 0;
	c.room = req_str(r, K_ROOM);
	c.new_date = req_str(r, K_NEW_DATE);
	c.new_number = req_str(r, K_NEW_NUMBER) ?
	    (int)r->fields[K_NEW_NUMBER].num : 0;
	c.reason = req_str(r, K_REASON);
	if (c.tt_id == 0)
		req_field_error(r, "lesson", "Выберите урок.");
	if (c.teacher_id != 0 && db_teacher_check(r->sess.school_id,
	    c.teacher_id) != 1)
		req_field_error(r, "teacher", "Выберите учителя школы.");
	if (r->fields[K_ROOM].error || (c.room && utf8_len(c.room) > 20))
		req_field_error(r, "room", "Кабинет: не длиннее 20 символов.");
	if (r->fields[K_NEW_DATE].error)
		req_field_error(r, "new_date", r->fields[K_NEW_DATE].error);
	if (r->fields[K_NEW_NUMBER].error || (req_str(r, K_NEW_NUMBER) &&
	    (c.new_number < 1 || c.new_number > 10)))
		req_field_error(r, "new_number", "Номер урока: от 1 до 10.");
	if (c.reason == NULL || r->fields[K_REASON].error)
		req_field_error(r, "reason", "Укажите причину.");
	if (c.cancelled && (c.teacher_id || c.room || c.new_date ||
	    c.new_number))
		req_field_error(r, "cancel", "Отменённый урок не заменяют и "
		    "не переносят: выберите что-то одно.");
	if (req_has_errors(r))
		return SCREEN_FORM(400);
	if ((id = tt_change_save(r, &c, &msg)) == -1)
		return 500;
	if (id == 0) {
		req_field_error(r, "conflict", msg);
		return SCREEN_FORM(409);
	}
	return 303;
}

/* Substitutes for all the lessons of an absent teacher, all or none. */
static int
post_absent(struct req *r, void *ctx)
{
	const char	*date = ctx;
	struct tt_lesson *ls;
	struct tt_change c;
	const struct kv	**subs;
	const char	*msg, *reason, *errs = NULL;
	long long	*ids, absent, id;
	size_t		 nl, ns, i;
	int		 n, j, done = 0;

	if (req_str(r, K_ABSENT) == NULL)
		return 400;
	absent = r->fields[K_ABSENT].num;
	if (obj_week_teacher(r, absent) != OBJ_OK)
		return 404;
	ids = req_ids(r, K_L, &nl);
	subs = req_values(r, K_S, &ns);
	if ((ids == NULL && nl > 0) || nl != ns)
		return 400;
	reason = req_str(r, K_REASON) ? req_str(r, K_REASON) :
	    "болезнь учителя";
	if (absent_lessons(r, absent, date, &ls, &n) == -1)
		return 500;
	for (i = 0; i < nl; i++) {
		const char *s = subs[i]->val;

		for (j = 0; j < n && ls[j].tt_id != ids[i]; j++)
			;
		if (j == n)
			return 400;	/* not their lesson that day */
		if (s == NULL || *s == '\0')
			continue;
		memset(&c, 0, sizeof(c));
		c.tt_id = ids[i];
		c.on_date = date;
		c.absent_teacher_id = absent;
		c.reason = reason;
		if (strcmp(s, "cancel") == 0)
			c.cancelled = 1;
		else if ((c.teacher_id = atoll(s)) <= 0 ||
		    c.teacher_id == absent ||
		    db_teacher_check(r->sess.school_id, c.teacher_id) != 1) {
			errs = arena_printf(&r->arena, "%s%s%d-й урок: выберите "
			    "другого учителя.", errs ? errs : "", errs ? " " :
			    "", ls[j].number);
			continue;
		}
		if ((id = tt_change_save(r, &c, &msg)) == -1)
			return 500;
		if (id == 0)
			errs = arena_printf(&r->arena, "%s%s%d-й урок: %s",
			    errs ? errs : "", errs ? " " : "", ls[j].number,
			    msg);
		else
			done++;
	}
	if (errs != NULL) {
		/* Nothing is kept: the transaction rolls back with 409. */
		req_field_error(r, "conflict", arena_printf(&r->arena,
		    "Замены не сохранены. %s", errs));
		return SCREEN_FORM(409);
	}
	if (done == 0) {
		req_field_error(r, "conflict", "Выберите замену хотя бы для "
		    "одного урока.");
		return SCREEN_FORM(400);
	}
	return 303;
}

static int
post_delete(struct req *r, NOCTX)
{
	int	 rc;

	if (req_str(r, K_CHANGE) == NULL)
		return 400;
	if ((rc = tt_change_delete(r, r->fields[K_CHANGE].num)) == -1)
		return 500;
	return rc == 0 ? 404 : 303;
}

/* The actions on a day's changes (ctx: the day, YYYY-MM-DD). */
static const struct action actions[] = {
	{ "delete",	post_delete,	0 },
	{ "save",	post_one,	0 },
	{ "absent",	post_absent,	0 },
};

static int
changes_post(struct req *r)
{
	char		 today[11];
	const char	*date, *action = req_str(r, K_ACTION);
	int		 rc;

	if (r->fields[K_DATE].error || action == NULL)
		return 400;
	date = the_date(r, today);
	rc = screen_action(r, ACTIONS(actions), action, (void *)date);
	if (rc == 303)
		return req_redirect(r, arena_printf(&r->arena,
		    "/changes?date=%s", date));
	if ((rc & 0x10000) != 0) {
		/* Show the form again with what was typed. */
		static const int k[] = { K_LESSON, K_TEACHER, K_ROOM,
		    K_NEW_DATE, K_NEW_NUMBER, K_REASON };
		static const char *const f[] = { "lesson", "teacher", "room",
		    "new_date", "new_number", "reason" };
		size_t i;
		int lrc;

		for (i = 0; i < sizeof(k) / sizeof(k[0]); i++)
			if (req_str(r, (size_t)k[i]) != NULL)
				req_set(r, arena_printf(&r->arena, "Form.%s",
				    f[i]), req_str(r, (size_t)k[i]));
		if ((lrc = load(r, date)) != 200)
			return lrc;
	}
	return rc;
}

static const struct screen screen = {
	.name = "changes",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "changes.cs",
	.get = changes_get,
	.post = changes_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
