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
DB_STMT(q_setting_put,
    "INSERT INTO school_setting (school_id, name, value) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE value = VALUES(value)");

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
	char		 buf[64], *end;
	long long	 n;
	int		 rc;

	if ((rc = setting_str(school_id, name, buf, sizeof(buf))) != 0)
		return rc;
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
