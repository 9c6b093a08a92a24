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

#endif
