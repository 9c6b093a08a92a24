/*
 * csv.h: a CSV reader for the files Russian schools export from Excel
 * (RFC 4180 plus what Excel does): quoted fields with "" escapes, CRLF or
 * LF, a UTF-8 byte order mark, «;» or «,» between fields, UTF-8 or
 * Windows-1251.  Pure: no I/O, no globals; everything it returns lives in
 * the caller's arena.  Unit tested in t/unit/test_csv.c.
 */
#ifndef JOURNAL_CSV_H
#define JOURNAL_CSV_H

#include <stddef.h>

struct arena;

struct csv_row {
	char	**f;		/* fields, NUL-terminated UTF-8, as written */
	size_t	  n;
	size_t	  line;		/* line of the file the record starts on */
};

struct csv {
	struct csv_row	*rows;	/* rows[0] is the header */
	size_t		 nrows;
	char		 sep;	/* ';' or ',' */
	int		 cp1251;	/* 1: converted from Windows-1251 */
	const char	*text;	/* the whole file as UTF-8, without a BOM */
	size_t		 len;
};

enum csv_res {
	CSV_OK = 0,
	CSV_EMPTY,		/* no header line */
	CSV_ENCODING,		/* neither UTF-8 nor Windows-1251 (NUL bytes:
				 * UTF-16, a .xlsx saved under .csv) */
	CSV_QUOTE,		/* a quoted field never closed: *line says where */
	CSV_TOO_MANY		/* more than max_rows records after the header */
};

/*
 * Decide whether one header field is a column the caller knows; used to
 * pick the separator.  arg is passed through.
 */
typedef int (*csv_known)(struct arena *, const char *field, void *arg);

/*
 * Parse data[0..len).  Valid UTF-8 is taken as it is, anything else is
 * converted from Windows-1251.  The separator is the one of ';' and ','
 * that splits the first line into more known columns (known may be NULL:
 * then more fields), ';' on a tie, as Russian Excel writes it.  Records
 * whose fields are all empty (";;;" rows Excel leaves) are skipped.
 * *line gets the line of a CSV_QUOTE.
 */
enum csv_res	csv_parse(struct arena *, const char *data, size_t len,
		    size_t max_rows, csv_known known, void *arg,
		    struct csv *out, size_t *line);

/*
 * Windows-1251 bytes as UTF-8 (iconv), NUL-terminated in the arena; NULL
 * when a byte has no character (0x98) or on NUL.
 */
char	*csv_cp1251_to_utf8(struct arena *, const char *s, size_t len,
	    size_t *outlen);

/*
 * A header or a value folded for matching: trimmed, inner runs of blanks
 * as one space, Latin and Cyrillic lowercase, «ё» as «е», trailing «.»,
 * «:» and «*» dropped.  "  Дата  приёма:" -> "дата приема".
 */
char	*csv_fold(struct arena *, const char *s);

/* How an import's preview names what was detected, in Russian. */
const char	*csv_encoding_name(int cp1251);
const char	*csv_sep_name(char sep);

#endif
