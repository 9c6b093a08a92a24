/*
 * new-school: create a school and its first administrator, the one step
 * of a deployment that cannot happen in the browser (nobody can log in
 * before it).  Everything else (the year, classes, people, logins) is
 * then set up through the screens.
 *
 *	JOURNAL_CONF=/etc/journal/journal.hdf new-school \
 *	    --name "МБОУ «Средняя общеобразовательная школа № 5»" \
 *	    --short "МБОУ СОШ № 5" --admin "Иванова Анна Петровна"
 *
 * Prints the administrator's login and password (shown once: only a hash
 * is stored).  Uses the application's config and database account.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "clock.h"
#include "accounts.h"
#include "config.h"
#include "db.h"
#include "journal.h"
#include "people.h"
#include "roles.h"
#include "school.h"
#include "staff.h"

static void
usage(void)
{
	fprintf(stderr, "usage: new-school --name ПОЛНОЕ_НАЗВАНИЕ --short "
	    "КРАТКОЕ --admin \"Фамилия Имя [Отчество]\"\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	const char	*name = NULL, *short_name = NULL, *admin = NULL;
	char		 last[101], first[101], middle[101], old[200];
	char		 login[65], password[13];
	struct req	 r;
	long long	 school, person;
	int		 i, n;

	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--name") == 0)
			name = argv[i + 1];
		else if (strcmp(argv[i], "--short") == 0)
			short_name = argv[i + 1];
		else if (strcmp(argv[i], "--admin") == 0)
			admin = argv[i + 1];
		else
			usage();
	}
	if (i != argc || name == NULL || short_name == NULL || admin == NULL)
		usage();
	middle[0] = '\0';
	n = sscanf(admin, "%100s %100s %100s", last, first, middle);
	if (n < 2 || !utf8_valid(admin, strlen(admin))) {
		fprintf(stderr, "new-school: --admin: фамилия и имя через "
		    "пробел (UTF-8)\n");
		return 2;
	}
	if (sodium_init() < 0 || conf_load() != 0)
		return 1;
	clock_init();	/* a test stack's fixed date (lib/clock.h) */

	/* The audit rows name no account: the command line did it. */
	memset(&r, 0, sizeof(r));
	r.ip = "new-school";
	if (db_begin() == -1 ||
	    db_school_insert(name, short_name, &school) == -1)
		goto fail;
	r.sess.school_id = school;
	if (db_person_insert(school, last, first, middle, NULL,
	    &person) == -1 ||
	    db_staff_insert(person, "администратор электронного журнала",
	    NULL) == -1 ||
	    account_issue(&r, person, NULL, login, password) == -1 ||
	    db_staff_roles_set(person, ROLE_ADMIN, old, sizeof(old)) != 0 ||
	    db_commit() == -1)
		goto fail;
	printf("Школа «%s» создана (id %lld).\n"
	    "Администратор: %s %s %s\nЛогин: %s\nПароль: %s\n"
	    "Пароль показан один раз: запишите его и смените после входа.\n",
	    short_name, school, last, first, middle, login, password);
	db_close();
	conf_free();
	arena_free(&r.arena);
	return 0;
fail:
	fprintf(stderr, "new-school: не удалось создать школу (подробности "
	    "в журнале приложения)\n");
	db_rollback();
	db_close();
	return 1;
}
