/*
 * ttimport.h: import of the weekly timetable from a CSV file as timetable
 * tools export it (R15): class; weekday; lesson number; subject; teacher;
 * room, and an optional group (a subgroup's name).  The class column may
 * also name a group (a stream, an individual group).  UTF-8 or
 * Windows-1251, «;» or «,», a header row (lib/csv.c).
 *
 * The file is the timetable of its classes from a date to the end of the
 * year: their rows valid then end the day before (or go, when they start
 * later), and the file's rows are added.  tti_check() reads and checks
 * everything, touching nothing: unknown class, subject, teacher, group,
 * a bad weekday or number, conflicts inside the file and with the rows
 * that stay (other classes, streams not in the file); a teacher with no
 * load for the subject in the class is a warning.  tti_commit() writes all
 * rows in the request's transaction and is called only when the check
 * found no error: all rows or none.
 */
#ifndef JOURNAL_TTIMPORT_H
#define JOURNAL_TTIMPORT_H

#include <stddef.h>

#include "csvimport.h"

struct req;

#define TTI_ROWS_MAX	5000

struct tti_row {
	size_t		 line;
	const char	*class_name;	/* as written */
	long long	 class_id;	/* 0: a stream */
	long long	 group_id;
	const char	*group;		/* its name */
	const char	*kind;		/* its kind */
	long long	 subject_id;
	const char	*subject;
	long long	 teacher_id;
	const char	*teacher;
	int		 weekday, number;
	const char	*room;
	char		*error;		/* «Строка N: ...», NULL when fine */
};

struct tti {
	struct csvimport_head h;	/* the file, its refusal, counts */
	struct tti_row	*rows;		/* h.nrows of them */
	size_t		 nclasses;	/* classes whose timetable is replaced */
	long long	 year_id;
	const char	*from, *to;
	long long	*classes;	/* their ids */
	long long	*streams;	/* stream groups named in the file */
	size_t		 nstreams;
};

/* Check the file for the timetable from date from.  0, or -1. */
int	tti_check(struct req *, struct tti *, const char *data, size_t len,
	    const char *from);
/* Replace and insert; one audit row.  The rows replaced in *ended.
 * 0, or -1 (the caller rolls back). */
int	tti_commit(struct req *, struct tti *, long long *ended);

#endif
