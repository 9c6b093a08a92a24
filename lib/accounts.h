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
 * one; activate it, end its sessions, stamp issued_at, mark the password
 * to be changed at the first login (must_change_pw: it was printed, so
 * someone else saw it), audit.  login gets
 * the login (65 bytes), password the new password (13 bytes).  Concurrent
 * calls for one person are serialised by a lock on the person's row.
 * The generated password is hashed with the cheap issue cost
 * (auth_hash_issued: ~2 ms, not ~45 ms), so a whole school fits in one
 * request; the first login re-hashes it at full cost.  Returns 0 or -1.
 */
int	account_issue(struct req *, long long person_id, const char *role,
	    char login[65], char password[13]);

/*
 * The account of a login (logins are case-insensitive), for the host's
 * password reset (journal-new-school --reset-password): its id, person,
 * school, whether it is active, the person's full name and the school's
 * short name (each cut to its buffer).  1 found, 0 not, -1 DB failure.
 */
struct account_info {
	long long	 id, person_id, school_id;
	int		 active;
	char		 name[320];
	char		 school[320];
};
int	db_account_by_login(const char *login, struct account_info *);

/*
 * Who may get a login in the whole school (R3, R4), for the administrator's
 * one-request issue: the current students of the current year's classes
 * whose family consented, their guardians with consent (once per class of
 * their children), the staff not dismissed.  Ordered by class (grade,
 * letter), then each child followed by their guardians; staff last
 * (class_id 0), by name.
 */
struct issue_row {
	long long	 person_id;
	long long	 class_id;	/* 0: staff */
	const char	*role;		/* "student", "parent", "staff" */
	const char	*name, *children, *class_name, *position;
	int		 has_login;	/* an active account exists */
};

/* Rows in the request's arena; their count or -1. */
int	db_issue_school_rows(struct req *, struct issue_row **rows);

#endif
