/*
 * classes: the classes of the open year, with their class teachers and
 * sizes.  Class names link to the roster where the user may open it.
 */
#include "classes.h"
#include "journal.h"

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
	return 200;
}

static const struct screen screen = {
	.name = "classes",
	.methods = M_GET,
	.template = "classes.cs",
	.get = classes_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
