/*
 * screen.h: what a screen sees.  A screen (cgi-bin/<name>.c) is a
 * declaration plus handlers:
 *
 *	static const struct key keys[] = {
 *		[K_LOGIN] = { "login", v_login, 0 },
 *	};
 *	static const struct screen screen = {
 *		.name = "login", .methods = M_GET | M_POST,
 *		.keys = keys, .nkeys = K__MAX, .template = "login.cs",
 *		.get = login_get, .post = login_post,
 *	};
 *	int main(int argc, char *argv[]) { return screen_main(&screen, argc, argv); }
 *
 * Who may open a screen (its roles, whether it is public, its menu title)
 * is declared in one table, lib/roles.c, checked before anything loads.
 * screen_main() runs the request loop: it parses and validates input,
 * loads the session, checks the role and (for POST) the CSRF token, opens
 * the transaction, calls the handler, commits or rolls back, renders, and
 * frees everything the request allocated.
 *
 * A handler returns an HTTP status: 200 renders the screen's template;
 * 303 redirects to r->location; SCREEN_FORM(4xx) renders the template
 * with that status (a form shown again with its error messages); any
 * other 4xx/5xx renders the Russian error page.  A POST is committed only
 * when the status is below 400, unless the handler set r->commit.
 */
#ifndef JOURNAL_SCREEN_H
#define JOURNAL_SCREEN_H

#include <stddef.h>

#include "parse.h"
#include "util.h"
#include "valid.h"

struct _hdf;

enum method {
	M_GET = 1,
	M_POST = 2
};

#define KEY_MULTI	0x01	/* may be given several times (see req_values) */
#define KEY_FILE	0x02	/* a multipart file part: not validated as text */

struct key {
	const char	*name;
	validator	 valid;
	unsigned	 flags;
};

/* Role bits; the codes in the role table are in lib/roles.c. */
enum role {
	ROLE_ADMIN		= 1u << 0,
	ROLE_MANAGEMENT		= 1u << 1,
	ROLE_TEACHER		= 1u << 2,
	ROLE_CLASS_TEACHER	= 1u << 3,
	ROLE_STUDENT		= 1u << 4,
	ROLE_PARENT		= 1u << 5,
	ROLE_SECRETARY		= 1u << 6,
	ROLE_MEDIC		= 1u << 7,
	ROLE_PSYCHOLOGIST	= 1u << 8,
	ROLE_HR			= 1u << 9,
	ROLE_INSPECTOR		= 1u << 10
};
#define ROLE__COUNT	11
#define ROLES_ALL	((1u << ROLE__COUNT) - 1)
#define ROLES_STAFF	(ROLES_ALL & ~(ROLE_STUDENT | ROLE_PARENT))

struct session {
	int		 valid;
	long long	 account_id;
	long long	 person_id;
	long long	 school_id;
	unsigned	 roles;
	char		 id_hash[32];
	char		 csrf[44];
	const char	*login;
	const char	*full_name;
	const char	*school_name;
	/* The account's password was printed (slips, new-school, the host's
	 * reset) and not yet changed: only /password and /logout open. */
	int		 must_change;
	/* The administrator's rules for this screen: "role:mode,..." with
	 * '@' for a rule on the account itself (see rights.h); or NULL. */
	const char	*rules;
};

struct screen;

struct req {
	struct arena		 arena;
	const struct screen	*screen;
	struct _hdf		*hdf;		/* the page's data */
	/* Input. */
	enum method		 method;
	const char		*ip;
	int			 https;
	struct kvlist		 params;	/* query string and body */
	struct kvlist		 cookies;
	struct field		*fields;	/* one per screen key */
	struct session		 sess;
	/*
	 * Where the programs and htdocs/ are served ("" or "/cgi-bin";
	 * "/static" or "/journal-static"), decided once per request by
	 * req_paths(): every link, form action, redirect and cookie path
	 * starts with base, so the journal runs under a provider's cgi-bin.
	 */
	const char		*base;
	const char		*static_url;
	/* Output. */
	const char		*location;	/* for 303 */
	const char		*template;	/* overrides screen->template */
	struct buf		 headers;	/* extra header lines */
	struct buf		 body;
	int			 commit;	/* commit even with a 4xx */
	/* I/O: a FastCGI request, or NULL for plain CGI. */
	void			*fcgi;
};

struct action;

struct screen {
	const char		*name;
	unsigned		 methods;
	const struct key	*keys;
	size_t			 nkeys;
	const char		*template;
	int			(*get)(struct req *);
	/* POST: either one handler, or the table of actions (struct
	 * action below) chosen by the key "action", ctx NULL. */
	int			(*post)(struct req *);
	const struct action	*actions;
	size_t			 nactions;
};

#define SCREEN_FORM(status)	((status) | 0x10000)

/*
 * The POST actions of a screen (the form's action=), declared as a table
 * next to their handlers instead of a chain of strcmp:
 *	static const struct action actions[] = {
 *		{ "add", add, 0 }, { "delete", delete, ROLE_ADMIN },
 *	};
 * roles 0: whoever may POST to the screen (lib/roles.c); else the user
 * must also hold one of these roles.  ctx is the screen's own (what its
 * POST found before the action: the object, the year...).
 */
/* An action's ctx its handler does not use (screens without a prelude). */
#define NOCTX	void *ctx __attribute__((unused))

struct action {
	const char	*name;
	int		(*run)(struct req *, void *ctx);
	unsigned	 roles;
};
/* Run the action called name: its status; 400 when name is NULL or not
 * in the table, 403 when the user lacks the action's roles. */
int		 screen_action(struct req *, const struct action *, size_t n,
		    const char *name, void *ctx);
#define ACTIONS(v)	(v), sizeof(v) / sizeof((v)[0])

int		 screen_main(const struct screen *, int argc, char *argv[]);

/* Request helpers (lib/request.c). */
const char	*req_env(const struct req *, const char *name);
const char	*req_cookie(const struct req *, const char *name);
/* The accepted value of key k, or NULL when not sent or refused. */
const char	*req_str(const struct req *, size_t k);
/*
 * All values of a KEY_MULTI key as ids (decimal, 1..2^32-1), in order,
 * in the request's arena; *n gets their count.  NULL when one is not an id.
 */
long long	*req_ids(struct req *, size_t k, size_t *n);
/*
 * The site's address as families type it: conf app.url, else the scheme
 * and Host of this request and the base ("https://journal.school.ru",
 * "http://host/cgi-bin", no slash); screens' paths follow it.
 */
const char	*req_site_url(struct req *);
/* A value of the page's data (HDF), or def. */
const char	*req_get(const struct req *, const char *key, const char *def);
/* All raw values of a KEY_MULTI key, in order; *n gets their count. */
const struct kv	**req_values(struct req *, size_t k, size_t *n);
/*
 * Add a Set-Cookie header: HttpOnly always, Secure under HTTPS.
 * max_age < 0 makes a session cookie; 0 deletes the cookie.
 */
void		 req_set_cookie(struct req *, const char *name,
		    const char *value, const char *path, const char *samesite,
		    long max_age);
/*
 * Set r->location and return 303.  A location starting with one "/" is a
 * path of the application ("/class?id=1") and gets r->base in front.
 */
int		 req_redirect(struct req *, const char *location);
/* Set an HDF value from a format (values are escaped at render time). */
void		 req_setf(struct req *, const char *key, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
void		 req_set(struct req *, const char *key, const char *value);
/* A per-field error shown next to the field: Errors.<key> = msg. */
void		 req_field_error(struct req *, const char *key,
		    const char *msg);
/* Whether req_field_error was called for this request. */
int		 req_has_errors(const struct req *);

#endif
