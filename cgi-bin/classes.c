/*
 * classes: the classes of the open year, with their class teachers and
 * sizes; the administration creates a class here (grade, letter, class
 * teacher).  Class names link to the roster where the user may open it.
 */
#include <stdio.h>

#include "audit.h"
#include "classes.h"
#include "db.h"
#include "screen.h"

enum { K_GRADE, K_LETTER, K_TEACHER, K__MAX };

static const struct key keys[K__MAX] = {
	[K_GRADE] =	{ "grade", v_int, 0 },
	[K_LETTER] =	{ "letter", v_letter, 0 },
	[K_TEACHER] =	{ "teacher", v_id, 0 },
};

static int
classes_get(struct req *r)
{
	if (db_classes_list(r->hdf, "Classes", r->sess.school_id,
	    r->sess.person_id) == -1)
		return 500;
	/* A class teacher without a school-wide role opens only their own. */
	if (r->sess.roles & ~(unsigned)(ROLE_CLASS_TEACHER | ROLE_TEACHER |
	    ROLE_STUDENT | ROLE_PARENT | ROLE_HR))
		req_set(r, "Page.AllClasses", "1");
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT)) {
		req_set(r, "Page.CanCreate", "1");
		if (db_teachers_list(r->hdf, "Teachers", r->sess.school_id) == -1)
			return 500;
	}
	return 200;
}

static int
refuse(struct req *r, const char *field, const char *msg)
{
	int	 rc;

	req_field_error(r, field, msg);
	if (req_str(r, K_GRADE) != NULL)
		req_set(r, "Form.grade", req_str(r, K_GRADE));
	if (req_str(r, K_LETTER) != NULL)
		req_set(r, "Form.letter", req_str(r, K_LETTER));
	if (req_str(r, K_TEACHER) != NULL)
		req_set(r, "Form.teacher", req_str(r, K_TEACHER));
	return (rc = classes_get(r)) == 200 ? SCREEN_FORM(400) : rc;
}

static int
classes_post(struct req *r)
{
	long long	 year, teacher = 0, id;
	int		 grade, rc;
	char		 what[64];

	if (req_str(r, K_GRADE) == NULL || r->fields[K_GRADE].num < 1 ||
	    r->fields[K_GRADE].num > 11)
		return refuse(r, "grade", "Параллель: число от 1 до 11.");
	grade = (int)r->fields[K_GRADE].num;
	if (r->fields[K_LETTER].error != NULL)
		return refuse(r, "letter", r->fields[K_LETTER].error);
	if (req_str(r, K_LETTER) == NULL)
		return refuse(r, "letter", "Укажите букву класса.");
	if (req_str(r, K_TEACHER) != NULL) {
		teacher = r->fields[K_TEACHER].num;
		if ((rc = db_teacher_check(r->sess.school_id, teacher)) == -1)
			return 500;
		if (rc == 0)
			return refuse(r, "teacher", "Классным руководителем "
			    "может быть работающий учитель этой школы.");
	}
	if ((year = db_year_open_get(r->sess.school_id)) == -1)
		return 500;
	if (year == 0)
		return refuse(r, "grade", "Нет открытого учебного года: "
		    "сначала откройте его в разделе «Учебные годы».");
	rc = db_class_insert(r->sess.school_id, year, grade,
	    req_str(r, K_LETTER), teacher, &id);
	if (rc == DB_DUPLICATE)
		return refuse(r, "letter", "Такой класс в этом учебном году "
		    "уже есть.");
	if (rc == -1)
		return 500;
	snprintf(what, sizeof(what), "%d %s, teacher %lld", grade,
	    req_str(r, K_LETTER), teacher);
	if (audit_add(r, "class_create", "class", id, NULL, what) == -1)
		return 500;
	return req_redirect(r, arena_printf(&r->arena, "/class?id=%lld", id));
}

static const struct screen screen = {
	.name = "classes",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "classes.cs",
	.get = classes_get,
	.post = classes_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
