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
/* prefix.{id,name} of the student's current class, if any. */
int	db_class_get_by_student(struct _hdf *, const char *prefix,
	    long long student_id);
/* prefix.N.{id,name,students} of the classes a teacher leads this year. */
int	db_classes_list_by_teacher(struct _hdf *, const char *prefix,
	    long long teacher_id);
/* prefix.{classes,students,staff} of the school's open year. */
int	db_school_counts(struct _hdf *, const char *prefix, long long school_id);

#endif
