/*
 * csvimport.c: the frame of the CSV imports (csvimport.h).
 */
#include <string.h>

#include <sodium.h>

#include "csvimport.h"
#include "screen.h"
#include "util.h"
#include "valid.h"

enum csvimport_begin_res
csvimport_begin(const char *action, const char *commit_action,
    const struct field *file, const char *checksum,
    struct csvimport_step *step, const char **msg)
{
	unsigned char	 sum[crypto_hash_sha256_BYTES];

	memset(step, 0, sizeof(*step));
	*msg = NULL;
	if (action == NULL)
		return CSVI_BAD_ACTION;
	if (strcmp(action, "preview") == 0)
		step->commit = 0;
	else if (strcmp(action, commit_action) == 0)
		step->commit = 1;
	else
		return CSVI_BAD_ACTION;
	if (!file->ok) {
		*msg = "Выберите файл CSV.";
		return CSVI_REFUSED;
	}
	crypto_hash_sha256(sum, (const unsigned char *)file->raw,
	    file->rawlen);
	sodium_bin2hex(step->checksum, sizeof(step->checksum), sum,
	    sizeof(sum));
	if (step->commit && checksum == NULL) {
		*msg = "Сначала проверьте файл: кнопка «Проверить файл».";
		return CSVI_REFUSED;
	}
	if (step->commit && strcmp(checksum, step->checksum) != 0) {
		*msg = "Это не тот файл, что был проверен, или он изменился "
		    "после проверки: проверьте его заново.";
		return CSVI_REFUSED;
	}
	return CSVI_OK;
}

const char *
csvimport_fatal(struct arena *a, enum csv_res res, size_t line,
    const char *header, const char *rows, size_t max, const char *what,
    const char *why)
{
	switch (res) {
	case CSV_OK:
		return NULL;
	case CSV_EMPTY:
		return arena_printf(a, "Файл пуст: в первой строке должны быть "
		    "названия столбцов (%s), ниже — %s в строке.", header,
		    rows);
	case CSV_ENCODING:
		return "Файл не похож на CSV в кодировке UTF-8 или "
		    "Windows-1251 (может быть, это .xlsx). В Excel выберите "
		    "«Сохранить как» → «CSV (разделители — точки с запятой)».";
	case CSV_QUOTE:
		return arena_printf(a, "Строка %zu: кавычка открыта и не "
		    "закрыта до конца файла.", line);
	case CSV_TOO_MANY:
		return arena_printf(a, "В файле больше %zu %s%s%s.", max, what,
		    why != NULL ? ": " : "", why != NULL ? why : "");
	}
	return "Файл не прочитан.";
}

const char **
csvimport_row_errors(struct arena *a, const void *rows, size_t nrows,
    size_t row_size, size_t error_off)
{
	const char	**v = NULL, *e;
	size_t		 i, n = 0;

	for (i = 0; i < nrows; i++) {
		memcpy(&e, (const char *)rows + i * row_size + error_off,
		    sizeof(e));
		if (e == NULL)
			continue;
		v = arena_grow(a, v, n, sizeof(*v));
		v[n++] = e;
	}
	return v;
}

int
csvimport_preview(struct req *r, const struct csvimport_step *step,
    const struct csvimport_head *h, const char *const *errors, size_t shown)
{
	size_t	 i;

	if (step->commit && h->fatal == NULL && h->nerrors == 0)
		return 1;
	req_set(r, "Preview.Show", "1");
	req_set(r, "Preview.checksum", step->checksum);
	if (step->commit)
		req_set(r, "Preview.refused", "1");
	if (h->fatal != NULL) {
		req_set(r, "Preview.fatal", h->fatal);
		return 0;
	}
	req_setf(r, "Preview.total", "%zu", h->nrows);
	req_setf(r, "Preview.nerrors", "%zu", h->nerrors);
	req_set(r, "Preview.encoding", csv_encoding_name(h->csv.cp1251));
	req_set(r, "Preview.sep", csv_sep_name(h->csv.sep));
	for (i = 0; i < h->nerrors; i++)
		req_set(r, arena_printf(&r->arena, "Preview.Errors.%zu", i),
		    errors[i]);
	for (i = 0; i < h->nwarnings; i++)
		req_set(r, arena_printf(&r->arena, "Preview.Warnings.%zu", i),
		    h->warnings[i]);
	if (h->nrows > shown)
		req_setf(r, "Preview.more", "%zu", h->nrows - shown);
	return 0;
}
