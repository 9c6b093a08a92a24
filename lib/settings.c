/*
 * settings.c: per-school settings, the school's row first, then the
 * application config's school_defaults.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "db.h"
#include "journal.h"
#include "log.h"
#include "settings.h"

DB_STMT(q_setting_get,
    "SELECT value FROM school_setting WHERE school_id = ? AND name = ?");
DB_STMT(q_settings_all,
    "SELECT name, value FROM school_setting WHERE school_id = ?");
DB_STMT(q_setting_put,
    "INSERT INTO school_setting (school_id, name, value) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value)");

/* buf as an integer into *out: 0, or -1 (logged) when it is not one. */
static int
parse_int(long long school_id, const char *name, const char *buf,
    long long *out)
{
	char		*end;
	long long	 n;

	errno = 0;
	n = strtoll(buf, &end, 10);
	if (buf[0] == '\0' || *end != '\0' || errno != 0) {
		log_msg("setting %s of school %lld is not an integer: \"%s\"",
		    name, school_id, buf);
		return -1;
	}
	*out = n;
	return 0;
}

int
setting_str(long long school_id, const char *name, char *buf, size_t size)
{
	const char	*v;
	char		 key[128];
	int		 rc;

	if (size > 0)
		buf[0] = '\0';
	if (db_query(&q_setting_get, "ls", school_id, name) == -1 ||
	    (rc = db_next(&q_setting_get)) == -1)
		return -1;
	if (rc == 1) {
		v = db_str(&q_setting_get, 0);
		snprintf(buf, size, "%s", v != NULL ? v : "");
		db_done(&q_setting_get);
		return 0;
	}
	snprintf(key, sizeof(key), "school_defaults.%s", name);
	if ((v = conf_str(key, NULL)) == NULL)
		return 1;
	snprintf(buf, size, "%s", v);
	return 0;
}

int
setting_int(long long school_id, const char *name, long long *out)
{
	char		 buf[64];
	int		 rc;

	if ((rc = setting_str(school_id, name, buf, sizeof(buf))) != 0)
		return rc;
	return parse_int(school_id, name, buf, out);
}

int
settings_ints(long long school_id, struct setting_int *v, size_t n)
{
	const char	*val;
	char		 key[128];
	unsigned char	*found;
	size_t		 i;
	int		 rc;

	if ((found = calloc(n + 1, 1)) == NULL)
		abort();
	if (db_query(&q_settings_all, "l", school_id) == -1) {
		free(found);
		return -1;
	}
	while ((rc = db_next(&q_settings_all)) == 1)
		for (i = 0; i < n; i++)
			if (strcmp(db_str(&q_settings_all, 0), v[i].name) == 0) {
				found[i] = 1;
				val = db_str(&q_settings_all, 1);
				(void)parse_int(school_id, v[i].name,
				    val != NULL ? val : "", &v[i].value);
			}
	for (i = 0; rc == 0 && i < n; i++) {
		if (found[i])
			continue;
		snprintf(key, sizeof(key), "school_defaults.%s", v[i].name);
		if ((val = conf_str(key, NULL)) != NULL)
			(void)parse_int(school_id, v[i].name, val,
			    &v[i].value);
	}
	free(found);
	return rc == 0 ? 0 : -1;
}

int
setting_set(struct req *r, const char *name, const char *value)
{
	char	 old[256];
	int	 rc;

	if ((rc = setting_str(r->sess.school_id, name, old, sizeof(old))) == -1)
		return -1;
	if (db_exec(&q_setting_put, "lss", r->sess.school_id, name,
	    value) < 0)
		return -1;
	return audit_add(r, "setting", "school", r->sess.school_id,
	    rc == 1 ? NULL : arena_printf(&r->arena, "%s = %s", name, old),
	    arena_printf(&r->arena, "%s = %s", name, value));
}
