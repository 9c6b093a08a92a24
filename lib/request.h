/*
 * request.h: the library side of a request: reading it within hard limits,
 * validating the declared keys, and writing the response.  Screens use the
 * helpers in screen.h; only screen.c calls these.
 */
#ifndef JOURNAL_REQUEST_H
#define JOURNAL_REQUEST_H

struct req;

/*
 * Read method, query string, cookies and body.  Returns 0, or the status
 * to answer: 400 (malformed, invalid UTF-8, NUL, too many or too long
 * parameters), 405 (a method the screen does not take), 413 (body over
 * limits.body_max).
 */
int	req_read(struct req *);
/*
 * Validate the screen's declared keys into r->fields.  Returns 0, or 400
 * when a key that is not KEY_MULTI was given more than once.  A refused
 * value is not an error here: the field carries its message.
 */
int	req_validate(struct req *);
/*
 * Decide r->base and r->static_url, and put them in the page as Base and
 * Static: conf app.base, else SCRIPT_NAME without "/<screen>" (so
 * /cgi-bin/login gives "/cgi-bin" and /login ""); conf app.static, else
 * base + "/static".
 */
void	req_paths(struct req *);
/* Write status line, headers and body (no body for HEAD). */
void	req_respond(struct req *, int status);
/* Reason phrase of a status. */
const char *req_reason(int status);

#endif
