/*
 * password.h: the rules for a new password: at least 12 characters, not
 * the login, not a common password.  Pure functions, unit tested.
 */
#ifndef JOURNAL_PASSWORD_H
#define JOURNAL_PASSWORD_H

/* NULL when acceptable, else a Russian message for the user. */
const char	*password_refusal(const char *login, const char *password);

#endif
