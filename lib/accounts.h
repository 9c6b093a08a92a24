/*
 * accounts.h: issuing credentials (R3, R4, R5).  Passwords are stored only
 * as hashes, so a password exists in clear only in the response that
 * prints its slip.
 */
#ifndef JOURNAL_ACCOUNTS_H
#define JOURNAL_ACCOUNTS_H

struct req;

/*
 * Give person_id an account with role ("student", "parent", ...; NULL:
 * roles are given separately, as for staff) if they
 * have none (login from the name, unique), or a new password if they have
 * one; activate it, end its sessions, stamp issued_at, audit.  login gets
 * the login (65 bytes), password the new password (13 bytes).  Concurrent
 * calls for one person are serialised by a lock on the person's row.
 * Returns 0 or -1.
 */
int	account_issue(struct req *, long long person_id, const char *role,
	    char login[65], char password[13]);

#endif
