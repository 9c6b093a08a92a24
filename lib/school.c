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

DB_STMT(q_school_count,
    "SELECT COUNT(*), COALESCE(SUM(name = ? OR short_name = ?), 0)"
    " FROM school FOR UPDATE");

int
db_school_count(const char *name, const char *short_name, long long *all,
    long long *same)
{
	if (db_query(&q_school_count, "ss", name, short_name) == -1 ||
	    db_next(&q_school_count) != 1)
		return -1;
	*all = db_int(&q_school_count, 0);
	*same = db_int(&q_school_count, 1);
	db_done(&q_school_count);
	return 0;
}
