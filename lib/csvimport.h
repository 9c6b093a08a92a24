/*
 * csvimport.h: the one frame of the CSV imports (/import of people,
 * /ttimport of the timetable, /plan of a subject's plan).  Two steps:
 * "preview" reads the file and lists every row error, writing nothing;
 * the commit takes the same file again and writes all rows in the
 * request's one transaction, or nothing when any row is wrong (400).
 *
 * The file is not kept on the server between the steps: the preview
 * shows its SHA-256 and the commit form asks for the file once more with
 * that checksum in a hidden field, so what goes in is exactly what was
 * previewed, with no table of pending uploads to clean up.  (A hidden
 * copy of the text would not do: limits.value_max is 64 KiB.)
 *
 * Each import keeps its own columns, rows and checks; this frame has the
 * steps, the checksum, the file-level messages and the preview's common
 * part, so that the three say the same thing in the same words.
 */
#ifndef JOURNAL_CSVIMPORT_H
#define JOURNAL_CSVIMPORT_H

#include <stddef.h>

#include "csv.h"

struct arena;
struct field;
struct req;

/* What every import's check says of the file as a whole. */
struct csvimport_head {
	struct csv	 csv;		/* the file as read: encoding, separator */
	const char	*fatal;		/* the file refused as a whole, or NULL */
	size_t		 nrows;		/* rows after the header */
	size_t		 nerrors;	/* rows (or messages) with an error */
	char		**warnings;	/* «Строка N: ...» worth a look */
	size_t		 nwarnings;
};

/* The step of an import's POST and the file's checksum. */
struct csvimport_step {
	int	 commit;	/* 0: preview */
	char	 checksum[65];	/* SHA-256 of the file, hex */
};

enum csvimport_begin_res {
	CSVI_OK,		/* *step filled */
	CSVI_BAD_ACTION,	/* neither preview nor commit_action: 400 */
	CSVI_REFUSED		/* *msg for the field "file": the form again */
};

/*
 * The action ("preview" or commit_action), the file and, for a commit,
 * the checksum of the previewed file (checksum: the hidden field, or
 * NULL when not sent).
 */
enum csvimport_begin_res csvimport_begin(const char *action,
	    const char *commit_action, const struct field *file,
	    const char *checksum, struct csvimport_step *step,
	    const char **msg);

/*
 * What a csv_parse() that did not return CSV_OK means for the user, or
 * NULL for CSV_OK.  header: the columns the first line must name (e.g.
 * "«№; Тема; Часы»"), rows: what each row below is ("по человеку"),
 * max and what: the limit ("строк", "тем") and why it is one (may be
 * NULL, e.g. "разделите его на части").
 */
const char	*csvimport_fatal(struct arena *, enum csv_res, size_t line,
		    const char *header, const char *rows, size_t max,
		    const char *what, const char *why);

/* The messages of rows with an error (each row's error at error_off),
 * in the rows' order: as many as the check's h.nerrors. */
const char	**csvimport_row_errors(struct arena *, const void *rows,
		    size_t nrows, size_t row_size, size_t error_off);

/*
 * Preview.{Show,checksum,fatal,total,nerrors,encoding,sep,Errors.N,
 * Warnings.N,more} and, after a refused commit, Preview.refused; errors
 * are the h->nerrors messages, shown the rows the screen lists.  The
 * screen adds its rows (Preview.Rows.N) and its own counts.  Returns
 * whether the step may write: a commit of a file with no fatal error
 * and no row error.
 */
int	csvimport_preview(struct req *, const struct csvimport_step *,
	    const struct csvimport_head *h, const char *const *errors,
	    size_t shown);

#endif
