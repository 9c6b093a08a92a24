/* The role table and the access table (lib/roles.c). */
#include <stddef.h>
#include <string.h>

#include "screen.h"
#include "roles.h"
#include "tap.h"

int
main(void)
{
	const struct access	*a;
	const char		*codes[] = { "admin", "management", "teacher",
	    "class_teacher", "student", "parent", "secretary", "medic",
	    "psychologist", "hr", "inspector" };
	unsigned		 all = 0, bit;
	size_t			 i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		bit = role_bit(codes[i]);
		ok(bit != 0 && (bit & (bit - 1)) == 0, "%s is one bit", codes[i]);
		is_str(role_code(bit), codes[i], "%s round-trips", codes[i]);
		ok(role_name(bit) != NULL && strlen(role_name(bit)) > 0,
		    "%s has a Russian name", codes[i]);
		ok((all & bit) == 0, "%s has its own bit", codes[i]);
		all |= bit;
	}
	is_int(all, ROLES_ALL, "the R1 roles are exactly ROLES_ALL");
	is_int(role_bit("root"), 0, "an unknown code has no bit");
	is_int(role_bits("teacher,class_teacher"),
	    ROLE_TEACHER | ROLE_CLASS_TEACHER, "a list of codes");
	is_int(role_bits("teacher,nonsense,parent"),
	    ROLE_TEACHER | ROLE_PARENT, "unknown codes in a list are ignored");
	is_int(role_bits(""), 0, "an empty list");
	is_int(role_bits(NULL), 0, "no list (an account without roles)");
	is_int(ROLES_STAFF & (ROLE_STUDENT | ROLE_PARENT), 0,
	    "students and parents are not staff");

	ok((a = access_find("login")) != NULL && (a->flags & ACC_PUBLIC),
	    "login is public");
	ok((a = access_find("home")) != NULL && !(a->flags & ACC_PUBLIC),
	    "home needs a session");
	ok(access_find("nonexistent") == NULL, "unknown screens are absent");
	for (a = access_table; a->name != NULL; a++)
		ok(a->title != NULL && a->roles != 0,
		    "%s has a title and roles", a->name);
	return done_testing();
}
