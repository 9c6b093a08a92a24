/*
 * journal-digest: the e-mail digests of the diary (R36), run from cron;
 * conf/cron-journal is the sample (installed under PREFIX/share/journal/
 * conf/), e.g. every evening:
 *
 *	0 19 * * *  www-data  JOURNAL_CONF=/usr/local/etc/journal/journal.hdf
 *	    /usr/local/sbin/journal-digest 2>&1 | logger -t journal-digest
 *
 * Queues a letter for every guardian whose daily or weekly digest is due,
 * then sends what is queued (and retries what failed) through the
 * sendmail program of the config (mail.sendmail).  --queue or --send does
 * one half only.  Uses the application's config and database account.
 *
 * Exit status: 0 all sent; 1 database; 2 usage or config; 3 some letters
 * failed (retried later, or given up after mail.max_attempts); 4 no mail
 * transport: mail.sendmail is missing or not executable, nothing was sent
 * and every waiting letter stays waiting, with the reason on it for the
 * administrator's home page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "clock.h"
#include "config.h"
#include "db.h"
#include "digest.h"

static void
usage(void)
{
	fprintf(stderr, "usage: journal-digest [--queue | --send] "
	    "[--sendmail ПРОГРАММА] [--url АДРЕС_САЙТА]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct digest_mail	 m;
	const char		*sendmail = NULL, *url = NULL, *why, *at;
	char			*domain = NULL;
	int			 i, queue = 1, send = 1, queued = 0, empty = 0;
	int			 sent = 0, failed = 0, abandoned = 0, held;
	size_t			 len;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--queue") == 0)
			send = 0;
		else if (strcmp(argv[i], "--send") == 0)
			queue = 0;
		else if (strcmp(argv[i], "--sendmail") == 0 && i + 1 < argc)
			sendmail = argv[++i];
		else if (strcmp(argv[i], "--url") == 0 && i + 1 < argc)
			url = argv[++i];
		else
			usage();
	}
	if (!queue && !send)
		usage();
	if (sodium_init() < 0 || conf_load() != 0)
		return 1;
	clock_init();	/* a test stack's fixed date (lib/clock.h) */
	memset(&m, 0, sizeof(m));
	m.sendmail = sendmail != NULL ? sendmail :
	    conf_str("mail.sendmail", "/usr/sbin/sendmail");
	m.from = conf_str("mail.from", "journal@localhost");
	m.max_attempts = (int)conf_int("mail.max_attempts", 8);
	if (m.max_attempts < 1)
		m.max_attempts = 1;
	if (m.max_attempts > 100)	/* digest.attempts is a TINYINT */
		m.max_attempts = 100;
	/* The Message-IDs' domain: mail.domain, else mail.from's. */
	m.domain = conf_str("mail.domain", "");
	if (m.domain[0] == '\0') {
		if ((at = strrchr(m.from, '@')) == NULL) {
			fprintf(stderr, "journal-digest: в mail.from нет адреса "
			    "отправителя (имя@домен)\n");
			return 2;
		}
		domain = strndup(at + 1, strcspn(at + 1, "> \t"));
		m.domain = domain;
	}
	if (url == NULL)
		url = conf_str("app.url", "");
	if (url[0] == '\0') {
		fprintf(stderr, "journal-digest: адрес сайта для ссылок в "
		    "письмах не задан: app.url в конфигурации или --url\n");
		return 2;
	}
	if (strncmp(url, "https://", 8) != 0)
		fprintf(stderr, "journal-digest: предупреждение: адрес сайта "
		    "%s не https: почтовые службы не покажут кнопку "
		    "«Отписаться» в один щелчок (RFC 8058 требует https)\n",
		    url);
	/* Links are built as url + "/path": no trailing slash. */
	len = strlen(url);
	while (len > 0 && url[len - 1] == '/')
		len--;
	m.base_url = strndup(url, len);

	if (queue && digest_queue(m.base_url, &queued, &empty) == -1)
		goto fail;
	if (queue)
		printf("в очередь: писем %d, без новостей %d\n", queued, empty);
	if (send && (why = digest_transport_problem(m.sendmail)) != NULL) {
		/* Nothing is tried: each letter would fail with exit 127
		 * and count an attempt it did not make. */
		if ((held = digest_hold(why)) == -1)
			goto fail;
		fprintf(stderr, "journal-digest: %s.  Ничего не отправлено; "
		    "писем ждут отправки: %d, они уйдут при первом запуске "
		    "после настройки почты.  Установите программу отправки "
		    "(например, apt install msmtp-mta и настройте "
		    "/etc/msmtprc, или apt install nullmailer) либо "
		    "укажите её полный путь в mail.sendmail.\n", why, held);
		goto done;
	}
	if (send && digest_send(&m, &sent, &failed, &abandoned) == -1)
		goto fail;
	if (send)
		printf("отправлено: %d, не отправлено (повтор позже): %d, "
		    "не отправлено после %d попыток (больше не повторяется): "
		    "%d\n", sent, failed, m.max_attempts, abandoned);
	free((char *)m.base_url);
	free(domain);
	db_close();
	conf_free();
	return failed + abandoned > 0 ? 3 : 0;
done:
	free((char *)m.base_url);
	free(domain);
	db_close();
	conf_free();
	return 4;
fail:
	fprintf(stderr, "journal-digest: ошибка базы данных (подробности в "
	    "журнале приложения)\n");
	db_close();
	return 1;
}
