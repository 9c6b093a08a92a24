/*
 * objects.h: object checks (R7), each one SQL query run before any data of
 * the object is loaded.  "This class" and "this guardian" are checked
 * against the user's school and the user's own person id, never trusted
 * from input.
 *
 * Who may do what:
 *   see a class's roster	admin, management, secretary, inspector, medic,
 *				psychologist: any class of their school;
 *				a class teacher: their own classes
 *   issue a class's logins	admin: any class; a class teacher: their own
 *   see a guardian's consent	admin, management, secretary, inspector: any;
 *				a class teacher: a guardian of their class
 *   record a consent		admin, secretary: any; a class teacher: a
 *				guardian of their class
 *   add a student's guardian	admin, secretary: any; a class teacher: a
 *				student of their class
 *   read a journal		admin, management, inspector: any; the
 *   (group × subject)		teacher of the assignment; a substitute
 *				named by a timetable change for it; the
 *				class teacher of a class the group teaches
 *   write a journal		the teacher of the assignment; on the day
 *				of a changed lesson, its substitute (R22);
 *				nobody in a closed year
 *   read a student's diary	the student; their guardian; the class
 *   and marks			teacher of their class; admin, management,
 *				inspector: any current student of the school
 */
#ifndef JOURNAL_OBJECTS_H
#define JOURNAL_OBJECTS_H

struct req;

enum obj_res {
	OBJ_OK = 200,
	OBJ_DENIED = 403,	/* exists, but not for this user */
	OBJ_MISSING = 404,	/* no such object in the user's school */
	OBJ_ERROR = 500		/* database failure */
};

enum obj_res	obj_class_view(const struct req *, long long class_id);
enum obj_res	obj_class_issue(const struct req *, long long class_id);
/* A guardian of a current student of class_id (class_id also checked). */
enum obj_res	obj_guardian_view(const struct req *, long long guardian_id,
		    long long class_id);
enum obj_res	obj_guardian_record(const struct req *, long long guardian_id,
		    long long class_id);
/* Edit a current student of class_id (their guardians): admin, secretary;
 * a class teacher in their own class. */
enum obj_res	obj_student_edit(const struct req *, long long student_id,
		    long long class_id);

/*
 * The journal of subject_id in group_id (R8, R22).  date (YYYY-MM-DD) is
 * the day of the lesson being written; NULL for writes that are not one
 * lesson's (period marks), which only the teacher of the assignment may do.
 * A rule of the administrator (rights.h) widens both to the whole school.
 */
enum obj_res	obj_journal_view(const struct req *, long long group_id,
		    long long subject_id);
enum obj_res	obj_journal_write(const struct req *, long long group_id,
		    long long subject_id, const char *date);
/*
 * Both in one query, for the journal page: whether the user reads it, and
 * in *write_today whether they write a lesson of today.
 */
enum obj_res	obj_journal_open(const struct req *, long long group_id,
		    long long subject_id, enum obj_res *write_today);
/* A student's class of the open year, as the diary needs it. */
struct diary_student {
	long long	 id;
	long long	 class_id;
	long long	 year_id;
	int		 grade;
};
/* A current student's diary and marks (R8); a withdrawn one is missing.
 * With a prefix, an allowed student's prefix.{id,name,class_id,class,
 * grade,year_id} are set from the same query, and with out (may be NULL)
 * the same typed. */
enum obj_res	obj_student_diary(struct req *, long long student_id,
		    const char *prefix, struct diary_student *out);

#endif
