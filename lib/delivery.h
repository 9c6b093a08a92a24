/*
 * delivery.h: how a family gets the diary's news (R36, R41): the web diary
 * only, an e-mail digest (daily or weekly) or a weekly paper statement,
 * chosen by each guardian and recorded with its date (sql/019_delivery.sql).
 * A digest's unsubscribe link works without logging in: it carries the
 * guardian's id signed with a key the application keeps in app_secret.
 */
#ifndef JOURNAL_DELIVERY_H
#define JOURNAL_DELIVERY_H

struct _hdf;
struct req;

/* Base64url of an HMAC-SHA-256, without padding. */
#define DELIVERY_TOKEN_LEN	43

/* prefix.{mode,email,chosen_at}; 1, 0 (no choice yet: web) or -1. */
int	db_delivery_get(struct _hdf *, const char *prefix, long long guardian_id);
/*
 * Record the guardian's choice (mode: web, email_daily, email_weekly,
 * paper; email NULL unless an e-mail mode) with its audit row.  0 or -1.
 */
int	delivery_set(struct req *, long long guardian_id, const char *mode,
	    const char *email);
/*
 * prefix.N.{class_id,class,id,name,guardians}: current students of the
 * school with a guardian who chose the weekly paper statement; with
 * teacher_id != 0 only the classes that person leads.  Rows or -1.
 */
int	db_families_paper(struct _hdf *, const char *prefix, long long school_id,
	    long long teacher_id);
/*
 * The ids of the current students who get weekly paper statements (no
 * consent, or a guardian chose paper): of class_id, or of the classes
 * teacher_id leads, or (both 0) of the school, by class and name, in a
 * malloc'ed array for the caller to free.  The count or -1.
 */
int	db_paper_students(long long school_id, long long class_id,
	    long long teacher_id, long long **ids);
/* Whether mode is one of the four choices. */
int	delivery_mode_valid(const char *mode);

/*
 * The HMAC of msg under the application's key (app_secret), base64url:
 * the unsubscribe tokens, and the letters' Message-IDs (stable across a
 * letter's retries, unguessable, distinct between installations).
 */
int	delivery_mac(const char *msg, char out[DELIVERY_TOKEN_LEN + 1]);
/* The unsubscribe token of a guardian into out; 0 or -1 (database). */
int	delivery_token(long long guardian_id, char out[DELIVERY_TOKEN_LEN + 1]);
/* 1: the token is the guardian's; 0: it is not; -1: database failure. */
int	delivery_token_ok(long long guardian_id, const char *token);

#endif
