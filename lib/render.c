/*
 * render.c: templates are read from paths.templates.  The whole page is
 * rendered into a buffer first, so an error half-way gives a clean error
 * page instead of half a page.
 */
#include <stdio.h>
#include <string.h>

#include <ClearSilver.h>

#include "screen.h"
#include "log.h"
#include "render.h"

static NEOERR *
out_cb(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

static void
log_neoerr(const char *what, NEOERR *err)
{
	STRING	 s;

	string_init(&s);
	nerr_error_string(err, &s);
	log_msg("render %s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

int
render(struct req *r, const char *name)
{
	CSPARSE	*cs = NULL;
	NEOERR	*err;
	size_t	 start = r->body.len;

	err = hdf_set_value(r->hdf, "Config.VarEscapeMode", "html");
	if (err == STATUS_OK)
		err = cs_init(&cs, r->hdf);
	if (err == STATUS_OK)
		err = cgi_register_strfuncs(cs);
	if (err == STATUS_OK)
		err = cs_parse_file(cs, name);
	if (err == STATUS_OK)
		err = cs_render(cs, &r->body, out_cb);
	cs_destroy(&cs);
	if (err != STATUS_OK) {
		log_neoerr(name, err);
		r->body.len = start;
		return -1;
	}
	return 0;
}

static const char *
title_of(int status)
{
	switch (status) {
	case 400: return "Неверный запрос";
	case 403: return "Доступ запрещён";
	case 404: return "Страница не найдена";
	case 405: return "Метод не поддерживается";
	case 409: return "Конфликт изменений";
	case 413: return "Слишком большой запрос";
	case 429: return "Слишком много запросов";
	case 503: return "Сервис временно недоступен";
	default:  return "Внутренняя ошибка";
	}
}

static const char *
text_of(int status)
{
	switch (status) {
	case 400: return "Запрос содержит ошибку: недопустимые символы, "
	    "повторённые или слишком длинные поля. Вернитесь назад и "
	    "проверьте введённые данные.";
	case 403: return "У вас нет прав на эту страницу или действие. Если "
	    "вы отправляли форму, обновите страницу и попробуйте ещё раз.";
	case 404: return "Такой страницы нет. Проверьте адрес или вернитесь "
	    "на главную.";
	case 405: return "Эта страница не принимает такой запрос.";
	case 409: return "Данные успели изменить в другом окне или другой "
	    "пользователь. Обновите страницу и проверьте их.";
	case 413: return "Отправленные данные слишком велики: допускается "
	    "не более 1 МБ. Уменьшите файл или разбейте его на части.";
	case 429: return "Слишком много попыток. Подождите и попробуйте "
	    "снова.";
	case 503: return "База данных журнала сейчас недоступна. Попробуйте "
	    "обновить страницу через минуту; введённые данные не сохранены.";
	default:  return "Произошла внутренняя ошибка. Ваши данные не "
	    "сохранены. Сообщите администратору номер обращения.";
	}
}

void
render_error(struct req *r, int status, const char *incident)
{
	r->body.len = 0;
	req_setf(r, "Error.Status", "%d", status);
	req_set(r, "Error.Title", title_of(status));
	/* The request flow may have said more precisely why (screen.c). */
	if (req_get(r, "Error.Text", NULL) == NULL)
		req_set(r, "Error.Text", text_of(status));
	req_set(r, "Page.Title", title_of(status));
	if (incident != NULL)
		req_set(r, "Error.Incident", incident);
	if (render(r, "error.cs") == 0)
		return;
	/* The templates themselves are broken: a page without them. */
	buf_reset(&r->body);
	buf_printf(&r->body, "<!DOCTYPE html><html lang=\"ru\"><head>"
	    "<meta charset=\"utf-8\"><title>%s</title></head><body><h1>%s</h1>"
	    "<p>%s</p>", title_of(status), title_of(status), text_of(status));
	if (incident != NULL)
		buf_printf(&r->body, "<p>Номер обращения: %s</p>", incident);
	buf_puts(&r->body, "</body></html>\n");
}
