/*
 * render.h: ClearSilver pages.  HTML escaping is on by default
 * (Config.VarEscapeMode = html); templates use url_escape / js_escape
 * explicitly where they need another context.
 */
#ifndef JOURNAL_RENDER_H
#define JOURNAL_RENDER_H

struct req;

/* Render templates/<name> with r->hdf into r->body.  0 or -1 (logged). */
int	render(struct req *, const char *name);
/* The Russian error page for status into r->body; never fails. */
void	render_error(struct req *, int status, const char *incident);

#endif
