/*
 * roles.h: the roles of R1 and the access table of every screen (cgit's
 * cmd.c idea: who may open what is declared in one place and checked in
 * one place, before a screen loads anything).
 */
#ifndef JOURNAL_ROLES_H
#define JOURNAL_ROLES_H

#define ACC_PUBLIC	0x01	/* no session needed (login) */
#define ACC_NODB	0x02	/* never touches the database (hello) */
#define ACC_MENU	0x04	/* listed in the menu for its roles */
#define ACC_ANYONE	0x08	/* any signed-in account, even with no role yet */
#define ACC_PWOPEN	0x10	/* open while a printed password must be
				   changed (password, logout): screen.c */

struct access {
	const char	*name;		/* the screen, /<name> */
	const char	*title;		/* Russian, for the menu and <title> */
	unsigned	 roles;		/* ROLE_* bits that may open it (GET) */
	unsigned	 wroles;	/* ...that may POST to it; 0: the same */
	unsigned	 flags;
};

/* The access entry of a screen, or NULL. */
const struct access	*access_find(const char *name);
/* All entries, terminated by one with name NULL. */
extern const struct access access_table[];

/* Bit of a role code ("teacher"), or 0 for an unknown code. */
unsigned	 role_bit(const char *code);
/* Code and Russian name of a single role bit. */
const char	*role_code(unsigned bit);
const char	*role_name(unsigned bit);
/* Bits of a comma-separated list of codes ("teacher,class_teacher"). */
unsigned	 role_bits(const char *codes);

#endif
