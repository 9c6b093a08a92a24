/*
 * week: the lessons of one week as they really happen (R15, R22, R32):
 * a class's, a teacher's (their own by default, with the lessons they
 * substitute), a room's or one student's (their subgroups and streams),
 * with the day's changes and holidays, bells per number; printable.  Who
 * sees which: overseers any; a teacher their own week, any class's and
 * any room's; a class teacher their class's and its students'.  Not
 * students or parents: the diary shows them theirs.
 */
#include <stdio.h>
#include <string.h>

#include "classes.h"
#include "screen.h"
#include "timetable.h"

enum { K_CLASS, K_TEACHER, K_ROOM, K_STUDENT, K_DATE, K__MAX };

static const struct key keys[K__MAX] = {
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_TEACHER] =	{ "teacher", v_id, 0 },
	[K_ROOM] =	{ "room", v_line, 0 },
	[K_STUDENT] =	{ "student", v_id, 0 },
	[K_DATE] =	{ "date", v_date, 0 },
};

#define OVERSEERS	(ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_INSPECTOR)
#define TEACHERS	(ROLE_TEACHER | ROLE_CLASS_TEACHER)

static int
week_get(struct req *r)
{
	char		 today[11], monday[11];
	const char	*date, *room = NULL;
	enum tt_view	 view = 0;
	enum obj_res	 ok;
	long long	 id = 0;
	unsigned	 roles = r->sess.roles;

	if (r->fields[K_CLASS].error || r->fields[K_TEACHER].error ||
	    r->fields[K_ROOM].error || r->fields[K_DATE].error ||
	    r->fields[K_STUDENT].error)
		return 400;
	tt_today(today);
	date = req_str(r, K_DATE) ? req_str(r, K_DATE) : today;
	if (tt_monday(date, monday) == -1)
		return 400;

	if (req_str(r, K_CLASS) != NULL) {
		id = r->fields[K_CLASS].num;
		if ((ok = obj_week_class(r, id)) != OBJ_OK)
			return (int)ok;
		if (db_class_get(r->hdf, "Class", id) != 1)
			return 500;
		view = TT_CLASS;
		req_set(r, "Week.title", arena_printf(&r->arena, "%s класс",
		    req_get(r, "Class.name", "")));
		req_setf(r, "Week.query", "class=%lld", id);
	} else if (req_str(r, K_STUDENT) != NULL) {
		/* One student's lessons: their subgroups, streams. */
		id = r->fields[K_STUDENT].num;
		if ((ok = obj_week_student(r, id)) != OBJ_OK)
			return (int)ok;
		view = TT_STUDENT;
		req_set(r, "Week.title", arena_printf(&r->arena, "%s (ученик)",
		    req_get(r, "Student.name", "")));
		req_setf(r, "Week.query", "student=%lld", id);
	} else if (req_str(r, K_ROOM) != NULL) {
		if (!(roles & (OVERSEERS | ROLE_TEACHER)))
			return 403;
		room = req_str(r, K_ROOM);
		view = TT_ROOM;
		req_set(r, "Week.title", arena_printf(&r->arena, "Кабинет %s",
		    room));
		req_set(r, "Week.room", room);
	} else if (req_str(r, K_TEACHER) != NULL ||
	    (roles & TEACHERS) != 0) {
		id = req_str(r, K_TEACHER) ? r->fields[K_TEACHER].num :
		    r->sess.person_id;
		if ((ok = obj_week_teacher(r, id)) != OBJ_OK)
			return (int)ok;
		if (db_tt_person_get(r->hdf, "Person", r->sess.school_id,
		    id) != 1)
			return 500;
		view = TT_TEACHER;
		req_set(r, "Week.title", req_get(r, "Person.name", ""));
		req_setf(r, "Week.query", "teacher=%lld", id);
		req_setf(r, "Week.teacher", "%lld", id);
	}

	/* The choosers: what this user may open. */
	if (db_classes_list(r->hdf, "Classes", r->sess.school_id,
	    r->sess.person_id) == -1)
		return 500;
	if (roles & (OVERSEERS | ROLE_TEACHER))
		req_set(r, "Page.AllClasses", "1");
	if (roles & OVERSEERS) {
		req_set(r, "Page.Teachers", "1");
		if (db_teachers_list(r->hdf, "Teachers",
		    r->sess.school_id) == -1)
			return 500;
	}
	if (roles & (OVERSEERS | ROLE_TEACHER)) {
		req_set(r, "Page.Rooms", "1");
		if (db_tt_rooms(r->hdf, "Rooms", r->sess.school_id,
		    monday) == -1)
			return 500;
	}
	req_set(r, "Form.date", date);
	req_setf(r, "Week.view", "%d", (int)view);
	if (view == 0)
		return 200;
	if (db_week_hdf(r, "Week", view, id, room, monday) == -1)
		return 500;
	return 200;
}

static const struct screen screen = {
	.name = "week",
	.methods = M_GET,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "week.cs",
	.get = week_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
