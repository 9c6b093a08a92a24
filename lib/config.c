/*
 * config.c: the application config as a ClearSilver HDF tree.  HDF gives
 * us nesting, comments and #include for free (a stack's own file includes
 * the sample and overrides a few keys).
 */
#include <stdio.h>
#include <stdlib.h>

#include <ClearSilver.h>

#include "config.h"

#ifndef JOURNAL_CONF_DEFAULT
#define JOURNAL_CONF_DEFAULT "/usr/local/etc/journal/journal.hdf"
#endif

static HDF	*conf;

int
conf_load(void)
{
	const char	*path;
	NEOERR		*err;
	STRING		 s;

	if (conf != NULL)
		return 0;
	if ((path = getenv("JOURNAL_CONF")) == NULL || *path == '\0')
		path = JOURNAL_CONF_DEFAULT;
	if ((err = hdf_init(&conf)) != STATUS_OK)
		goto fail;
	if ((err = hdf_read_file(conf, path)) != STATUS_OK)
		goto fail;
	return 0;
fail:
	string_init(&s);
	nerr_error_string(err, &s);
	fprintf(stderr, "journal: cannot read config %s: %s\n", path,
	    s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
	hdf_destroy(&conf);
	return -1;
}

const char *
conf_str(const char *key, const char *def)
{
	const char	*v;

	if (conf == NULL)
		return def;
	v = hdf_get_value(conf, key, NULL);
	return (v == NULL || *v == '\0') ? def : v;
}

long long
conf_int(const char *key, long long def)
{
	const char	*v;
	char		*end;
	long long	 n;

	if ((v = conf_str(key, NULL)) == NULL)
		return def;
	n = strtoll(v, &end, 10);
	return (*end == '\0') ? n : def;
}

void
conf_free(void)
{
	hdf_destroy(&conf);
}
