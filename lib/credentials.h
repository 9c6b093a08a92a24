/*
 * credentials.h: logins and first passwords for people (R3, R4).
 * Logins are the transliterated surname and initials (the practical
 * "passport" style schools know: ж zh, х kh, ц ts, щ shch; not ГОСТ 7.79
 * system B), lowercase ASCII: «Иванов Пётр Сергеевич» -> ivanov.ps;
 * on a clash a number is appended: ivanov.ps2, ivanov.ps3, ...
 * Passwords are 12 readable characters (no 0/O/1/l/I), from libsodium's
 * random generator, e.g. «Muvi47Basu29».
 */
#ifndef JOURNAL_CREDENTIALS_H
#define JOURNAL_CREDENTIALS_H

#include <stddef.h>

/*
 * Transliterate UTF-8 Russian text to lowercase ASCII letters: ж->zh,
 * х->kh, ц->ts, ч->ch, ш->sh, щ->shch, ю->yu, я->ya, ё->e, й->y, ы->y,
 * ъ and ь dropped; Latin letters and digits kept (lowercased); anything
 * else dropped.  Writes at most outsz-1 bytes and a NUL; returns the length.
 */
size_t	translit(const char *in, char *out, size_t outsz);

/*
 * The base login of a person: translit(last name) "." first letters of
 * translit(first name) and translit(middle name); hyphens in a double
 * surname kept ("rimskaya-korsakova.na").  Falls back to "user" when the
 * name has no letter that transliterates.  out needs 65 bytes.
 */
void	login_base(const char *last, const char *first, const char *middle,
	    char out[65]);

/* The n-th candidate: n = 1 -> base, n = 2 -> base "2", ... (fits 64). */
void	login_candidate(const char *base, int n, char out[65]);

/* A fresh readable 12-character password (plus NUL). */
void	password_generate(char out[13]);

#endif
