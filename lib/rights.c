/*
 * rights.c: defaults from the access table, then the rules that came with
 * the session.  Rules are few ("role:mode" pairs for this screen), parsed
 * on each decision.
 */
#include <string.h>

#include "screen.h"
#include "rights.h"
#include "roles.h"

enum mode { MODE_NONE, MODE_READ, MODE_WRITE, MODE_DENY };

struct rules {
	unsigned	 deny;		/* role bits closed by a rule */
	unsigned	 read;		/* role bits opened for reading */
	unsigned	 write;		/* role bits opened for writing */
	enum mode	 account;	/* the strongest rule on the account */
};

static enum mode
mode_of(const char *m, size_t n)
{
	if (n == 4 && memcmp(m, "read", 4) == 0)
		return MODE_READ;
	if (n == 5 && memcmp(m, "write", 5) == 0)
		return MODE_WRITE;
	if (n == 4 && memcmp(m, "deny", 4) == 0)
		return MODE_DENY;
	return MODE_NONE;
}

static void
parse(const char *s, struct rules *out)
{
	char		 code[33];
	const char	*colon, *end;
	enum mode	 m;
	unsigned	 bit;
	size_t		 n;

	memset(out, 0, sizeof(*out));
	for (; s != NULL && *s != '\0'; s = *end ? end + 1 : end) {
		if ((end = strchr(s, ',')) == NULL)
			end = s + strlen(s);
		if ((colon = memchr(s, ':', (size_t)(end - s))) == NULL)
			continue;
		m = mode_of(colon + 1, (size_t)(end - colon - 1));
		n = (size_t)(colon - s);
		if (n == 1 && *s == '@') {
			/* On the account: deny beats write beats read. */
			if (m > out->account)
				out->account = m;
			continue;
		}
		if (n >= sizeof(code))
			continue;
		memcpy(code, s, n);
		code[n] = '\0';
		bit = role_bit(code);
		if (m == MODE_DENY)
			out->deny |= bit;
		else if (m == MODE_WRITE)
			out->write |= bit;
		else if (m == MODE_READ)
			out->read |= bit;
	}
}

/* The decision, with or without the rules. */
static int
decide(const struct req *r, const struct access *a, int method, int rules)
{
	struct rules	 ru;
	unsigned	 roles = r->sess.roles, base, open;

	if (a->flags & (ACC_PUBLIC | ACC_ANYONE))
		return 1;
	base = (method == M_POST && a->wroles != 0) ? a->wroles : a->roles;
	if (!rules)
		return (roles & base) != 0;
	parse(r->sess.rules, &ru);
	if (ru.account == MODE_DENY)
		return 0;
	if (ru.account == MODE_WRITE ||
	    (ru.account == MODE_READ && method == M_GET))
		return 1;
	open = base | ru.write | (method == M_GET ? ru.read : 0);
	open &= ~ru.deny;
	if (method == M_POST)
		open &= ~(unsigned)ROLE_INSPECTOR;	/* read-only everywhere */
	return (roles & open) != 0;
}

int
rights_allow(const struct req *r, const struct access *a, int method)
{
	return decide(r, a, method, 1);
}

int
rights_granted(const struct req *r, int method)
{
	const struct access	*a = access_find(r->screen->name);

	return a != NULL && r->sess.rules != NULL &&
	    decide(r, a, method, 1) && !decide(r, a, method, 0);
}
