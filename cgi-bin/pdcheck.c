/*
 * pdcheck: the class teacher's quarterly check of personal data (R17):
 * the students of a class whose data nobody confirmed this quarter, each
 * with a button to confirm and a link to the file to correct it.  The
 * administration chooses a class and watches; confirming is the class
 * teacher's (and the administrator's) act.
 */
#include <stdio.h>

#include "classes.h"
#include "screen.h"
#include "objects.h"
#include "people.h"
#include "personal.h"

enum { K_CLASS, K_STUDENT, K__MAX };

static const struct key keys[K__MAX] = {
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_STUDENT] =	{ "student", v_id, 0 },
};

static int
page(struct req *r, long long class_id)
{
	enum obj_res	 ok;

	if (db_class_get(r->hdf, "Class", class_id) != 1 ||
	    db_pd_since(r->hdf, "Since", class_id) != 1 ||
	    db_pd_unconfirmed(r->hdf, "Students", class_id,
	    req_get(r, "Since.since", "")) == -1)
		return 500;
	/* The button for those who may confirm: the POST checks again. */
	if ((ok = obj_class_issue(r, class_id)) == OBJ_ERROR)
		return 500;
	if ((r->sess.roles & ROLE_ADMIN) ||
	    (ok == OBJ_OK && (r->sess.roles & ROLE_CLASS_TEACHER)))
		req_set(r, "Page.CanConfirm", "1");
	req_setf(r, "Page.Title", "Проверка персональных данных: %s класс",
	    req_get(r, "Class.name", ""));
	return 200;
}

static int
pdcheck_get(struct req *r)
{
	enum obj_res	 ok;
	long long	 class_id;
	int		 n;

	if (r->fields[K_CLASS].error != NULL)
		return 400;
	if (req_str(r, K_CLASS) != NULL) {
		class_id = r->fields[K_CLASS].num;
		if ((ok = obj_class_view(r, class_id)) != OBJ_OK)
			return (int)ok;
		return page(r, class_id);
	}
	/* No class named: the administration chooses; a class teacher
	 * goes straight to their class when they lead one. */
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT)) {
		if (db_classes_list(r->hdf, "Classes", r->sess.school_id,
		    r->sess.person_id) == -1)
			return 500;
		return 200;
	}
	if ((n = db_classes_list_by_teacher(r->hdf, "Classes",
	    r->sess.person_id)) == -1)
		return 500;
	if (n == 1)
		return req_redirect(r, arena_printf(&r->arena,
		    "/pdcheck?class=%s", req_get(r, "Classes.0.id", "")));
	return 200;
}

static int
pdcheck_post(struct req *r)
{
	struct pf_access a;
	enum obj_res	 ok;
	long long	 class_id, student;

	if (req_str(r, K_CLASS) == NULL || req_str(r, K_STUDENT) == NULL)
		return 400;
	class_id = r->fields[K_CLASS].num;
	student = r->fields[K_STUDENT].num;
	if ((ok = obj_class_view(r, class_id)) != OBJ_OK)
		return (int)ok;
	if ((ok = obj_person_view(r, student, class_id, &a)) != OBJ_OK)
		return (int)ok;
	if (!a.confirm || !(a.kind & PK_CURRENT))
		return 403;
	if (pd_check_add(r, student, "confirmed") == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "/pdcheck?class=%lld",
	    class_id));
}

static const struct screen screen = {
	.name = "pdcheck",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "pdcheck.cs",
	.get = pdcheck_get,
	.post = pdcheck_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
