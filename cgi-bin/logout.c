/*
 * logout: GET asks for confirmation (a link must not end a session: that
 * would be a CSRF hole); POST ends the session server-side.
 */
#include "audit.h"
#include "screen.h"
#include "session.h"

static int
logout_get(struct req *r)
{
	(void)r;
	return 200;
}

static int
logout_post(struct req *r)
{
	long long	 id = r->sess.account_id;

	if (audit_add(r, "logout", "account", id, NULL, NULL) == -1 ||
	    session_end(r) == -1)
		return 500;
	return req_redirect(r, "/login");
}

static const struct screen screen = {
	.name = "logout",
	.methods = M_GET | M_POST,
	.template = "logout.cs",
	.get = logout_get,
	.post = logout_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
