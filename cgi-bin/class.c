/*
 * class: the roster of one class: students with their guardians, logins
 * and the state of each guardian's consent (R6, R7).
 */
#include <stdio.h>

#include "audit.h"
#include "classes.h"
#include "screen.h"
#include "objects.h"

enum { K_ID, K_TEACHER, K__MAX };

static const struct key keys[K__MAX] = {
	[K_ID] =	{ "id", v_id, 0 },
	[K_TEACHER] =	{ "teacher", v_id, 0 },
};

static int
class_get(struct req *r)
{
	long long	 id;
	enum obj_res	 ok;

	if (req_str(r, K_ID) == NULL)
		return 400;
	id = r->fields[K_ID].num;
	if ((ok = obj_class_view(r, id)) != OBJ_OK)
		return (int)ok;
	if (db_class_get(r->hdf, "Class", id) != 1 ||
	    db_roster_list(r->hdf, "Students", id) == -1)
		return 500;
	req_setf(r, "Page.Title", "%s класс", req_get(r, "Class.name", ""));
	/* Links only for what the user may do here (the screens check again). */
	if ((ok = obj_class_issue(r, id)) == OBJ_ERROR)
		return 500;
	if (ok == OBJ_OK)
		req_set(r, "Page.CanIssue", "1");
	if (ok == OBJ_OK || (r->sess.roles & ROLE_SECRETARY)) {
		req_set(r, "Page.CanRecordConsent", "1");
		req_set(r, "Page.CanAddGuardian", "1");
	}
	else if (r->sess.roles & (ROLE_MANAGEMENT | ROLE_INSPECTOR))
		req_set(r, "Page.CanViewConsent", "1");
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_SECRETARY |
	    ROLE_CLASS_TEACHER | ROLE_MEDIC | ROLE_PSYCHOLOGIST))
		req_set(r, "Page.CanOpenPerson", "1");	/* /person decides */
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_INSPECTOR |
	    ROLE_CLASS_TEACHER))
		req_set(r, "Page.CanOpenMarks", "1");	/* /marks decides */
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT)) {
		req_set(r, "Page.CanEdit", "1");
		if (db_teachers_list(r->hdf, "Teachers", r->sess.school_id) == -1)
			return 500;
	}
	return 200;
}

/* The administration appoints the class teacher (or nobody). */
static int
class_post(struct req *r)
{
	long long	 id, teacher = 0;
	enum obj_res	 ok;
	char		 what[32];
	int		 rc;

	if (req_str(r, K_ID) == NULL)
		return 400;
	id = r->fields[K_ID].num;
	if ((ok = obj_class_view(r, id)) != OBJ_OK)
		return (int)ok;
	if (r->fields[K_TEACHER].error != NULL)
		return 400;
	if (req_str(r, K_TEACHER) != NULL) {
		teacher = r->fields[K_TEACHER].num;
		if ((rc = db_teacher_check(r->sess.school_id, teacher)) == -1)
			return 500;
		if (rc == 0) {
			req_field_error(r, "teacher", "Классным руководителем "
			    "может быть работающий учитель этой школы.");
			return (rc = class_get(r)) == 200 ? SCREEN_FORM(400) : rc;
		}
	}
	snprintf(what, sizeof(what), "teacher %lld", teacher);
	if (db_class_get(r->hdf, "Old", id) != 1 ||
	    db_class_teacher_set(id, teacher) == -1 ||
	    audit_add(r, "class_teacher_set", "class", id,
	    req_get(r, "Old.teacher", ""), what) == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "/class?id=%lld", id));
}

static const struct screen screen = {
	.name = "class",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "class.cs",
	.get = class_get,
	.post = class_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
