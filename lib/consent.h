/*
 * consent.h: consent or refusal to personal data processing (R6), one row
 * per signed statement; the newest is the current one.  A refusal ends
 * the diary access of the guardian, and of each child left without a
 * consenting guardian (R5, R6), in the same transaction.
 */
#ifndef JOURNAL_CONSENT_H
#define JOURNAL_CONSENT_H

struct _hdf;
struct req;

/*
 * SQL: whether the student (a column) has a guardian whose newest
 * statement is a consent (R6).  Without one the family has no diary login
 * and gets paper statements.
 */
#define HAS_CONSENT_SQL(student) \
	"EXISTS (SELECT 1 FROM guardian gc JOIN consent cc" \
	" ON cc.id = (SELECT MAX(c3.id) FROM consent c3" \
	"   WHERE c3.guardian_id = gc.guardian_id)" \
	" WHERE gc.student_id = " student " AND cc.status = 'consent')"

/* prefix.{id,name} of a guardian; 1, 0 or -1. */
int	db_guardian_get(struct _hdf *, const char *prefix, long long guardian_id);
/* prefix.N.{status,signed,document,recorded_by,recorded_at}, newest first. */
int	db_consent_history(struct _hdf *, const char *prefix,
	    long long guardian_id);
/*
 * Record a statement (status "consent" or "refusal", signed_on YYYY-MM-DD)
 * with its audit row.  *disabled gets the number of accounts a refusal
 * switched off.  0 or -1.
 */
int	consent_record(struct req *, long long guardian_id, const char *status,
	    const char *signed_on, const char *document, int *disabled);

/*
 * prefix.N.{class_id,class,id,name,guardians} for the current students of
 * the school whose family has no consent (R6: they get paper statements);
 * guardians is a text like «Иванова Анна Петровна — отказ; ...».  With
 * teacher_id != 0 only the classes that person leads.  Rows or -1.
 */
int	db_families_without_consent(struct _hdf *, const char *prefix,
	    long long school_id, long long teacher_id);

#endif
