/*
 * staff.h: the school's staff: positions, roles and accounts (R1, R2, R5).
 */
#ifndef JOURNAL_STAFF_H
#define JOURNAL_STAFF_H

struct _hdf;

/*
 * prefix.N.{id,name,position,roles,login,active,issued,dismissed} for the
 * school's staff, working first; roles is a comma-separated list of codes.
 */
int	db_staff_list(struct _hdf *, const char *prefix, long long school_id);
/* Whether person_id is staff of the school: 1 (working), 2 (dismissed),
 * 0 (not staff) or -1. */
int	db_staff_check(long long school_id, long long person_id);
/* Add a staff row for a new person.  0 or -1. */
int	db_staff_insert(long long person_id, const char *position,
	    const char *hired_on);
/*
 * Replace the roles of the person's account by roles (bits of
 * student/parent are kept as they are).  Returns 0, 1 when the person has
 * no account yet (nothing to do), or -1.  old/new get the code lists.
 */
int	db_staff_roles_set(long long person_id, unsigned roles, char *old,
	    size_t oldsz);

#endif
