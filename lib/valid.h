/*
 * valid.h: validators for the keys a screen declares (kcgi style).
 * A validator is a pure function: it gets the raw, already UTF-8-checked
 * value and either accepts it, filling the parsed value, or returns a
 * Russian message for the user.  Length limits count characters.
 *
 * raw is writable and NUL-terminated (raw[rawlen] == '\0').  Validators
 * have no arena, so they trim in place: they advance raw past leading
 * blanks (space, tab, CR, LF), write a NUL after the last kept byte and
 * update rawlen, so raw/rawlen stay a consistent pair; v_login also
 * lowercases.  On success str points at that text.  v_password alone
 * leaves raw as it is.  Validators set only str and num (and may leave
 * them changed on failure); ok and error belong to the caller.
 */
#ifndef JOURNAL_VALID_H
#define JOURNAL_VALID_H

#include <stddef.h>

struct field {
	char		*raw;	/* writable copy as received, trimmed (NULL: not sent) */
	size_t		 rawlen;
	const char	*str;	/* accepted value, trimmed of surrounding spaces */
	long long	 num;	/* accepted integer value (v_id, v_int, v_date) */
	int		 ok;	/* 1: sent and accepted */
	const char	*error;	/* Russian message when sent and refused */
};

/* Returns NULL when accepted (filling f->str / f->num), else a message. */
typedef const char *(*validator)(struct field *f);

const char	*v_text(struct field *);	/* 1..1000 chars, no control chars but \t\r\n */
const char	*v_line(struct field *);	/* 1..255 chars, one line, no control chars */
const char	*v_login(struct field *);	/* 3..64 of [a-z0-9._-], lowercased */
const char	*v_password(struct field *);	/* 1..128 chars, taken as is (not trimmed) */
const char	*v_id(struct field *);		/* decimal 1..4294967295 */
const char	*v_int(struct field *);		/* decimal, optional '-', fits in int32 */
const char	*v_date(struct field *);	/* YYYY-MM-DD, a real date; num = YYYYMMDD */
const char	*v_token(struct field *);	/* 1..128 of [A-Za-z0-9_-] (CSRF tokens) */
const char	*v_flag(struct field *);
const char	*v_letter(struct field *);	/* 1..4 Russian letters, capitalised */	/* "1"/"on" -> 1, "0"/"" -> 0 */

/* An e-mail address, loosely (one @, a dot in the domain, no blanks or
 * header characters): NULL if fine, else the Russian message. */
const char	*email_check(const char *);

#endif
