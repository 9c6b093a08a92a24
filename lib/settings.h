/*
 * settings.h: per-school rules (design.md, "School rules as settings").
 * A school's own value is a row of school_setting; without one, the
 * default is school_defaults.<name> of the application config.  Values are
 * text; the readers here parse them.
 */
#ifndef JOURNAL_SETTINGS_H
#define JOURNAL_SETTINGS_H

#include <stddef.h>

struct req;

/*
 * The value of setting name for the school into buf (truncated to size):
 * 0 found (the school's row, else the config's default), 1 set nowhere
 * (buf is ""), -1 database failure.
 */
int	setting_str(long long school_id, const char *name, char *buf,
	    size_t size);
/*
 * The same as an integer: 0 with *out set; 1 set nowhere (*out is left
 * alone, so it may hold the caller's default); -1 database failure or a
 * value that is not an integer (logged: a broken rule must not be
 * guessed).
 */
int	setting_int(long long school_id, const char *name, long long *out);
/* One integer setting wanted by settings_ints. */
struct setting_int {
	const char	*name;
	long long	 value;		/* in: the default; out: in force */
};
/*
 * Several integer settings in one query: each value becomes the school's
 * own, else the config's default, else stays as given.  A value that is
 * not an integer is logged and the given default kept (as the rules'
 * readers do).  0, or -1 on a database failure.
 */
int	settings_ints(long long school_id, struct setting_int *, size_t n);
/*
 * Give the user's school its own value, with an audit row 'setting'
 * (object: the school) old → new, where old is the value in force before
 * (the school's, else the default).  0, or -1 on failure.
 */
int	setting_set(struct req *, const char *name, const char *value);

#endif
