/*
 * journal-digest: the e-mail digests of the diary (R36), run from cron,
 * e.g. every evening:
 *
 *	0 19 * * *  www-data  JOURNAL_CONF=/etc/journal/journal.hdf journal-digest
 *
 * Queues a letter for every guardian whose daily or weekly digest is due,
 * then sends what is queued (and retries what failed) through the
 * sendmail program of the config (mail.sendmail).  --queue or --send does
 * one half only.  Uses the application's config and database account.
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
	const char	*sendmail = NULL, *url = NULL, *from;
	int		 i, queue = 1, send = 1, queued = 0, empty = 0;
	int		 sent = 0, failed = 0;
	size_t		 len;

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
	if (sendmail == NULL)
		sendmail = conf_str("mail.sendmail", "/usr/sbin/sendmail");
	from = conf_str("mail.from", "journal@localhost");
	if (url == NULL)
		url = conf_str("app.url", "");
	if (url[0] == '\0') {
		fprintf(stderr, "journal-digest: адрес сайта для ссылок в "
		    "письмах не задан: app.url в конфигурации или --url\n");
		return 2;
	}
	/* Links are built as url + "/path": no trailing slash. */
	len = strlen(url);
	while (len > 0 && url[len - 1] == '/')
		len--;
	url = strndup(url, len);

	if (queue && digest_queue(url, &queued, &empty) == -1)
		goto fail;
	if (send && digest_send(sendmail, from, url,
	    (int)conf_int("mail.max_attempts", 8), &sent, &failed) == -1)
		goto fail;
	if (queue)
		printf("в очередь: писем %d, без новостей %d\n", queued, empty);
	if (send)
		printf("отправлено: %d, не отправлено (повтор позже): %d\n",
		    sent, failed);
	free((char *)url);
	db_close();
	conf_free();
	return failed > 0 ? 3 : 0;
fail:
	fprintf(stderr, "journal-digest: ошибка базы данных (подробности в "
	    "журнале приложения)\n");
	db_close();
	return 1;
}
