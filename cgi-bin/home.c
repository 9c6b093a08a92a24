/*
 * home: the landing page after login, one section per role the user
 * holds: a parent sees their children, a student their class, a class
 * teacher their classes, the administration the school at a glance.
 */
#include "journal.h"
#include "people.h"

static int
home_get(struct req *r)
{
	const struct session	*s = &r->sess;

	if ((s->roles & ROLE_PARENT) && db_children_list_by_guardian(r->hdf,
	    "Children", s->person_id) == -1)
		return 500;
	if ((s->roles & ROLE_STUDENT) && db_class_get_by_student(r->hdf,
	    "MyClass", s->person_id) == -1)
		return 500;
	if ((s->roles & ROLE_CLASS_TEACHER) && db_classes_list_by_teacher(
	    r->hdf, "LedClasses", s->person_id) == -1)
		return 500;
	if ((s->roles & (ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_INSPECTOR |
	    ROLE_SECRETARY)) && db_school_counts(r->hdf, "Counts",
	    s->school_id) == -1)
		return 500;
	return 200;
}

static const struct screen screen = {
	.name = "home",
	.methods = M_GET,
	.template = "home.cs",
	.get = home_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
