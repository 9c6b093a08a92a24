/*
 * delivery: a guardian chooses how the diary's news reach them (R36, R41):
 * the web diary only, an e-mail digest daily or weekly, or a weekly paper
 * statement from the school.  Always their own choice: the guardian is the
 * logged-in person, never a parameter.
 */
#include <string.h>

#include "delivery.h"
#include "screen.h"

enum { K_MODE, K_EMAIL, K_SAVED, K__MAX };

static const struct key keys[K__MAX] = {
	[K_MODE] =	{ "mode", v_line, 0 },
	[K_EMAIL] =	{ "email", v_line, 0 },
	[K_SAVED] =	{ "saved", v_flag, 0 },
};

static int
delivery_get(struct req *r)
{
	if (db_delivery_get(r->hdf, "Delivery", r->sess.person_id) == -1)
		return 500;
	if (req_get(r, "Delivery.mode", NULL) == NULL)
		req_set(r, "Delivery.mode", "web");
	if (req_str(r, K_SAVED) != NULL && r->fields[K_SAVED].num == 1)
		req_set(r, "Page.Saved", "1");
	return 200;
}

static int
delivery_post(struct req *r)
{
	const char	*mode = req_str(r, K_MODE), *email = req_str(r, K_EMAIL);
	const char	*err;

	if (!delivery_mode_valid(mode))
		req_field_error(r, "mode", "Выберите, как получать новости "
		    "дневника.");
	else if (strncmp(mode, "email", 5) == 0) {
		if (email == NULL)
			req_field_error(r, "email", "Для рассылки по почте "
			    "укажите адрес электронной почты.");
		else if ((err = email_check(email)) != NULL)
			req_field_error(r, "email", err);
	} else
		email = NULL;	/* no address is kept that is not used */
	if (r->fields[K_EMAIL].error != NULL)
		req_field_error(r, "email", r->fields[K_EMAIL].error);
	if (req_has_errors(r)) {
		req_set(r, "Delivery.mode", mode != NULL ? mode : "");
		req_set(r, "Delivery.email", req_str(r, K_EMAIL) != NULL ?
		    req_str(r, K_EMAIL) : "");
		return SCREEN_FORM(400);
	}
	if (delivery_set(r, r->sess.person_id, mode, email) == -1)
		return 500;
	return req_redirect(r, "/delivery?saved=1");
}

static const struct screen screen = {
	.name = "delivery",
	.methods = M_GET | M_POST,
	.keys = keys,
	.nkeys = K__MAX,
	.template = "delivery.cs",
	.get = delivery_get,
	.post = delivery_post,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
