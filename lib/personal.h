/*
 * personal.h: personal files (R7, R17) and the class teacher's quarterly
 * check of them.  152-ФЗ asks that personal data be processed only by
 * those who need them for their task, so a file is split into field
 * groups and each role gets only the groups its work needs:
 *
 *   PF_BASIC	  name, sex, birth date, class or position (birth date is
 *		  edited together with the documents it comes from)
 *   PF_CONTACTS  phone, e-mail, registration and actual address
 *   PF_DOCUMENTS documents as text (birth certificate, passport), СНИЛС
 *   PF_HEALTH	  health group and the medic's notes (students only)
 *
 * Who sees (S) and edits (E) which groups; "—" is 403:
 *
 *   file of	  role				basic	cont.	docs	health
 *   student	  admin, secretary		SE	SE	SE	SE
 *		  class teacher of the student's
 *		  current class (also confirms)	SE	SE	SE	SE
 *		  management			S	S	—	—
 *		  psychologist			S	S	—	—
 *		  medic				S	—	—	SE*
 *		  hr, other class teachers	— (403)
 *   guardian	  admin, secretary, the class
 *		  teacher of a child's class	SE	SE	SE	n/a
 *		  management, psychologist,
 *		  medic (to call the family)	S	S	—	n/a
 *		  hr, other class teachers	— (403)
 *   staff	  admin, hr			SE	SE	SE	n/a
 *		  management			S	S	—	n/a
 *		  the others			— (403)
 *   other	  admin (an inspector's account, SE	SE	SE	n/a
 *		  a person with no class, child
 *		  or post)
 *
 * A person who is several of these (a teacher whose child studies here)
 * gets the union.  A user to whom the administrator opened /person by a
 * rule (rights.h) and who has no row above gets basic and contacts, to
 * read or (a write rule) to edit: documents and health only ever through
 * the role itself.  E is only ever granted where the access table (or a
 * rule) lets the user POST to the screen: by default medics read only,
 * so E* needs the administrator's write rule for the medic role.
 * Teachers, students and parents never reach the screen (lib/roles.c).
 * Another school's person is 404.
 */
#ifndef JOURNAL_PERSONAL_H
#define JOURNAL_PERSONAL_H

#include "objects.h"

struct _hdf;
struct req;

#define PF_BASIC	0x01u
#define PF_CONTACTS	0x02u
#define PF_DOCUMENTS	0x04u
#define PF_HEALTH	0x08u
#define PF_ALL		0x0fu

/* What the person is, for the table above (several may hold). */
#define PK_STUDENT	0x01u	/* in a class of the school, now or before */
#define PK_GUARDIAN	0x02u
#define PK_STAFF	0x04u
#define PK_CURRENT	0x08u	/* a current student */

struct pf_access {
	unsigned	 see;		/* PF_* shown */
	unsigned	 edit;		/* PF_* editable, a subset of see */
	unsigned	 kind;		/* PK_* */
	int		 confirm;	/* may confirm the data (R17) */
};

/*
 * The one check of a personal file: one SQL query with the user's school
 * and person id.  class_id (0: none) is the class the file was reached
 * through; the person must be its current student or a guardian of one.
 * Fills *a.  OBJ_OK, OBJ_DENIED (no group, or not of that class),
 * OBJ_MISSING (no such person in the school) or OBJ_ERROR.
 */
enum obj_res	obj_person_view(const struct req *, long long person_id,
		    long long class_id, struct pf_access *a);

/* The fields of a file, in page order. */
enum pf_field {
	PF_BIRTH_DATE,
	PF_PHONE,
	PF_EMAIL,
	PF_ADDRESS_REG,
	PF_ADDRESS_LIVE,
	PF_DOCUMENTS_TEXT,
	PF_SNILS,
	PF_HEALTH_GROUP,
	PF_HEALTH_NOTES,
	PF__MAX
};

/* Column, form key and HDF name of a field; its group. */
const char	*pf_name(enum pf_field);
unsigned	 pf_group(enum pf_field);

/*
 * prefix.{id,name,sex,birth,class_id,class,position,children,checked_on}
 * and prefix.File.<field> for the fields of the groups in see only; a
 * field of another group is never copied into the page.  1, 0 or -1.
 */
int	db_person_file_get(struct _hdf *, const char *prefix,
	    long long person_id, unsigned see);

/*
 * Normalise and check a value typed for field f (NULL: emptied).  Returns
 * NULL and sets *out (NULL for empty) or a Russian message.  The arena of
 * the request holds *out.
 */
const char	*pf_check(struct req *, enum pf_field f, const char *in,
		    const char **out);

/*
 * Save the fields whose new value (vals[f], NULL: empty) differs from the
 * stored one, for the fields with set[f] != 0: one audit row per changed
 * field, old → new, with documents, СНИЛС and health notes masked (see
 * personal.c).  Run inside the POST's transaction.  *changed gets the
 * groups that changed.  0 or -1.
 */
int	person_file_save(struct req *, long long person_id,
	    const char *const vals[PF__MAX], const int set[PF__MAX],
	    unsigned *changed);

/* The audit form of a value of field f (masked where needed). */
const char	*pf_audit_value(struct req *, enum pf_field f, const char *v);

/* Record a check of a student's data: result "confirmed" or "changed". */
int	pd_check_add(struct req *, long long person_id, const char *result);

/*
 * The start of "this quarter" for a class (R17): the school's quarter
 * period (kind 'quarter') of the class's grade that covers today, else
 * the calendar quarter.  prefix.{since (YYYY-MM-DD), since_ru, name}.
 * 1, 0 (no such class) or -1.
 */
int	db_pd_since(struct _hdf *, const char *prefix, long long class_id);
/*
 * prefix.N.{id,name,last} of the current students of the class with no
 * check on or after since (last: the latest check, dd.mm.yyyy, if any).
 * Rows or -1.
 */
int	db_pd_unconfirmed(struct _hdf *, const char *prefix,
	    long long class_id, const char *since);

#endif
