#!/bin/sh
# What `make test` runs after building: a fresh test stack in var/test, all the
# tests against Apache + mod_fcgid, then the tests whose outcome depends on the
# web server again against nginx + fcgiwrap (NGINX_TESTS), a smoke test of
# nginx + spawn-fcgi, and the HTTP tests under the ASan build. The test stack is always stopped at the end, whatever happens.
#
# Extra arguments for prove can be given in PROVE_ARGS (e.g. PROVE_ARGS=-v).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
# Ports can be moved (TEST_PORT_BASE=8110 → 8110..8112, DB 3410) so that
# two checkouts on one machine can test at once.
VAR=$ROOT/var/test
if [ -n "${TEST_PORT_BASE:-}" ]; then
	APACHE_PORT=$TEST_PORT_BASE
	NGINX_PORT=$((TEST_PORT_BASE + 1))
	ASAN_PORT=$((TEST_PORT_BASE + 2))
	DB_PORT=$((TEST_PORT_BASE - 4700))
else
	DB_PORT=3308
	APACHE_PORT=8091
	NGINX_PORT=8092
	ASAN_PORT=8093
fi
# One fixed date for the whole run (lib/clock.h): the program, the demo and
# the tests' own SQL agree on it, so every test asserts the same thing on
# every day of the year.  Monday of the demo's second quarter.
TODAY=${JOURNAL_TODAY:-2026-11-23}
JOURNAL_TODAY=$TODAY
export VAR DB_PORT TODAY JOURNAL_TODAY
STACK="sh $ROOT/scripts/stack.sh"

say() { printf '%s\n' "test: $*"; }

stopped=no
cleanup() {
	[ $stopped = yes ] && return 0
	stopped=yes
	$STACK stop || say "не удалось остановить тестовый стек полностью: VAR=$VAR sh scripts/stack.sh status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# Leftovers of an earlier, interrupted run; then a fresh data directory.
if [ -d "$VAR" ]; then
	$STACK stop >/dev/null 2>&1 || $STACK stop
	rm -rf "$VAR"
fi
mkdir -p "$VAR"

SERVER=apache WEB_PORT=$APACHE_PORT DEMO=1 $STACK start

cd "$ROOT"
# prove each directory that exists (t/ may be partly written yet).
run_prove() {
	server=$1 port=$2
	shift 2
	dirs=
	for d in "$@"; do [ -e "$d" ] && dirs="$dirs $d"; done
	if [ -z "$dirs" ]; then
		say "нет тестов ($*)"
		return 1
	fi
	say "prove$dirs ($server, http://127.0.0.1:$port)"
	# shellcheck disable=SC2086
	JOURNAL_URL=http://127.0.0.1:$port JOURNAL_VAR=$VAR JOURNAL_ROOT=$ROOT \
	JOURNAL_SERVER=$server JOURNAL_CONF=$VAR/journal.hdf \
		prove -r ${PROVE_ARGS:-} $dirs
}

apache=FAIL
nginx=FAIL
if run_prove apache $APACHE_PORT t/; then apache=PASS; fi

$STACK web-stop
SERVER=nginx WEB_PORT=$NGINX_PORT $STACK web-start
# Under nginx + fcgiwrap what differs is the server and the process model
# (a process per request, plain CGI), not the screens' logic: the tests of
# what a server does to a request run again here (forms, cookies and
# sessions, redirects, body limits and uploads, a public POST, a database
# restart, every screen for every role, the grid's many small POSTs and
# the ones sent as the page is left), the rest ran under Apache above
# (2026-12-08: 57 files in 227 s before, these 15 in about 70 s).
NGINX_TESTS=${NGINX_TESTS:-"t/http/06-hello.t t/http/10-login.t t/http/20-session.t
  t/http/25-timeouts.t t/http/30-password.t t/http/31-first-password.t
  t/http/40-limits.t t/http/50-db-restart.t t/http/60-walk.t t/http/81-journal.t
  t/http/94-import.t t/http/99-delivery.t t/browser/login.t
  t/browser/journal-cells.t t/browser/import-progress.t"}
missing=
for f in $NGINX_TESTS; do [ -f "$f" ] || missing="$missing $f"; done
[ -z "$missing" ] || say "NGINX_TESTS называет файлы, которых нет:$missing"
# shellcheck disable=SC2086
if [ -z "$missing" ] && run_prove nginx $NGINX_PORT $NGINX_TESTS; then nginx=PASS; fi

# nginx + spawn-fcgi (persistent processes, as make bench runs it): a smoke
# test that it starts, serves a page and the login form, and stops.
spawn=FAIL
$STACK web-stop
if SERVER=spawn WEB_PORT=$NGINX_PORT $STACK web-start; then
	h=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/hello" || true)
	l=$(curl -s "http://127.0.0.1:$NGINX_PORT/login" | grep -c 'name="csrf"' || true)
	if [ "$h" = 200 ] && [ "$l" -ge 1 ]; then spawn=PASS; else say "spawn-fcgi: /hello $h, форма входа: $l"; fi
	pids=$(cat "$VAR"/run/fcgi/*.pid 2>/dev/null || true)
	[ -n "$pids" ] || { spawn=FAIL; say "spawn-fcgi: нет pid-файлов в $VAR/run/fcgi"; }
	$STACK web-stop
	left=
	for p in $pids; do
		[ -r "/proc/$p/stat" ] && [ "$(sed 's/.*) //' "/proc/$p/stat" | cut -d' ' -f1)" != Z ] && left="$left $p"
	done
	[ -z "$left" ] || { spawn=FAIL; say "spawn-fcgi: процессы остались после остановки:$left"; }
fi

# The HTTP tests once more against the AddressSanitizer/UBSan build served by
# mod_fcgid: each worker serves many requests, and when the web server stops
# them (SIGTERM) they exit cleanly, so LeakSanitizer reports anything a
# request left behind.  Any sanitizer report in the error log fails the run.
asan=skipped
if [ -n "${JOURNAL_ASAN_ROOT:-}" ] && [ -d "$JOURNAL_ASAN_ROOT/cgi-bin" ]; then
	asan=FAIL
	$STACK web-stop
	elog=$VAR/log/apache-error.log
	mark=$(wc -c <"$elog" 2>/dev/null || echo 0)
	SERVER=apache WEB_PORT=$ASAN_PORT CGI_BINDIR=$JOURNAL_ASAN_ROOT/cgi-bin $STACK web-start
	if run_prove apache $ASAN_PORT t/http; then asan=PASS; fi
	$STACK web-stop
	if tail -c +"$((mark + 1))" "$elog" | grep -E 'Sanitizer|runtime error' >/dev/null; then
		asan=FAIL
		say "отчёты санитайзеров в $elog:"
		tail -c +"$((mark + 1))" "$elog" | grep -E -A 30 'Sanitizer|runtime error' | head -n 80
	fi
fi

cleanup
say "итог: Apache+mod_fcgid (все тесты): $apache; nginx+fcgiwrap (зависящие от сервера): $nginx; nginx+spawn-fcgi (запуск, /hello, /login): $spawn; Apache+ASan/UBSan (t/http, утечки): $asan"
[ $apache = PASS ] && [ $nginx = PASS ] && [ $spawn = PASS ] && [ $asan != FAIL ]
