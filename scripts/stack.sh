#!/bin/sh
# A private, self-contained journal stack: MariaDB + Apache/mod_fcgid,
# nginx/fcgiwrap or nginx/spawn-fcgi, everything under one runtime directory
# VAR. No systemd.
#
#   VAR=/abs/dir [WEB_PORT=8080] [DB_PORT=3307] [SERVER=apache|nginx|spawn] [DEMO=1|0] \
#       [CGI_BINDIR=dir of the FastCGI programs, default ROOT/build/cgi-bin] \
#       [SPAWN_PROCS=FastCGI processes per screen under SERVER=spawn, default 2] \
#       [TODAY=YYYY-MM-DD: a fixed date for the program and the demo (tests)] \
#       [WARM_JOURNAL=mod_fcgid processes of /journal made at start, default 8] \
#       [PROFILE=small|district: the tuning profile (README, Tuning profiles):
#        pools, MariaDB connections and buffer pool; default district] \
#       sh scripts/stack.sh start|stop|status|db-start|db-stop|web-start|web-stop|warm
#   (warm: fill a running Apache's mod_fcgid pools again, e.g. after a graceful restart)
#
# SERVER: apache = Apache + mod_fcgid (processes on demand); nginx = nginx +
# fcgiwrap (plain CGI, a process per request); spawn = nginx + spawn-fcgi (a
# fixed number of persistent processes per screen, one socket per screen).
# WEB_PORT, DB_PORT, SERVER, CGI_BINDIR and SPAWN_PROCS are remembered in
# VAR/stack.env, so later commands need only VAR. Layout of VAR: db/ (datadir),
# run/ (sockets, pids; run/fcgi/ the spawn-fcgi sockets), log/, apache/, nginx/,
# journal.hdf (the application config of this stack), demo-accounts.tsv (demo
# logins and passwords).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
ME="stack"

say()  { printf '%s\n' "$ME: $*"; }
warn() { printf '%s\n' "$ME: ВНИМАНИЕ: $*" >&2; }
die()  { printf '%s\n' "$ME: ОШИБКА: $*" >&2; exit 1; }

usage() {
	cat >&2 <<EOF
usage: VAR=DIR [WEB_PORT=8080] [DB_PORT=3307] [SERVER=apache|nginx|spawn] [SPAWN_PROCS=2] [DEMO=1|0] $0 COMMAND
commands: start stop status db-start db-stop web-start web-stop warm
EOF
	exit 2
}

[ $# -eq 1 ] || usage
CMD=$1
[ -n "${VAR:-}" ] || die "не задан VAR (каталог стека), например VAR=$ROOT/var"
mkdir -p "$VAR"
VAR=$(cd "$VAR" && pwd -P)

# --- settings: environment, else VAR/stack.env, else defaults ----------------
ENVFILE=$VAR/stack.env
saved() { [ -r "$ENVFILE" ] && sed -n "s/^$1=//p" "$ENVFILE" | tail -n 1; return 0; }
WEB_PORT=${WEB_PORT:-$(saved WEB_PORT)}; WEB_PORT=${WEB_PORT:-8080}
DB_PORT=${DB_PORT:-$(saved DB_PORT)};    DB_PORT=${DB_PORT:-3307}
SERVER=${SERVER:-$(saved SERVER)};       SERVER=${SERVER:-apache}
BINDIR=${CGI_BINDIR:-$(saved CGI_BINDIR)}; BINDIR=${BINDIR:-$ROOT/build/cgi-bin}
SPAWN_PROCS=${SPAWN_PROCS:-$(saved SPAWN_PROCS)}; SPAWN_PROCS=${SPAWN_PROCS:-2}
PROFILE=${PROFILE:-$(saved PROFILE)}; PROFILE=${PROFILE:-district}
case $PROFILE in small|district) ;; *) die "PROFILE должен быть small или district: '$PROFILE'" ;; esac
# The profiles (README, Tuning profiles; doc/tuning.md has the measurements).
# The samples (conf/apache-journal.conf) carry the small one; the test and
# benchmark stacks run the district one, which their timings assume.
if [ "$PROFILE" = small ]; then
	DB_MAX_CONN=151 DB_POOL=256M FCGID_PER_CLASS=16 FCGID_MIN_PER_CLASS=2
	FCGID_MAX=120 FCGID_SCORE=20 AP_START=2 AP_THREADS=25 AP_WORKERS=150
	WARM_DEFAULT=1
else
	DB_MAX_CONN=1100 DB_POOL=128M FCGID_PER_CLASS=64 FCGID_MIN_PER_CLASS=64
	FCGID_MAX=1000 FCGID_SCORE=136 AP_START=2 AP_THREADS=64 AP_WORKERS=128
	WARM_DEFAULT=8
fi
WARM_JOURNAL=${WARM_JOURNAL:-$WARM_DEFAULT}
case $WARM_JOURNAL in ''|*[!0-9]*) die "WARM_JOURNAL должен быть числом: '$WARM_JOURNAL'" ;; esac
DEMO=${DEMO:-1}
# TODAY: the tests' fixed date (lib/clock.h), written into the stack's
# config with clock.settable; empty: the real date (make run).
TODAY=${TODAY-$(saved TODAY)}
case $TODAY in ''|[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]) ;; *) die "TODAY должен быть датой ГГГГ-ММ-ДД: '$TODAY'" ;; esac
case $WEB_PORT in ''|*[!0-9]*) die "WEB_PORT должен быть числом: '$WEB_PORT'" ;; esac
case $DB_PORT in ''|*[!0-9]*) die "DB_PORT должен быть числом: '$DB_PORT'" ;; esac
case $SERVER in apache|nginx|spawn) ;; *) die "SERVER должен быть apache, nginx или spawn: '$SERVER'" ;; esac
case $SPAWN_PROCS in ''|0*|*[!0-9]*) die "SPAWN_PROCS должен быть числом от 1: '$SPAWN_PROCS'" ;; esac
case $BINDIR in /*) ;; *) die "CGI_BINDIR должен быть абсолютным путём: '$BINDIR'" ;; esac

# --- paths --------------------------------------------------------------------
DB_DIR=$VAR/db
RUN=$VAR/run
LOG=$VAR/log
SOCK=$RUN/mysqld.sock
DB_PID=$RUN/mysqld.pid
AP_DIR=$VAR/apache
AP_CONF=$AP_DIR/httpd.conf
AP_PID=$AP_DIR/httpd.pid
NG_DIR=$VAR/nginx
NG_CONF=$NG_DIR/nginx.conf
NG_PID=$NG_DIR/nginx.pid
FW_SOCK=$RUN/fcgiwrap.sock
FW_PID=$RUN/fcgiwrap.pid
SP_DIR=$RUN/fcgi
APPCONF=$VAR/journal.hdf
DEMO_TOOL=$ROOT/build/tools/demo-school
HTDOCS=$ROOT/htdocs
TEMPLATES=$ROOT/templates
WWW_USER=www-data
TAB=$(printf '\t')
IS_ROOT=no; [ "$(id -u)" -eq 0 ] && IS_ROOT=yes

# --- small helpers ------------------------------------------------------------
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# True when PID is a live process (not a zombie) whose command name is $2 (if given).
# Daemons whose parent does not reap them stay as zombies: kill -0 is not enough.
alive() {
	[ -n "${1:-}" ] && [ -r "/proc/$1/stat" ] || return 1
	st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
	case $st in ''|Z|X|x) return 1 ;; esac
	if [ -n "${2:-}" ]; then
		[ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] || return 1
	fi
	return 0
}

# Print the pid from pid file $1 if that process is alive with command name $2.
pid_of() {
	[ -r "$1" ] || return 1
	p=$(tr -dc '0-9' <"$1" 2>/dev/null || true)
	alive "$p" "$2" || return 1
	printf '%s\n' "$p"
}

# Wait until none of the pids in $1 is alive; $2 = timeout in seconds.
wait_gone() {
	i=0
	while [ $i -lt $(($2 * 10)) ]; do
		left=
		for p in $1; do alive "$p" && left="$left $p"; done
		[ -z "$left" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# True when something accepts TCP connections on 127.0.0.1:$1 (perl-base has IO::Socket).
port_open() {
	perl -MIO::Socket::INET -e \
		'exit(IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $ARGV[0], Proto => "tcp", Timeout => 1) ? 0 : 1)' \
		"$1" 2>/dev/null
}

# Pids of live processes named $1 whose argument list contains the word $2.
pids_with_arg() {
	for d in /proc/[0-9]*; do
		p=${d#/proc/}
		[ "$(cat "$d/comm" 2>/dev/null)" = "$1" ] || continue
		args=$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null) || continue
		case " $args " in *" $2 "*) alive "$p" && printf '%s ' "$p" ;; esac
	done
	return 0
}

# Pids of live processes of this stack's application: programs from BINDIR whose
# environment has JOURNAL_CONF=VAR/journal.hdf (set by the web server config).
app_pids() {
	[ $IS_ROOT = yes ] || return 0
	for d in /proc/[0-9]*; do
		p=${d#/proc/}
		case $(readlink "$d/exe" 2>/dev/null) in "$BINDIR"/*) ;; *) continue ;; esac
		tr '\0' '\n' <"$d/environ" 2>/dev/null | grep -qxF "JOURNAL_CONF=$APPCONF" || continue
		alive "$p" && printf '%s ' "$p"
	done
	return 0
}

# Send $1 to the pids in $2, wait up to $3 s, then SIGKILL what is left.
stop_pids() {
	case $2 in *[0-9]*) ;; *) return 0 ;; esac
	# shellcheck disable=SC2086
	kill "-$1" $2 2>/dev/null || true
	wait_gone "$2" "$3" && return 0
	warn "процессы$(for p in $2; do alive "$p" && printf ' %s' "$p"; done) не завершились за $3 с, посылаю SIGKILL"
	# shellcheck disable=SC2086
	kill -KILL $2 2>/dev/null || true
	wait_gone "$2" 5 || die "не удалось остановить процессы: $2"
}

run_as_www() { setpriv --reuid=$WWW_USER --regid=$WWW_USER --init-groups -- "$@"; }

write_env() {
	printf 'WEB_PORT=%s\nDB_PORT=%s\nSERVER=%s\nCGI_BINDIR=%s\nSPAWN_PROCS=%s\nTODAY=%s\nPROFILE=%s\n' \
		"$WEB_PORT" "$DB_PORT" "$SERVER" "$BINDIR" "$SPAWN_PROCS" "$TODAY" "$PROFILE" >"$ENVFILE.tmp"
	mv -f "$ENVFILE.tmp" "$ENVFILE"
}

# Escape a string for the replacement side of sed s|...|...|.
sed_repl() { printf '%s' "$1" | sed 's/[\\&|]/\\&/g'; }

# Copy sample config $1 to $2 with the placeholders filled in.
subst() {
	sed -e "s|@BINDIR@|$(sed_repl "$BINDIR")|g" \
	    -e "s|@HTDOCS@|$(sed_repl "$HTDOCS")|g" \
	    -e "s|@CONF@|$(sed_repl "$APPCONF")|g" \
	    -e "s|@PORT@|$WEB_PORT|g" \
	    -e "s|@FCGIWRAP_SOCK@|$(sed_repl "$FW_SOCK")|g" \
	    -e "s|@SPAWN_DIR@|$(sed_repl "$SP_DIR")|g" "$1" >"$2.tmp"
	mv -f "$2.tmp" "$2"
}

mysql_root() { mariadb --no-defaults -S "$SOCK" -uroot --default-character-set=utf8mb4 "$@"; }

# --- the application config ---------------------------------------------------
# VAR/journal.hdf: the password is generated once and kept across restarts.
write_appconf() {
	mkdir -p "$LOG"
	[ -f "$ROOT/conf/journal.hdf" ] || warn "нет $ROOT/conf/journal.hdf: его включает $APPCONF"
	pw=
	[ -r "$APPCONF" ] && pw=$(sed -n 's/^db\.password = //p' "$APPCONF" | tail -n 1)
	case $pw in ????????????????????????) ;; *)
		pw=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24) ;;
	esac
	old_umask=$(umask)
	umask 027
	cat >"$APPCONF.tmp" <<EOF
#include "$ROOT/conf/journal.hdf"
db.socket = $SOCK
db.name = journal
db.user = journal
db.password = $pw
paths.templates = $TEMPLATES
paths.log = $LOG/journal.log
app.hello = 1
EOF
	[ -z "$TODAY" ] || printf 'clock.settable = 1\nclock.today = %s\n' "$TODAY" >>"$APPCONF.tmp"
	umask "$old_umask"
	chmod 0640 "$APPCONF.tmp"
	chgrp $WWW_USER "$APPCONF.tmp" 2>/dev/null || warn "не удалось назначить группу $WWW_USER файлу $APPCONF"
	mv -f "$APPCONF.tmp" "$APPCONF"
	[ -e "$LOG/journal.log" ] || : >"$LOG/journal.log"
	chmod 0666 "$LOG/journal.log"
	DB_PASSWORD=$pw
}

# The web workers run as www-data: they must traverse to the programs, the
# templates, the static files and VAR. Open (o+x) the ancestors that block it.
check_www_access() {
	[ $IS_ROOT = yes ] || return 0
	id $WWW_USER >/dev/null 2>&1 || die "нет пользователя $WWW_USER (он создаётся пакетом base-passwd)"
	opened=
	for dir in "$ROOT" "$BINDIR" "$TEMPLATES" "$HTDOCS" "$ROOT/conf" "$VAR" "$LOG" "$RUN"; do
		[ -d "$dir" ] || continue
		run_as_www test -x "$dir" && continue
		path=
		old_ifs=$IFS; IFS=/
		set -f
		for part in $dir; do
			[ -n "$part" ] || continue
			path=$path/$part
			if ! run_as_www test -x "$path"; then
				chmod o+x "$path"
				opened="$opened $path"
			fi
		done
		set +f
		IFS=$old_ifs
	done
	[ -z "$opened" ] || say "открыл проход (chmod o+x) для $WWW_USER к каталогам:$opened"
	for f in "$ROOT/conf/journal.hdf" "$APPCONF"; do
		[ -e "$f" ] || continue
		run_as_www test -r "$f" || warn "$WWW_USER не может прочитать $f"
	done
	if [ -d "$TEMPLATES" ] && [ -n "$(find "$TEMPLATES" ! -perm -o=r -print -quit 2>/dev/null)" ]; then
		warn "в $TEMPLATES есть файлы без права чтения для всех (нужно $WWW_USER)"
	fi
	return 0
}

# --- MariaDB ------------------------------------------------------------------
db_pid() { pid_of "$DB_PID" mariadbd; }

db_start() {
	if p=$(db_pid); then
		say "MariaDB уже работает (pid $p, сокет $SOCK)"
		return 0
	fi
	command -v mariadbd >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin
	command -v mariadbd >/dev/null 2>&1 || die "нет mariadbd: установите пакеты (sh scripts/deps.sh build run)"
	mkdir -p "$DB_DIR" "$RUN" "$LOG"
	t0=$(now)
	if [ ! -d "$DB_DIR/mysql" ]; then
		say "создаю каталог данных MariaDB в $DB_DIR"
		mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$DB_DIR" \
			--auth-root-authentication-method=normal --skip-test-db \
			>"$LOG/mariadb-install.log" 2>&1 || {
			tail -n 20 "$LOG/mariadb-install.log" >&2
			die "mariadb-install-db не удался (журнал: $LOG/mariadb-install.log)"
		}
	fi
	port_open "$DB_PORT" && die "порт $DB_PORT уже занят другим процессом; задайте другой DB_PORT"
	rm -f "$SOCK" "$DB_PID"
	# setsid: its own session, so a Ctrl-C in the calling terminal does not reach it.
	# max-connections: every FastCGI process keeps its own connection, and
	# mod_fcgid may run FcgidMaxProcesses of them (district: 1000; there the
	# default 151 made the fourth page's pool fail with "Too many
	# connections"; small: 120, under the default).
	# tmpdir: its own, not /tmp, where a cleaner (or a test's) deleting
	# files it does not know made a query fail with "Error on delete of
	# '/tmp/#sql-temptable-...'" (a page's 500).
	mkdir -p "$VAR/tmp"
	setsid mariadbd --no-defaults --user="$(id -un)" --datadir="$DB_DIR" --socket="$SOCK" \
		--port="$DB_PORT" --bind-address=127.0.0.1 --pid-file="$DB_PID" \
		--tmpdir="$VAR/tmp" \
		--log-error="$LOG/mariadb.log" --innodb-flush-log-at-trx-commit=1 \
		--max-connections=$DB_MAX_CONN --innodb-buffer-pool-size=$DB_POOL \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		</dev/null >>"$LOG/mariadb.log" 2>&1 &
	bg=$!
	i=0
	until mariadb-admin --no-defaults -S "$SOCK" -uroot --connect-timeout=2 ping >/dev/null 2>&1; do
		if ! alive "$bg" && ! db_pid >/dev/null; then
			tail -n 20 "$LOG/mariadb.log" >&2
			die "MariaDB не запустилась (журнал: $LOG/mariadb.log)"
		fi
		i=$((i + 1))
		[ $i -le 300 ] || die "MariaDB не ответила за 30 с (журнал: $LOG/mariadb.log)"
		sleep 0.1
	done
	write_env
	say "MariaDB запущена: порт $DB_PORT, сокет $SOCK ($(since "$t0") с)"
}

db_stop() {
	if ! p=$(db_pid); then
		say "MariaDB не запущена"
		rm -f "$SOCK" "$DB_PID"
		return 0
	fi
	mariadb-admin --no-defaults -S "$SOCK" -uroot shutdown >/dev/null 2>&1 || kill -TERM "$p" 2>/dev/null || true
	# A clean InnoDB shutdown may take a while with a big buffer pool; no SIGKILL.
	wait_gone "$p" 120 || die "MariaDB (pid $p) не остановилась за 120 с"
	rm -f "$SOCK" "$DB_PID"
	say "MariaDB остановлена"
}

# Create the database and its application user (idempotent); keep the
# password in sync with VAR/journal.hdf.
db_setup() {
	write_appconf
	mysql_root <<EOF || die "не удалось создать базу journal и пользователя"
CREATE DATABASE IF NOT EXISTS journal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'journal'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER 'journal'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT SELECT, INSERT, UPDATE, DELETE ON journal.* TO 'journal'@'localhost';
EOF
}

db_demo() {
	[ "$DEMO" = 1 ] || return 0
	n=$(mysql_root -N -B journal -e "SELECT COUNT(*) FROM school" 2>/dev/null) || {
		warn "нет таблицы school: демо-данные не загружены"
		return 0
	}
	[ "$n" = 0 ] || return 0
	if [ ! -x "$DEMO_TOOL" ]; then
		warn "нет $DEMO_TOOL (соберите: make all): демо-данные не загружены"
		return 0
	fi
	t0=$(now)
	# DEMO_ARGS: more options of the generator, e.g. the benchmark's
	# "--journal-until 2027-05-26" (scripts/bench/dataset.sh demo-args).
	# shellcheck disable=SC2086
	"$DEMO_TOOL" --out "$VAR" ${TODAY:+--today "$TODAY"} ${DEMO_ARGS:-} || die "генератор демо-данных завершился с ошибкой"
	[ -f "$VAR/demo.sql" ] || die "генератор не записал $VAR/demo.sql"
	mysql_root journal <"$VAR/demo.sql" || die "не удалось загрузить $VAR/demo.sql"
	[ ! -f "$VAR/demo-accounts.tsv" ] || chmod 0600 "$VAR/demo-accounts.tsv"
	say "демо-школа загружена ($(since "$t0") с)"
}

# --- Apache + mod_fcgid ---------------------------------------------------------
apache_pid() { pid_of "$AP_PID" apache2; }

apache_start() {
	command -v apache2 >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin
	command -v apache2 >/dev/null 2>&1 || die "нет apache2: sh scripts/deps.sh build run"
	[ -f /usr/lib/apache2/modules/mod_fcgid.so ] || die "нет mod_fcgid: sh scripts/deps.sh build run"
	mkdir -p "$AP_DIR/fcgid" "$AP_DIR/docroot" "$LOG"
	# mod_fcgid's process manager (as www-data) binds its sockets here; it chowns
	# the directory only when it creates it itself.
	[ $IS_ROOT = no ] || { chown $WWW_USER:$WWW_USER "$AP_DIR/fcgid" && chmod 0700 "$AP_DIR/fcgid"; }
	subst "$ROOT/conf/apache-journal.conf" "$AP_DIR/journal.conf"
	# The sample's pools are the small profile's; set this profile's.
	sed -i -e "s/^\([[:space:]]*FcgidMaxProcessesPerClass\) .*/\1 $FCGID_PER_CLASS/" \
	    -e "s/^\([[:space:]]*FcgidMinProcessesPerClass\) .*/\1 $FCGID_MIN_PER_CLASS/" "$AP_DIR/journal.conf"
	cat >"$AP_CONF.tmp" <<EOF
# Generated by scripts/stack.sh for the stack in $VAR; do not edit.
ServerRoot "/usr/lib/apache2"
ServerName 127.0.0.1
Listen 127.0.0.1:$WEB_PORT
PidFile "$AP_PID"
DefaultRuntimeDir "$AP_DIR"
ErrorLog "$LOG/apache-error.log"
# fcgid: info logs each process started and ended, debug also each spawn
# refused ("... skip the spawn request": a request then sleeps a second).
LogLevel warn fcgid:debug
User $WWW_USER
Group $WWW_USER
# A file mutex deadlocks with mod_fcgid under the event MPM.
Mutex pthread default

LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule mime_module modules/mod_mime.so
LoadModule alias_module modules/mod_alias.so
LoadModule dir_module modules/mod_dir.so
LoadModule headers_module modules/mod_headers.so
LoadModule rewrite_module modules/mod_rewrite.so
LoadModule fcgid_module modules/mod_fcgid.so

TypesConfig /etc/mime.types
# The last two fields: when the request started (ms since the epoch) and its
# time in the server (%D, microseconds), to check tail latency against the
# load generator.
LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" %{msec}t %D" journal
CustomLog "$LOG/apache-access.log" journal

ServerTokens Prod
ServerSignature Off
TraceEnable Off
Timeout 60
KeepAliveTimeout 5

# Request threads (district: two processes of 64; small: Debian's stock
# 25 per process, 150 in all).  The event MPM closes kept-alive
# connections whenever all its threads are busy (the clients reconnect and
# queue), so have more threads than clients at once; and a program's first
# burst, which makes its mod_fcgid pool, can be as wide as the threads.
StartServers $AP_START
ThreadsPerChild $AP_THREADS
MaxRequestWorkers $AP_WORKERS

# mod_fcgid: why these values is explained in conf/apache-journal.conf, which
# sets the per-program pool (FcgidMaxProcessesPerClass, FcgidMinProcessesPerClass:
# this profile's $FCGID_PER_CLASS and $FCGID_MIN_PER_CLASS) for its virtual
# host; here the server-wide part.
FcgidIPCDir "$AP_DIR/fcgid"
FcgidProcessTableFile "$AP_DIR/fcgid_shm"
# Room for every busy program's pool: at 128 (the former value) the fifth
# page of make bench (the login) got one process and waited 3 s per request.
# Every process keeps a MariaDB connection: max-connections is above this.
FcgidMaxProcesses $FCGID_MAX
# Each spawn adds FcgidSpawnScore (1) to a program's score, each exit
# FcgidTerminationScore (2), each second takes FcgidTimeScore (1) off, and
# nothing spawns above this limit (default 10: ten processes, then one a
# second): a burst must be able to spawn a whole pool of 64 at once; a
# program that crashes at start still stops spawning after ~70 tries.
FcgidSpawnScoreUpLimit $FCGID_SCORE
# The application answers 413 itself above 1 MiB; these are backstops
# (journal.conf repeats them for its virtual host).
LimitRequestBody 2097152
FcgidMaxRequestLen 2162688

# Nothing outside the journal's own URLs (an empty document root).
DocumentRoot "$AP_DIR/docroot"
<Directory />
    Options None
    AllowOverride None
    Require all denied
</Directory>
<Directory "$AP_DIR/docroot">
    Require all granted
</Directory>

Include "$AP_DIR/journal.conf"
EOF
	mv -f "$AP_CONF.tmp" "$AP_CONF"
	out=$(apache2 -f "$AP_CONF" -t 2>&1) || { printf '%s\n' "$out" >&2; die "ошибка в конфигурации Apache ($AP_CONF)"; }
	apache2 -f "$AP_CONF" -k start || {
		tail -n 20 "$LOG/apache-error.log" >&2 2>/dev/null || true
		die "Apache не запустился (журнал: $LOG/apache-error.log)"
	}
}

# Live processes running the program BINDIR/$1 (mod_fcgid's pool of a screen).
procs_of() {
	n=0
	for d in /proc/[0-9]*; do
		[ "$(readlink "$d/exe" 2>/dev/null)" = "$BINDIR/$1" ] && alive "${d#/proc/}" && n=$((n + 1))
	done
	echo $n
}

# Fill mod_fcgid's pools right after Apache starts, so that no request of a
# single user waits for a process.  mod_fcgid starts processes only on demand
# and, when none of a screen's processes is idle but one is busy, makes the
# request sleep a whole second before it asks for another; it spawns only if
# all are still busy then.  So a pool never grows from one user's requests
# of a few ms, and a cold burst of them makes a random number of processes
# (in this project 4-12 of 8-16 requests at once).  Hence, deterministically:
# - every screen: one request (nothing busy yet: the process starts at once,
#   without the sleep), so no first request of a screen waits for a start;
# - /journal, the one screen a single user calls many times at once (the grid
#   posts each cell without waiting, on up to 6 connections of a browser):
#   WARM_JOURNAL requests held busy until the pool has that many processes.
#   They carry a well-formed session cookie, so each blocks in its session
#   lookup while a root connection holds LOCK TABLES session WRITE; the held
#   ones make mod_fcgid spawn one process per request (after its one-second
#   sleep); then the lock is released and all answer (a redirect to /login).
# Processes stay: FcgidMinProcessesPerClass (journal.conf) is above these.
apache_warm() {
	t0=$(now)
	base=http://127.0.0.1:$WEB_PORT
	command -v curl >/dev/null 2>&1 || { warn "нет curl: пулы mod_fcgid не заполнены"; return 0; }
	# Wait for these curls only: a bare `wait` would also wait for the
	# MariaDB this same `start` put in the background (for ever).
	pids=
	for prog in "$BINDIR"/*; do
		[ -f "$prog" ] && [ -x "$prog" ] || continue
		name=${prog##*/}
		case $name in [a-z]*) curl -s -o /dev/null -m 20 "$base/$name" & pids="$pids $!" ;; esac
	done
	# shellcheck disable=SC2086
	[ -z "$pids" ] || wait $pids
	[ -x "$BINDIR/journal" ] && [ "$WARM_JOURNAL" -gt 1 ] || return 0
	if ! db_pid >/dev/null; then
		warn "MariaDB не запущена: пул /journal не заполнен"
		return 0
	fi
	sid=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA	# 43 characters: an id no session has
	tries=0
	while [ "$(procs_of journal)" -lt "$WARM_JOURNAL" ] && [ $tries -lt 3 ]; do
		tries=$((tries + 1))
		printf 'LOCK TABLES session WRITE;\nSELECT SLEEP(20) AS journal_warm;\n' |
			mysql_root journal >/dev/null 2>&1 &
		holder=$!
		i=0
		until [ -n "$(mysql_root -N -B -e "SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(20) AS journal_warm%'" 2>/dev/null)" ]; do
			i=$((i + 1)); [ $i -le 50 ] || break; sleep 0.1
		done
		k=0
		pids=$holder
		while [ $k -lt "$WARM_JOURNAL" ]; do
			curl -s -o /dev/null -m 30 -b "sid=$sid" "$base/journal" &
			pids="$pids $!"
			k=$((k + 1))
		done
		i=0
		until [ "$(procs_of journal)" -ge "$WARM_JOURNAL" ] || [ $i -ge 100 ]; do
			i=$((i + 1)); sleep 0.1
		done
		for id in $(mysql_root -N -B -e "SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(20) AS journal_warm%'" 2>/dev/null); do
			mysql_root -e "KILL CONNECTION $id" >/dev/null 2>&1 || true
		done
		# shellcheck disable=SC2086
		wait $pids
	done
	n=$(procs_of journal)
	[ "$n" -ge "$WARM_JOURNAL" ] || warn "пул /journal: $n процессов из $WARM_JOURNAL"
	say "пулы mod_fcgid заполнены: по процессу на экран, /journal $n ($(since "$t0") с)"
}

# --- nginx + fcgiwrap or spawn-fcgi ------------------------------------------------
nginx_pid() { pid_of "$NG_PID" nginx; }
fcgiwrap_pids() { pids_with_arg fcgiwrap "unix:$FW_SOCK"; }

# Pids of the live spawn-fcgi workers of this stack: those in the pid files
# spawn-fcgi wrote (one line per child) that still run a program of BINDIR.
spawn_pids() {
	for f in "$SP_DIR"/*.pid; do
		[ -r "$f" ] || continue
		for p in $(tr -dc '0-9\n' <"$f"); do
			case $(readlink "/proc/$p/exe" 2>/dev/null) in "$BINDIR"/*) ;; *) continue ;; esac
			alive "$p" && printf '%s ' "$p"
		done
	done
	return 0
}

# spawn-fcgi: SPAWN_PROCS persistent FastCGI processes per screen, all
# accepting on the screen's socket SP_DIR/<screen>.sock; the first free one
# takes the next request.  As root the processes run as www-data and the
# socket belongs to www-data (nginx's workers); otherwise all is ours.
spawn_start() {
	command -v spawn-fcgi >/dev/null 2>&1 || die "нет spawn-fcgi: sh scripts/deps.sh build run"
	stale=$(spawn_pids)
	[ -z "$stale" ] || stop_pids TERM "$stale" 5
	rm -rf "$SP_DIR"
	mkdir -p "$SP_DIR"
	own=
	[ $IS_ROOT = no ] || own="-u $WWW_USER -g $WWW_USER -U $WWW_USER -G $WWW_USER"
	: >>"$LOG/spawn-fcgi.log"
	n=0
	for prog in "$BINDIR"/*; do
		[ -f "$prog" ] && [ -x "$prog" ] || continue
		name=${prog##*/}
		case $name in [a-z]*) ;; *) continue ;; esac
		# A clean environment: the programs get only what a web server would
		# give them (JOURNAL_CONF), not the caller's.
		# shellcheck disable=SC2086
		setsid env -i PATH=/usr/bin:/bin JOURNAL_CONF="$APPCONF" \
			spawn-fcgi -s "$SP_DIR/$name.sock" -M 0660 $own -F "$SPAWN_PROCS" \
			-P "$SP_DIR/$name.pid" -- "$prog" </dev/null >>"$LOG/spawn-fcgi.log" 2>&1 ||
			die "spawn-fcgi не запустил $prog (журнал: $LOG/spawn-fcgi.log)"
		# spawn-fcgi ends its pid file without a newline: a text file (and
		# `read`, cat of several files) wants one.
		pf=$SP_DIR/$name.pid
		[ ! -s "$pf" ] || [ -z "$(tail -c 1 "$pf")" ] || echo >>"$pf"
		n=$((n + 1))
	done
	[ $n -gt 0 ] || warn "в $BINDIR нет программ: spawn-fcgi ничего не запустил"
}

nginx_start() {
	command -v nginx >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin
	command -v nginx >/dev/null 2>&1 || die "нет nginx: sh scripts/deps.sh build run"
	mkdir -p "$NG_DIR" "$RUN" "$LOG"
	if [ "$SERVER" = spawn ]; then
		spawn_start
		sample=$ROOT/conf/nginx-spawn-fcgi.conf
	else
		fcgiwrap_start
		sample=$ROOT/conf/nginx-journal.conf
	fi
	nginx_conf "$sample"
	nginx -p "$NG_DIR" -c "$NG_CONF" -e "$LOG/nginx-error.log" || {
		tail -n 20 "$LOG/nginx-error.log" >&2 2>/dev/null || true
		die "nginx не запустился (журнал: $LOG/nginx-error.log)"
	}
}

fcgiwrap_start() {
	command -v fcgiwrap >/dev/null 2>&1 || die "нет fcgiwrap: sh scripts/deps.sh build run"
	# fcgiwrap runs the programs as plain CGI, as www-data. It creates its socket
	# itself, so www-data needs to write to run/: group-writable and sticky (www-data
	# cannot remove root's files there). umask 000: nginx workers must connect.
	stale=$(fcgiwrap_pids)
	[ -z "$stale" ] || stop_pids TERM "$stale" 5
	rm -f "$FW_SOCK" "$FW_PID"
	fw=fcgiwrap
	if [ $IS_ROOT = yes ]; then
		chgrp $WWW_USER "$RUN" && chmod 1775 "$RUN"
		fw="setpriv --reuid=$WWW_USER --regid=$WWW_USER --init-groups fcgiwrap"
	fi
	: >>"$LOG/fcgiwrap.log"
	(
		umask 000
		# shellcheck disable=SC2086
		setsid $fw -c 4 -s "unix:$FW_SOCK" </dev/null >>"$LOG/fcgiwrap.log" 2>&1 &
		echo $! >"$FW_PID"
	)
	i=0
	until [ -S "$FW_SOCK" ]; do
		i=$((i + 1))
		[ $i -le 100 ] || die "fcgiwrap не создал сокет $FW_SOCK за 10 с (журнал: $LOG/fcgiwrap.log)"
		sleep 0.1
	done
	# The pid we recorded is fcgiwrap itself unless setsid had to fork: then look it up.
	if ! pid_of "$FW_PID" fcgiwrap >/dev/null; then
		for p in $(fcgiwrap_pids); do
			pp=$(sed -n 's/^PPid:[[:space:]]*//p' "/proc/$p/status")
			[ "$(cat "/proc/$pp/comm" 2>/dev/null)" = fcgiwrap ] || echo "$p" >"$FW_PID"
		done
	fi
}

# nginx.conf of this stack around the sample $1 (placeholders filled).
nginx_conf() {
	cp -f /etc/nginx/fastcgi_params "$NG_DIR/fastcgi_params"
	subst "$1" "$NG_DIR/journal.conf"
	user_line="# (not root: workers run as $(id -un))"
	[ $IS_ROOT = yes ] && user_line="user $WWW_USER;"
	cat >"$NG_CONF.tmp" <<EOF
# Generated by scripts/stack.sh for the stack in $VAR; do not edit.
$user_line
worker_processes auto;
pid $NG_PID;
error_log $LOG/nginx-error.log warn;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    # The last two fields: when the request ended (\$msec, seconds since the
    # epoch) and its time in the server (\$request_time, seconds, ms resolution),
    # to check tail latency against the load generator.
    log_format journal '\$remote_addr - \$remote_user [\$time_local] "\$request" '
                       '\$status \$body_bytes_sent "\$http_referer" "\$http_user_agent" '
                       '\$msec \$request_time';
    access_log $LOG/nginx-access.log journal;

    client_body_temp_path $NG_DIR/client_body_temp;
    proxy_temp_path $NG_DIR/proxy_temp;
    fastcgi_temp_path $NG_DIR/fastcgi_temp;
    uwsgi_temp_path $NG_DIR/uwsgi_temp;
    scgi_temp_path $NG_DIR/scgi_temp;

    # The application answers 413 itself above 1 MiB; this is a backstop.
    client_max_body_size 2m;
    sendfile on;
    keepalive_timeout 5;
    server_tokens off;

    include $NG_DIR/journal.conf;
}
EOF
	mv -f "$NG_CONF.tmp" "$NG_CONF"
	out=$(nginx -p "$NG_DIR" -c "$NG_CONF" -e "$LOG/nginx-error.log" -t 2>&1) || {
		printf '%s\n' "$out" >&2
		die "ошибка в конфигурации nginx ($NG_CONF)"
	}
}

running_server() {
	if apache_pid >/dev/null; then echo apache
	elif nginx_pid >/dev/null; then
		if [ -n "$(spawn_pids)" ]; then echo spawn; else echo nginx; fi
	fi
	return 0
}

web_start() {
	cur=$(running_server)
	if [ "$cur" = "$SERVER" ]; then
		say "веб-сервер $SERVER уже работает: http://127.0.0.1:$(saved WEB_PORT)/"
		return 0
	fi
	[ -z "$cur" ] || { say "останавливаю $cur, чтобы запустить $SERVER"; web_stop; }
	[ -r "$APPCONF" ] || write_appconf
	[ -d "$BINDIR" ] || warn "нет $BINDIR (соберите: make all): будут работать только статические файлы"
	port_open "$WEB_PORT" && die "порт $WEB_PORT уже занят другим процессом; задайте другой WEB_PORT"
	check_www_access
	t0=$(now)
	case $SERVER in
	apache) apache_start ;;
	nginx|spawn) nginx_start ;;
	esac
	i=0
	until port_open "$WEB_PORT"; do
		i=$((i + 1))
		if [ $i -gt 150 ]; then
			log=$LOG/nginx-error.log
			[ "$SERVER" = apache ] && log=$LOG/apache-error.log
			tail -n 20 "$log" >&2 2>/dev/null || true
			die "$SERVER не открыл порт $WEB_PORT за 15 с (журнал: $log)"
		fi
		sleep 0.1
	done
	write_env
	[ "$SERVER" != apache ] || apache_warm
	say "веб-сервер $SERVER запущен: http://127.0.0.1:$WEB_PORT/ ($(since "$t0") с)"
}

web_stop() {
	stopped=
	if p=$(apache_pid); then
		# SIGTERM: stop now (a graceful stop waits for idle connections).
		stop_pids TERM "$p" 30
		stopped="$stopped apache"
	fi
	rm -f "$AP_PID"
	if p=$(nginx_pid); then
		stop_pids TERM "$p" 30
		stopped="$stopped nginx"
	fi
	rm -f "$NG_PID"
	# fcgiwrap's -c children outlive their parent: stop the recorded pid and every
	# fcgiwrap serving this stack's socket.
	fw=$(fcgiwrap_pids)
	if p=$(pid_of "$FW_PID" fcgiwrap); then
		case " $fw " in *" $p "*) ;; *) fw="$p $fw" ;; esac
	fi
	if [ -n "$fw" ]; then
		stop_pids TERM "$fw" 10
		stopped="$stopped fcgiwrap"
	fi
	rm -f "$FW_PID" "$FW_SOCK"
	# spawn-fcgi's processes have no parent to stop them: their pid files list them.
	sp=$(spawn_pids)
	if [ -n "$sp" ]; then
		stop_pids TERM "$sp" 10
		stopped="$stopped spawn-fcgi($(echo $sp | wc -w))"
	fi
	rm -rf "$SP_DIR"
	# Left-over FastCGI/CGI programs of this stack (mod_fcgid normally stops them).
	left=$(app_pids)
	if [ -n "$left" ]; then
		stop_pids TERM "$left" 10
		stopped="$stopped программы($left)"
	fi
	if [ -n "$stopped" ]; then
		say "веб-сервер остановлен:$stopped"
	else
		say "веб-сервер не запущен"
	fi
}

# --- status ------------------------------------------------------------------------
status() {
	if p=$(db_pid); then
		say "MariaDB: работает, pid $p, порт $DB_PORT, сокет $SOCK"
	else
		say "MariaDB: остановлена"
	fi
	if p=$(apache_pid); then
		say "Apache: работает, pid $p, http://127.0.0.1:$WEB_PORT/"
	else
		say "Apache: остановлен"
	fi
	if p=$(nginx_pid); then
		say "nginx: работает, pid $p, http://127.0.0.1:$WEB_PORT/"
	else
		say "nginx: остановлен"
	fi
	fw=$(fcgiwrap_pids)
	if [ -n "$fw" ]; then
		say "fcgiwrap: работает, pids $fw(сокет $FW_SOCK)"
	else
		say "fcgiwrap: остановлен"
	fi
	sp=$(spawn_pids)
	[ -z "$sp" ] || say "spawn-fcgi: работает, $(echo $sp | wc -w) процессов (сокеты $SP_DIR/*.sock)"
	app=$(app_pids)
	[ -z "$app" ] || say "программы журнала: pids $app"
	if db_pid >/dev/null && [ -n "$(running_server)" ]; then
		say "стек работает"
	else
		say "стек остановлен или запущен не полностью"
		return 3
	fi
}

show_accounts() {
	f=$VAR/demo-accounts.tsv
	[ -f "$f" ] || return 0
	echo "Демо-учётные записи: $f"
	if command -v column >/dev/null 2>&1; then
		head -n 8 "$f" | column -t -s "$TAB" | sed 's/^/    /'
	else
		head -n 8 "$f" | sed 's/^/    /'
	fi
}

start() {
	cur=$(running_server)
	if db_pid >/dev/null && [ "$cur" = "$SERVER" ]; then
		port=$(saved WEB_PORT)
		say "Стек уже запущен / already running: http://127.0.0.1:$port/"
		show_accounts
		return 0
	fi
	t_all=$(now)
	db_start
	db_setup
	t1=$(now)
	VAR=$VAR sh "$ROOT/scripts/migrate.sh" || die "миграции не применены; стек не запущен полностью"
	say "миграции: $(since "$t1") с"
	db_demo
	web_start
	say "Журнал готов / ready: http://127.0.0.1:$WEB_PORT/ (всего $(since "$t_all") с)"
	show_accounts
}

stop() {
	web_stop
	db_stop
}

case $CMD in
start) start ;;
stop) stop ;;
status) status ;;
db-start) db_start ;;
db-stop) db_stop ;;
web-start) web_start ;;
web-stop) web_stop ;;
warm) apache_pid >/dev/null || die "Apache этого стека не запущен"; apache_warm ;;
-h|--help|help) usage ;;
*) usage ;;
esac
