/*
 * hello: the benchmark ceiling.  The same library, loop and headers as
 * every screen, no session and no database: what a page costs beyond this
 * is the page's own work.  It answers only where the config enables it
 * (app.hello = 1: the test and benchmark stacks of scripts/stack.sh);
 * elsewhere it is a 404, so a school's site shows no stray page.
 */
#include "config.h"
#include "screen.h"

static int
hello_get(struct req *r)
{
	if (conf_int("app.hello", 0) != 1)
		return 404;
	buf_puts(&r->body, "<!DOCTYPE html><html lang=\"ru\"><head>"
	    "<meta charset=\"utf-8\"><title>Привет</title></head>"
	    "<body><p>Привет</p></body></html>\n");
	return 200;
}

static const struct screen screen = {
	.name = "hello",
	.methods = M_GET,
	.get = hello_get,
};

int
main(int argc, char *argv[])
{
	return screen_main(&screen, argc, argv);
}
