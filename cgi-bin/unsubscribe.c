/*
 * unsubscribe: the link at the foot of every digest (R36).  It works
 * without logging in: the link carries the guardian's id and a token
 * signed by the application (lib/delivery.c), so nobody can unsubscribe
 * another family by changing the number.  GET shows a button, POST does
 * it (a mail scanner that follows links must not unsubscribe anyone).
 * The choice falls back to the web diary only.
 *
 * The same POST is the one-click unsubscribe of RFC 8058: the digest's
 * List-Unsubscribe header names this URL with g and t, and a mail
 * provider's "Unsubscribe" button POSTs "List-Unsubscribe=One-Click" to
 * it from its own servers: no cookie, no session, no CSRF token (the RFC
 * forbids the provider to send any).  So this screen is public (lib/
 * roles.c) and takes no CSRF token: the signed token in the link is what
 * authorises, and a forged or foreign one changes nothing (400).  The
 * provider gets 200 with the page, not a redirect it may not follow.
 */
#include <string.h>

#include "delivery.h"
#include "screen.h"

enum { K_GUARDIAN, K_TOKEN, K_DONE, K_ONECLICK, K__MAX };

static const struct key keys[K__MAX] = {
	[K_GUARDIAN] =	{ "g", v_id, 0 },
	[K_TOKEN] =	{ "t", v_token, 0 },
	[K_DONE] =	{ "done", v_flag, 0 },
	[K_ONECLICK] =	{ "List-Unsubscribe", v_line, 0 },
};

/* 1: a valid link, 0: none or a broken one (the page says so), -1. */
static int
link_ok(struct req *r)
{
	int	 ok;

	if (req_str(r, K_GUARDIAN) == NULL || req_str(r, K_TOKEN) == NULL)
		return 0;
	if ((ok = delivery_token_ok(r->fields[K_GUARDIAN].num,
	    req_str(r, K_TOKEN))) != 1)
		return ok;
	req_setf(r, "Link.g", "%lld", r->fields[K_GUARDIAN].num);
	req_set(r, "Link.t", req_str(r, K_TOKEN));
	return 1;
}

static int
unsubscribe_get(struct req *r)
{
	int	 ok;

	if (req_str(r, K_GUARDIAN) == NULL && req_str(r, K_TOKEN) == NULL)
		return 200;	/* no link: the page explains the two ways */
	if ((ok = link_ok(r)) == -1)
		return 500;
	if (ok == 0) {
		req_set(r, "Page.BadLink", "1");
		return SCREEN_FORM(400);
	}
	if (req_str(r, K_DONE) != NULL && r->fields[K_DONE].num == 1)
		req_set(r, "Page.Done", "1");
	return 200;
}

static int
unsubscribe_post(struct req *r)
{
	int	 ok;

	if ((ok = link_ok(r)) == -1)
		return 500;
	if (ok == 0) {
		req_set(r, "Page.BadLink", "1");
		return SCREEN_FORM(400);
	}
	/* The audit row names no account: the signed link did it. */
	if (delivery_set(r, r->fields[K_GUARDIAN].num, "web", NULL) == -1)
		return 500;
	if (req_str(r, K_ONECLICK) != NULL &&
	    strcmp(req_str(r, K_ONECLICK), "One-Click") == 0) {
		req_set(r, "Page.Done", "1");
		return 200;
	}
	return req_redirect(r, arena_printf(&r->arena,
	    "/unsubscribe?g=%lld&t=%s&done=1", r->fields[K_GUARDIAN].num,
	    req_str(r, K_TOKEN)));
}

static const struct screen screen = {
	.name = "unsubscribe",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "unsubscribe.cs",
	.get = unsubscribe_get,
	.post = unsubscribe_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
