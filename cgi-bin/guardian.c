/*
 * guardian: add a legal representative to a student (R16, R37): a new
 * person, or a guardian already in the school (a parent of a sibling), so
 * that one guardian has several children and one login.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "classes.h"
#include "db.h"
#include "screen.h"
#include "objects.h"
#include "people.h"

enum { K_STUDENT, K_CLASS, K_EXISTING, K_LAST, K_FIRST, K_MIDDLE, K_SEX,
    K_KIND, K__MAX };

static const struct key keys[K__MAX] = {
	[K_STUDENT] =	{ "student", v_id, 0 },
	[K_CLASS] =	{ "class", v_id, 0 },
	[K_EXISTING] =	{ "existing", v_id, 0 },
	[K_LAST] =	{ "last_name", v_line, 0 },
	[K_FIRST] =	{ "first_name", v_line, 0 },
	[K_MIDDLE] =	{ "middle_name", v_line, 0 },
	[K_SEX] =	{ "sex", v_line, 0 },
	[K_KIND] =	{ "kind", v_line, 0 },
};

static int
page(struct req *r, long long student, long long class_id)
{
	if (db_person_get(r->hdf, "Student", r->sess.school_id, student) != 1 ||
	    db_class_get(r->hdf, "Class", class_id) != 1 ||
	    db_guardians_by_surname(r->hdf, "Candidates", r->sess.school_id,
	    req_get(r, "Student.last_name", "")) == -1)
		return 500;
	return 200;
}

/* Check the object from the query; 0 when fine, else the status. */
static int
target(struct req *r, long long *student, long long *class_id)
{
	enum obj_res	 ok;

	if (req_str(r, K_STUDENT) == NULL || req_str(r, K_CLASS) == NULL)
		return 400;
	*student = r->fields[K_STUDENT].num;
	*class_id = r->fields[K_CLASS].num;
	return (ok = obj_student_edit(r, *student, *class_id)) == OBJ_OK ? 0 :
	    (int)ok;
}

static int
guardian_get(struct req *r)
{
	long long	 student, class_id;
	int		 rc;

	if ((rc = target(r, &student, &class_id)) != 0)
		return rc;
	return page(r, student, class_id);
}

static int
refuse(struct req *r, long long student, long long class_id,
    const char *field, const char *msg)
{
	size_t	 k;
	int	 rc;

	req_field_error(r, field, msg);
	for (k = K_LAST; k < K__MAX; k++)
		if (req_str(r, k) != NULL)
			req_set(r, arena_printf(&r->arena, "Form.%s",
			    keys[k].name), req_str(r, k));
	return (rc = page(r, student, class_id)) == 200 ? SCREEN_FORM(400) : rc;
}

static int
guardian_post(struct req *r)
{
	const char	*kind, *sex, *last, *first, *middle;
	long long	 student, class_id, id;
	char		 what[64];
	int		 rc;

	if ((rc = target(r, &student, &class_id)) != 0)
		return rc;
	kind = req_str(r, K_KIND);
	if (kind == NULL || (strcmp(kind, "parent") != 0 &&
	    strcmp(kind, "adoptive") != 0 && strcmp(kind, "guardian") != 0))
		return refuse(r, student, class_id, "kind",
		    "Выберите, кем приходится ученику.");
	if (req_str(r, K_EXISTING) != NULL) {
		id = r->fields[K_EXISTING].num;
		if ((rc = db_guardian_check(r->sess.school_id, id)) == -1)
			return 500;
		if (rc == 0)
			return refuse(r, student, class_id, "existing",
			    "Такого представителя в школе нет.");
	} else {
		last = req_str(r, K_LAST);
		first = req_str(r, K_FIRST);
		middle = req_str(r, K_MIDDLE);
		sex = req_str(r, K_SEX);
		if (last == NULL || utf8_len(last) > 100)
			return refuse(r, student, class_id, "last_name",
			    "Укажите фамилию (до 100 символов).");
		if (first == NULL || utf8_len(first) > 100)
			return refuse(r, student, class_id, "first_name",
			    "Укажите имя (до 100 символов).");
		if (middle != NULL && utf8_len(middle) > 100)
			return refuse(r, student, class_id, "middle_name",
			    "Отчество: до 100 символов.");
		if (sex != NULL && strcmp(sex, "m") != 0 &&
		    strcmp(sex, "f") != 0)
			return refuse(r, student, class_id, "sex",
			    "Пол: мужской или женский.");
		if (db_person_insert(r->sess.school_id, last, first, middle,
		    sex, &id) == -1)
			return 500;
	}
	if ((rc = db_guardian_link(id, student, kind)) == DB_DUPLICATE)
		return refuse(r, student, class_id, "existing",
		    "Этот представитель уже указан у ученика.");
	if (rc == -1)
		return 500;
	snprintf(what, sizeof(what), "student %lld, %s", student, kind);
	if (audit_add(r, "guardian_add", "person", id, NULL, what) == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "/class?id=%lld",
	    class_id));
}

static const struct screen screen = {
	.name = "guardian",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "guardian.cs",
	.get = guardian_get,
	.post = guardian_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
