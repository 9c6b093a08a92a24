#include <stddef.h>

#include "db.h"
#include "school.h"

DB_STMT(q_school_insert,
    "INSERT INTO school (name, short_name) VALUES (?, ?)");

int
db_school_insert(const char *name, const char *short_name, long long *id)
{
	if (db_exec(&q_school_insert, "ss", name, short_name) != 1)
		return -1;
	*id = (long long)db_last_id();
	return 0;
}
