/*
 * people.h: queries about people, classes and families, by name.  Each
 * fills the page's HDF at prefix and returns the row count or -1.  The
 * object check is part of each query: a guardian's children are found
 * through the guardian's own person id, never through an id from input.
 */
#ifndef JOURNAL_PEOPLE_H
#define JOURNAL_PEOPLE_H

struct _hdf;

/* prefix.N.{id,name,class} of the guardian's children in the school. */
int	db_children_list_by_guardian(struct _hdf *, const char *prefix,
	    long long guardian_id);
/* A guardian's child at school now, typed (for /home's summary). */
struct child {
	long long	 id;
	const char	*name;
	const char	*class_name;
};
struct req;
/*
 * As db_children_list_by_guardian, and in *out (the request's arena) the
 * children with a current class, in the same order.  Their count or -1.
 */
int	db_children_by_guardian(struct req *, const char *prefix,
	    long long guardian_id, struct child **out);
/* prefix.{id,name} of the student's current class, if any. */
int	db_class_get_by_student(struct _hdf *, const char *prefix,
	    long long student_id);
/* prefix.N.{id,name,students} of the classes a teacher leads this year. */
int	db_classes_list_by_teacher(struct _hdf *, const char *prefix,
	    long long teacher_id);
/* The same, and their ids in *ids (the request's arena): the count or -1. */
int	db_classes_by_teacher(struct req *, const char *prefix,
	    long long teacher_id, long long **ids);
/* prefix.{classes,students,staff} of the school's open year. */
int	db_school_counts(struct _hdf *, const char *prefix, long long school_id);

/* prefix.{id,name} of a person of the school; 1, 0 or -1. */
int	db_person_get(struct _hdf *, const char *prefix, long long school_id,
	    long long person_id);
/* Add a person to the school; *id gets the new id.  sex: "m", "f" or NULL. */
int	db_person_insert(long long school_id, const char *last,
	    const char *first, const char *middle, const char *sex,
	    long long *id);
/* prefix.N.{id,name,children} of the school's guardians with this surname
 * (or its masculine/feminine form's first 4 letters), for siblings. */
int	db_guardians_by_surname(struct _hdf *, const char *prefix,
	    long long school_id, const char *last_name);
/* Whether guardian_id is a guardian of some student of the school: 1/0/-1. */
int	db_guardian_check(long long school_id, long long guardian_id);
/* Link a guardian to a student: 0, DB_DUPLICATE (already) or -1. */
int	db_guardian_link(long long guardian_id, long long student_id,
	    const char *kind);

#endif
