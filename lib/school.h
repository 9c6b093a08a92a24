/*
 * school.h: creating a school (the first step of a deployment).
 */
#ifndef JOURNAL_SCHOOL_H
#define JOURNAL_SCHOOL_H

/* Insert a school; *id gets it.  0 or -1. */
int	db_school_insert(const char *name, const char *short_name, long long *id);

/*
 * How many schools there are (*all) and how many of them have this full
 * or short name (*same), read with a lock (FOR UPDATE) inside the caller's
 * transaction: a second journal-new-school run at the same moment waits
 * for the first to commit and then counts its school.  0 or -1.
 */
int	db_school_count(const char *name, const char *short_name,
	    long long *all, long long *same);

#endif
