/*
 * access_rules.h: storing the administrator's rules (rights.h decides
 * with them).  Queries by name; the screen validates.
 */
#ifndef JOURNAL_ACCESS_RULES_H
#define JOURNAL_ACCESS_RULES_H

struct _hdf;

/*
 * prefix.N.{id,screen,role,login,who,mode,expires,reason,by,at,expired}
 * for the school, active rules first, newest first.
 */
int	db_access_rules_list(struct _hdf *, const char *prefix,
	    long long school_id);
/* The account of a login in the school: *id, *roles (bits).  1, 0, -1. */
int	db_account_find(long long school_id, const char *login,
	    long long *id, unsigned *roles);
/* Insert; *id gets the new rule's id.  0 or -1. */
int	db_access_rule_insert(long long school_id, const char *screen,
	    const char *role, long long account_id, const char *mode,
	    const char *expires_on, const char *reason, long long by,
	    long long *id);
/* Delete a rule of the school; 1 deleted, 0 none such, -1 error.  The
 * deleted rule's description goes to what (for the audit). */
int	db_access_rule_delete(long long school_id, long long id,
	    char *what, size_t whatsz);

#endif
