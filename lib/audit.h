/*
 * audit.h: the append-only record of who changed what (R10).  Call it
 * inside the handler of a POST: screen_main has opened the transaction,
 * so the audit row commits or rolls back together with the change.
 */
#ifndef JOURNAL_AUDIT_H
#define JOURNAL_AUDIT_H

struct req;

/* old/new may be NULL (a creation, a deletion, or a secret like a password). */
int	audit_add(struct req *, const char *action, const char *object_type,
	    long long object_id, const char *old_value, const char *new_value);

#endif
