/*
 * log.h: the application log: one line per event, to the file named by
 * paths.log (appended, so many workers can share it), else stderr, which
 * the web server puts in its error log.  Never log a password, a session
 * id or a CSRF token.
 */
#ifndef JOURNAL_LOG_H
#define JOURNAL_LOG_H

void	log_open(void);
void	log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Fills id (9 bytes) with a fresh incident number shown on a 500 page. */
void	log_incident_id(char id[9]);

#endif
