/*
 * config.h: the application configuration, one HDF file (conf/journal.hdf
 * is the commented sample), read once per process.  The file is named by
 * the JOURNAL_CONF environment variable, else the path compiled in as
 * JOURNAL_CONF_DEFAULT.
 */
#ifndef JOURNAL_CONFIG_H
#define JOURNAL_CONFIG_H

/* Read the file; returns 0, or -1 with a message on stderr. */
int		 conf_load(void);
/* A value, or def when the key is missing or empty. */
const char	*conf_str(const char *key, const char *def);
long long	 conf_int(const char *key, long long def);
void		 conf_free(void);

#endif
