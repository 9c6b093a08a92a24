/*
 * password.c: length counts characters, not bytes (a Cyrillic password
 * is as good as a Latin one).  The common list holds only passwords of 12
 * characters or more: shorter ones are refused by length already.
 */
#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "password.h"
#include "util.h"

#define PASSWORD_MIN	12

static const char *const common[] = {
	"123456789012", "1234567890123", "12345678901234", "123456789000",
	"1234567890qwerty", "qwerty123456", "qwertyuiop12", "qwertyuiopas",
	"qwertyuiopasdfgh", "qwerty12345678", "1q2w3e4r5t6y", "1q2w3e4r5t6y7u",
	"q1w2e3r4t5y6", "zaq12wsxcde3", "1qaz2wsx3edc", "password1234",
	"password123456", "passwordpassword", "111111111111", "000000000000",
	"123123123123", "121212121212", "987654321098", "abcdefghijkl",
	"abc123abc123", "iloveyou1234", "letmein12345", "welcome12345",
	"administrator", "admin1234567", "adminadmin123", "parol1234567",
	"parolparol12", "qwertyqwerty", "asdfghjkl123", "zxcvbnm12345",
	"йцукенгшщзхъ", "йцукен123456", "пароль123456", "парольпароль",
	"фывапролджэ1", "школа1234567", "dnevnik12345", "shkola123456",
	"journal12345", "iloveyouiloveyou", "football1234", "superman1234",
	"starwars1234", "princess1234", "sunshine1234", "qazwsxedcrfv",
	"1234qwerasdf", "qwer1234asdf", "aa1234567890", "a1234567890b",
	NULL
};

/* All one repeated character, or a run of consecutive ASCII codes. */
static int
trivial(const char *pw)
{
	size_t	 i, n = strlen(pw);
	int	 same = 1, up = 1, down = 1;

	for (i = 1; i < n; i++) {
		same &= pw[i] == pw[0];
		up &= (unsigned char)pw[i] == (unsigned char)pw[i - 1] + 1;
		down &= (unsigned char)pw[i] + 1 == (unsigned char)pw[i - 1];
	}
	return same || up || down;
}

const char *
password_refusal(const char *login, const char *pw)
{
	size_t	 i;

	if (utf8_len(pw) < PASSWORD_MIN)
		return "Пароль должен быть не короче 12 символов.";
	if (utf8_len(pw) > 128)
		return "Пароль должен быть не длиннее 128 символов.";
	if (login != NULL && strcasecmp(pw, login) == 0)
		return "Пароль не должен совпадать с логином.";
	if (trivial(pw))
		return "Пароль слишком простой: выберите другой.";
	for (i = 0; common[i] != NULL; i++)
		if (strcasecmp(pw, common[i]) == 0)
			return "Пароль слишком простой: он есть в списке "
			    "распространённых паролей.";
	return NULL;
}
