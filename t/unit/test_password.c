/* Table tests of the new-password rules (lib/password.c). */
#include <stddef.h>

#include "password.h"
#include "tap.h"

static const struct {
	const char	*login;
	const char	*pw;
	const char	*refusal;	/* a word the message must contain, or NULL */
} cases[] = {
	{ "ivanov.ps", "short", "не короче 12" },
	{ "ivanov.ps", "elevenchars", "не короче 12" },
	{ "ivanov.ps", "кот и пёс", "не короче 12" },	/* 9 chars, 16 bytes */
	{ "ivanov.ps", "twelve chars", NULL },
	{ "ivanov.ps", "мама мыла рамы", NULL },	/* Cyrillic counts by character */
	{ "ivanov.pss12", "ivanov.pss12", "не должен совпадать с логином" },
	{ "ivanov.pss12", "IVANOV.PSS12", "не должен совпадать с логином" },
	{ "ivanov.ps", "qwerty123456", "слишком простой" },
	{ "ivanov.ps", "QWERTY123456", "слишком простой" },
	{ "ivanov.ps", "123456789012", "слишком простой" },
	{ "ivanov.ps", "йцукенгшщзхъ", "слишком простой" },
	{ "ivanov.ps", "aaaaaaaaaaaaaaa", "слишком простой" },
	{ "ivanov.ps", "abcdefghijklmnop", "слишком простой" },
	{ "ivanov.ps", "zyxwvutsrqponm", "слишком простой" },
	{ "ivanov.ps", "Correct horse battery staple", NULL },
	{ "ivanov.ps", "Zene85Mucu56!", NULL },
	{ NULL, "a sentence of words", NULL },
};

int
main(void)
{
	const char	*why;
	char		 longpw[200];
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		why = password_refusal(cases[i].login, cases[i].pw);
		if (cases[i].refusal == NULL)
			ok(why == NULL, "accepted: \"%s\"%s%s", cases[i].pw,
			    why ? " — got: " : "", why ? why : "");
		else
			ok(why != NULL && strstr(why, cases[i].refusal) != NULL,
			    "refused: \"%s\" (%s)", cases[i].pw,
			    why ? why : "accepted");
	}
	memset(longpw, 'x', sizeof(longpw) - 1);
	longpw[sizeof(longpw) - 1] = '\0';
	longpw[0] = 'y';
	why = password_refusal("ivanov.ps", longpw);
	ok(why != NULL && strstr(why, "не длиннее 128") != NULL,
	    "refused: 199 characters");
	return done_testing();
}
