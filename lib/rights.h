/*
 * rights.h: the one access decision (R2): the access table's defaults
 * (lib/roles.c), widened or narrowed by the administrator's rules for a
 * role or an account (table access_rule), which may expire.  The rules of
 * the screen being opened come with the session (session.c), so deciding
 * costs no query.
 *
 * Per role the user holds: a "deny" rule closes the screen to that role;
 * a "read" rule opens it; a "write" rule opens it for changes too.  A rule
 * for the account itself overrides the role rules: deny closes, read and
 * write open.  The inspector role never writes, whatever the rules say.
 */
#ifndef JOURNAL_RIGHTS_H
#define JOURNAL_RIGHTS_H

struct access;
struct req;

/* Whether the user may use the screen with this method (M_GET, M_POST). */
int	rights_allow(const struct req *, const struct access *, int method);
/*
 * Whether the screen is open to the user through a rule rather than a
 * default role: object checks then treat the user like the screen's
 * school-wide roles (a temporary inspector sees every class).
 */
int	rights_granted(const struct req *, int method);

#endif
