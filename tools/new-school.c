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
 *
 * A second run would make a second school, which a school's host never
 * wants and a district server (several schools in one database, each
 * row under its school_id) does: so it refuses when a school exists,
 * unless --another-school says so; even then a school of the same full
 * or short name is refused.  The check and the creation are one
 * transaction (the count is read FOR UPDATE), so a failed or concurrent
 * run leaves nothing half-made.
 *
 *	new-school --reset-password LOGIN
 *
 * The host's way back into a school whose administrator lost the
 * password: a new printed password for the login, its sessions ended,
 * audited (ip "new-school --reset-password"), to be changed at the first
 * login like every printed password.
 *
 * Exit: 0 done, 1 failure (nothing changed), 2 usage, 3 refused (a school
 * exists; the login is unknown or disabled).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "clock.h"
#include "accounts.h"
#include "config.h"
#include "db.h"
#include "screen.h"
#include "people.h"
#include "roles.h"
#include "school.h"
#include "staff.h"

/* As installed: journal-new-school (messages name the command to run). */
static const char	*prog = "new-school";

static void
usage(void)
{
	fprintf(stderr, "usage: %s --name ПОЛНОЕ_НАЗВАНИЕ --short "
	    "КРАТКОЕ --admin \"Фамилия Имя [Отчество]\" [--another-school]\n"
	    "       %s --reset-password ЛОГИН\n", prog, prog);
	exit(2);
}

static void
finish(struct req *r)
{
	db_close();
	conf_free();
	arena_free(&r->arena);
}

/* A new printed password for login; see the comment at the top. */
static int
reset_password(struct req *r, const char *login_in)
{
	struct account_info	 a;
	char			 login[65], password[13];
	int			 rc;

	if (strlen(login_in) > 64 || !utf8_valid(login_in, strlen(login_in))) {
		fprintf(stderr, "new-school: нет учётной записи с логином "
		    "«%s»\n", login_in);
		return 3;
	}
	r->ip = "new-school --reset-password";
	if (db_begin() == -1 ||
	    (rc = db_account_by_login(login_in, &a)) == -1)
		goto fail;
	if (rc == 0 || !a.active) {
		db_rollback();
		if (rc == 0)
			fprintf(stderr, "new-school: нет учётной записи с "
			    "логином «%s»; пароль не изменён\n", login_in);
		else
			fprintf(stderr, "new-school: учётная запись «%s» "
			    "(%s, %s) отключена; пароль не изменён. Включите "
			    "её на экране «Сотрудники» или «Класс» (выдав "
			    "пароль) от имени другого администратора.\n",
			    login_in, a.name, a.school);
		return 3;
	}
	r->sess.school_id = a.school_id;
	if (account_issue(r, a.person_id, NULL, login, password) == -1 ||
	    db_commit() == -1)
		goto fail;
	printf("Новый пароль для %s (%s, %s)\nЛогин: %s\nПароль: %s\n"
	    "Прежний пароль больше не действует, сеансы входа завершены.\n"
	    "Пароль показан один раз: передайте его владельцу; при первом "
	    "входе журнал попросит его сменить.\n",
	    login, a.name, a.school, login, password);
	return 0;
fail:
	fprintf(stderr, "new-school: не удалось сменить пароль; ничего не "
	    "изменено (подробности в журнале приложения: %s)\n",
	    conf_str("paths.log", "выше"));
	db_rollback();
	return 1;
}

int
main(int argc, char *argv[])
{
	const char	*name = NULL, *short_name = NULL, *admin = NULL;
	const char	*reset = NULL;
	char		 last[101], first[101], middle[101], old[200];
	char		 login[65], password[13];
	struct req	 r;
	long long	 school, person, all, same;
	int		 i, n, another = 0, rc;

	if (argc > 0 && argv[0] != NULL)
		prog = strrchr(argv[0], '/') != NULL ?
		    strrchr(argv[0], '/') + 1 : argv[0];
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--another-school") == 0) {
			another = 1;
			continue;
		}
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--name") == 0)
			name = argv[++i];
		else if (strcmp(argv[i], "--short") == 0)
			short_name = argv[++i];
		else if (strcmp(argv[i], "--admin") == 0)
			admin = argv[++i];
		else if (strcmp(argv[i], "--reset-password") == 0)
			reset = argv[++i];
		else
			usage();
	}
	if (reset != NULL) {
		if (name != NULL || short_name != NULL || admin != NULL ||
		    another)
			usage();
	} else if (name == NULL || short_name == NULL || admin == NULL)
		usage();
	if (reset == NULL) {
		middle[0] = '\0';
		n = sscanf(admin, "%100s %100s %100s", last, first, middle);
		if (n < 2 || !utf8_valid(admin, strlen(admin))) {
			fprintf(stderr, "new-school: --admin: фамилия и имя "
			    "через пробел (UTF-8)\n");
			return 2;
		}
	}
	if (sodium_init() < 0 || conf_load() != 0)
		return 1;
	clock_init();	/* a test stack's fixed date (lib/clock.h) */

	/* The audit rows name no account: the command line did it. */
	memset(&r, 0, sizeof(r));
	if (reset != NULL) {
		rc = reset_password(&r, reset);
		finish(&r);
		return rc;
	}
	r.ip = "new-school";
	if (db_begin() == -1 ||
	    db_school_count(name, short_name, &all, &same) == -1)
		goto fail;
	if ((all > 0 && !another) || same > 0) {
		db_rollback();
		if (same > 0)
			fprintf(stderr, "new-school: школа с названием «%s» "
			    "или «%s» уже есть; ничего не создано.\n", name,
			    short_name);
		else
			fprintf(stderr, "new-school: в базе уже есть школ: "
			    "%lld; новая не создана. Повторный запуск не "
			    "нужен: войдите под администратором (забытый "
			    "пароль: %s --reset-password ЛОГИН). Если "
			    "на этом сервере действительно должна быть ещё "
			    "одна школа (районный сервер), добавьте "
			    "--another-school.\n", all, prog);
		finish(&r);
		return 3;
	}
	if (db_school_insert(name, short_name, &school) == -1)
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
	    "Пароль показан один раз: запишите его; при первом входе журнал "
	    "попросит сменить его на свой.\n",
	    short_name, school, last, first, middle, login, password);
	finish(&r);
	return 0;
fail:
	fprintf(stderr, "new-school: не удалось создать школу; ничего не "
	    "создано (подробности в журнале приложения: %s)\n",
	    conf_str("paths.log", "выше"));
	db_rollback();
	finish(&r);
	return 1;
}
