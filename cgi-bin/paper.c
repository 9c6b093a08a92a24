/*
 * paper: the families who get weekly paper statements (000:II.3.8): those
 * without consent to personal data processing (R6), who have no diary
 * login, and those who chose paper (R41).  The list tells the class
 * teachers whom to print for and whom to ask again.
 */
#include "consent.h"
#include "delivery.h"
#include "screen.h"

static int
paper_get(struct req *r)
{
	long long	 teacher = 0;
	int		 n;

	/* A class teacher without a school-wide role sees their classes. */
	if (!(r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_SECRETARY)))
		teacher = r->sess.person_id;
	if ((n = db_families_without_consent(r->hdf, "Families",
	    r->sess.school_id, teacher)) == -1)
		return 500;
	req_setf(r, "Page.Count", "%d", n);
	if ((n = db_families_paper(r->hdf, "Chosen", r->sess.school_id,
	    teacher)) == -1)
		return 500;
	req_setf(r, "Page.Chosen", "%d", n);
	if (r->sess.roles & (ROLE_ADMIN | ROLE_MANAGEMENT | ROLE_CLASS_TEACHER))
		req_set(r, "Page.CanPrint", "1");	/* /statement decides */
	return 200;
}

static const struct screen screen = {
	.name = "paper",
	.methods = M_GET,
	.template = "paper.cs",
	.get = paper_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
