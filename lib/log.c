/*
 * log.c: write whole lines with one write(2) on an O_APPEND descriptor,
 * so lines of concurrent workers never interleave.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "config.h"
#include "log.h"

static int	logfd = -1;

void
log_open(void)
{
	const char	*path;

	if (logfd != -1)
		return;
	path = conf_str("paths.log", NULL);
	if (path != NULL)
		logfd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
		    0640);
	if (logfd == -1)
		logfd = STDERR_FILENO;
}

void
log_msg(const char *fmt, ...)
{
	char		 line[2048];
	struct tm	 tm;
	time_t		 now;
	va_list		 ap;
	int		 n, m;

	if (logfd == -1)
		log_open();
	now = time(NULL);
	localtime_r(&now, &tm);
	n = (int)strftime(line, sizeof(line), "%Y-%m-%d %H:%M:%S ", &tm);
	n += snprintf(line + n, sizeof(line) - n, "[%d] ", (int)getpid());
	va_start(ap, fmt);
	m = vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	va_end(ap);
	if (m < 0)
		m = 0;
	n += m;
	if (n > (int)sizeof(line) - 2)
		n = (int)sizeof(line) - 2;
	line[n++] = '\n';
	while (write(logfd, line, n) == -1 && errno == EINTR)
		continue;
}

void
log_incident_id(char id[9])
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char	 b[4];
	int		 i;

	randombytes_buf(b, sizeof(b));
	for (i = 0; i < 4; i++) {
		id[2 * i] = hex[b[i] >> 4];
		id[2 * i + 1] = hex[b[i] & 15];
	}
	id[8] = '\0';
}
