/*
 * classes.h: classes and their rosters, by name.  Callers run the object
 * check (objects.h) first; these only load.
 */
#ifndef JOURNAL_CLASSES_H
#define JOURNAL_CLASSES_H

struct _hdf;

/*
 * prefix.N.{id,name,teacher,students,own} for the school's open year;
 * own = 1 for the classes the person leads.  Returns rows or -1.
 */
int	db_classes_list(struct _hdf *, const char *prefix, long long school_id,
	    long long person_id);
/* prefix.{id,name,grade,teacher}; 1, 0 (none) or -1. */
int	db_class_get(struct _hdf *, const char *prefix, long long class_id);
/*
 * The roster: prefix.N.{id,name,birth,login,active,eligible,issued} for
 * each current student, and prefix.N.Guardians.K.{id,name,kind,login,
 * active,status,signed,document} for their guardians; status is
 * consent, refusal or empty (no statement yet), eligible = 1 when a
 * guardian consented.  Returns the number of students or -1.
 */
int	db_roster_list(struct _hdf *, const char *prefix, long long class_id);

/*
 * Whether person_id may get credentials through class_id's slips: a
 * current student of the class, or a guardian of one.  prefix.{role,name,
 * eligible,children}: role is "student" or "parent"; eligible = 1 when the
 * family consented (R6); children are the guardian's children in the
 * class.  Returns 1, 0 (not of this class) or -1.
 */
int	db_issue_candidate(struct _hdf *, const char *prefix,
	    long long class_id, long long person_id);

/* The id of the school's current year (view current_year), 0 if none, -1. */
long long db_year_open_get(long long school_id);
/* prefix.N.{id,name} of the school's active staff with the teacher role. */
int	db_teachers_list(struct _hdf *, const char *prefix, long long school_id);
/* Whether person_id is such a teacher: 1, 0 or -1. */
int	db_teacher_check(long long school_id, long long person_id);
/*
 * Create a class of the open year; *id gets it.  0, DB_DUPLICATE (the
 * class exists) or -1.
 */
int	db_class_insert(long long school_id, long long year_id, int grade,
	    const char *letter, long long teacher_id, long long *id);
/*
 * Make teacher_id (0: nobody) the class teacher, giving their account the
 * class_teacher role.  0 or -1.
 */
int	db_class_teacher_set(long long class_id, long long teacher_id);

#endif
