/*
 * school.h: creating a school (the first step of a deployment).
 */
#ifndef JOURNAL_SCHOOL_H
#define JOURNAL_SCHOOL_H

/* Insert a school; *id gets it.  0 or -1. */
int	db_school_insert(const char *name, const char *short_name, long long *id);

#endif
