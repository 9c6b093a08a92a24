/*
 * import.h: bulk import of students (with their guardians) and staff from
 * a CSV file (issue 3, R16).  import_check() reads and checks the whole
 * file, touching nothing; import_commit() writes every row in the
 * request's transaction, and is only called when the check found no
 * error, so either all rows go in or none does.
 */
#ifndef JOURNAL_IMPORT_H
#define JOURNAL_IMPORT_H

#include <stddef.h>

#include "csvimport.h"

struct req;

enum import_kind {
	IMPORT_STUDENTS = 1,
	IMPORT_STAFF = 2
};

/* Rows after the header in one file. */
#define IMPORT_ROWS_MAX	20000

struct import_row {
	size_t		 line;		/* line of the file */
	const char	*last, *first, *middle;
	const char	*sex;		/* "m", "f" or NULL */
	const char	*birth;		/* YYYY-MM-DD or NULL */
	long long	 class_id;	/* students */
	const char	*class_name;	/* «5 А» */
	const char	*g_last, *g_first, *g_middle;	/* g_last NULL: none */
	const char	*g_kind;	/* parent, adoptive, guardian */
	const char	*g_sex;		/* from «мать»/«отец», else NULL */
	size_t		 g_same;	/* 1 + index of the row whose guardian
					 * this one shares, else 0 */
	long long	 g_id;		/* the guardian's person id, on commit */
	const char	*position;	/* staff */
	const char	*hired;		/* YYYY-MM-DD or NULL */
	char		*error;		/* «Строка N: ...; ...», NULL when fine */
};

struct import {
	struct csvimport_head	 h;	/* the file, its refusal, counts */
	enum import_kind	 kind;
	const char		**columns;	/* recognised header names */
	size_t			 ncolumns;
	const char		**ignored;	/* header names not used */
	size_t			 nignored;
	struct import_row	*rows;		/* h.nrows of them */
	size_t			 nguardians;	/* distinct guardians in the file */
};

/*
 * Read data[0..len) as a file of kind; on_date (YYYY-MM-DD) is the day
 * students join their class (their age is checked on it).  Fills im: a
 * fatal message, or the rows with their errors.  0, or -1 on a database
 * failure.
 */
int	import_check(struct req *, struct import *im, enum import_kind kind,
	    const char *data, size_t len, const char *on_date);

/*
 * Write the checked rows (im->nerrors must be 0 and fatal NULL): people,
 * class memberships from on_date with a movement of order_id each, their
 * guardians, or staff rows; one audit row per person and one for the
 * import.  0, or -1 (the caller rolls back).
 */
int	import_commit(struct req *, struct import *im, long long order_id,
	    const char *on_date);

/* «Фамилия Имя Отчество», without a trailing space when there is no
 * middle name. */
const char	*import_full_name(struct arena *, const char *last,
		    const char *first, const char *middle);

/*
 * A date as Russian spreadsheets write it: ДД.ММ.ГГГГ (also Д.М.ГГГГ and
 * a time Excel may add), or ГГГГ-ММ-ДД.  Returns YYYYMMDD; -1 when it is
 * not a date in these forms, -2 when the form is right but the day does
 * not exist (31.02.2015).
 */
long long	import_date(const char *s);
/* «м», «муж», «Мужской», «m» -> "m"; «ж», ... -> "f"; else NULL. */
const char	*import_sex(struct arena *, const char *s);
/* «мать», «отец» -> "parent", «опекун» -> "guardian", «усыновитель»
 * -> "adoptive"; "" -> "parent"; else NULL. */
const char	*import_guardian_kind(struct arena *, const char *s);
/*
 * «5А», «5 А», «5-А», «5 «а»», «5А класс» -> grade 5 and the folded
 * letter "а"; returns 0, or -1 when it is no class name.
 */
int	import_class_label(struct arena *, const char *s, int *grade,
	    const char **letter);

#endif
