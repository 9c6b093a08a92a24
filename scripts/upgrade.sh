#!/bin/sh
# Upgrade an installed journal, in the one order that never serves a 500:
#   1. back up the database (mariadb-dump --single-transaction: a consistent
#      copy without stopping the site) to a dated file in BACKUP_DIR;
#   2. apply the new migrations (scripts/migrate.sh) while the OLD programs
#      still serve: migrations only add (tables, columns with defaults, keys,
#      triggers that fill new columns), so the old programs work on the new
#      schema; the reverse is not true (a new program on the old schema
#      prepares statements naming what is not there yet: 500);
#   3. from a source tree: `make install` (the new programs, templates,
#      samples; the admin's journal.hdf is never overwritten);
#   4. list the config keys the new sample has and the installed config
#      lacks, with the sample's values (the file itself is not touched: the
#      program uses the built-in default of a missing key);
#   5. restart the FastCGI workers, so none keeps serving an old, deleted
#      binary: Apache + mod_fcgid `apache2ctl graceful` (mod_fcgid stops all
#      its processes and starts new ones on demand); spawn-fcgi: new
#      processes on a new socket moved over the old one, then the old ones
#      stopped; fcgiwrap / plain CGI: nothing (a process per request).
#
# From the new source tree, after `make all`, as root:
#   sh scripts/upgrade.sh
# Installed (PREFIX/sbin/journal-upgrade; no install step), e.g. after a
# package upgrade:
#   journal-upgrade
#
# Settings (environment):
#   PREFIX=/usr/local  SYSCONFDIR=$PREFIX/etc (/etc for /usr)  as for make install
#   CONF=$SYSCONFDIR/journal/journal.hdf       the installed config
#   BACKUP_DIR=/var/backups/journal            where the dumps go (0700)
#   MYSQL_OPTS="..."  options of the mariadb client for a user that may
#       dump and migrate (e.g. --defaults-extra-file=/etc/journal/migrate.cnf,
#       or "-uroot -p": the password is then asked once for all steps,
#       from the terminal or one line of stdin);
#       or VAR=DIR: a scripts/stack.sh stack (root over its socket)
#   DB_NAME     default: db.name of CONF, else journal
#   WORKERS=auto|apache|spawn|fcgiwrap|none    auto: what runs BINDIR's programs
#   BINDIR=$PREFIX/lib/journal/cgi-bin         the installed programs
#   APACHE_RESTART="apache2ctl graceful"
#   SPAWN_DIR=/run/journal-fcgi   spawn-fcgi's sockets and pid files,
#                   <screen>.sock/.pid (as the installed nginx-spawn-fcgi.conf)
#   INSTALL=auto|0|1   auto: 1 when run from a source tree
#   DRY_RUN=1   make the backup and list the keys; only say what the
#               migrations, the install and the restart would do
set -eu

ME=upgrade
say()  { printf '%s\n' "$ME: $*"; }
warn() { printf '%s\n' "$ME: ВНИМАНИЕ: $*" >&2; }
die()  { printf '%s\n' "$ME: ОШИБКА: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

HERE=$(cd "$(dirname "$0")" && pwd -P)
# A source tree (scripts/upgrade.sh) or an installation (PREFIX/sbin/journal-upgrade).
if [ -f "$HERE/../Makefile" ] && [ -d "$HERE/../sql" ]; then
	SRC=$(cd "$HERE/.." && pwd -P)
	PREFIX=${PREFIX:-/usr/local}
	SQLDIR=$SRC/sql
	MIGRATE=$SRC/scripts/migrate.sh
	SAMPLE=${SAMPLE:-$SRC/conf/journal.hdf}
else
	SRC=
	PREFIX=${PREFIX:-$(cd "$HERE/.." && pwd -P)}
	SQLDIR=$PREFIX/share/journal/sql
	MIGRATE=$PREFIX/share/journal/scripts/migrate.sh
	SAMPLE=${SAMPLE:-$PREFIX/share/journal/conf/journal.hdf.sample}
fi
# As the Makefile: /etc for PREFIX=/usr, else PREFIX/etc.
case $PREFIX in /usr|/usr/) SYSCONFDIR=${SYSCONFDIR:-/etc} ;; *) SYSCONFDIR=${SYSCONFDIR:-$PREFIX/etc} ;; esac
CONF=${CONF:-$SYSCONFDIR/journal/journal.hdf}
BINDIR=${BINDIR:-$PREFIX/lib/journal/cgi-bin}
BACKUP_DIR=${BACKUP_DIR:-/var/backups/journal}
WORKERS=${WORKERS:-auto}
APACHE_RESTART=${APACHE_RESTART:-apache2ctl graceful}
SPAWN_DIR=${SPAWN_DIR:-/run/journal-fcgi}
INSTALL=${INSTALL:-auto}
DRY_RUN=${DRY_RUN:-0}
case $WORKERS in auto|apache|spawn|fcgiwrap|none) ;; *) die "WORKERS: auto, apache, spawn, fcgiwrap или none, не '$WORKERS'" ;; esac
case $INSTALL in auto) [ -n "$SRC" ] && INSTALL=1 || INSTALL=0 ;; 0|1) ;; *) die "INSTALL: auto, 0 или 1, не '$INSTALL'" ;; esac
[ "$INSTALL" = 0 ] || [ -n "$SRC" ] || die "INSTALL=1 возможен только из дерева исходников (scripts/upgrade.sh)"
[ -f "$MIGRATE" ] || die "нет $MIGRATE"
[ -f "$SAMPLE" ] || die "нет образца конфигурации $SAMPLE"
[ -r "$CONF" ] || die "нет установленной конфигурации $CONF (задайте CONF=...)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/journal-upgrade.XXXXXX")
trap '[ -z "${TTYSAVE:-}" ] || stty "$TTYSAVE" 2>/dev/null; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

# --- the config as flat "key<TAB>value" lines ----------------------------------
# HDF: `key = value`, `name {` ... `}` nesting (dotted keys), `key << END`
# multi-line values, `#` comments, `#include "file"` (relative: to the file).
hdf_expand() {
	[ "$2" -le 8 ] || die "слишком глубокие #include в $1"
	dir=$(dirname "$1")
	while IFS= read -r l || [ -n "$l" ]; do
		case $l in
		'#include '*|'#include	'*)
			inc=$(printf '%s' "$l" | sed 's/^#include[[:space:]]*"\{0,1\}//; s/"[[:space:]]*$//')
			case $inc in /*) ;; *) inc=$dir/$inc ;; esac
			if [ -r "$inc" ]; then
				hdf_expand "$inc" $(($2 + 1))
				dir=$(dirname "$1")
			else
				warn "не найден $inc (#include в $1)"
			fi ;;
		*) printf '%s\n' "$l" ;;
		esac
	done <"$1"
}
hdf_flat() {
	hdf_expand "$1" 0 | awk '
	function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
	heredoc != "" {
		if (trim($0) == heredoc) { print key "\t" val; heredoc = "" }
		else val = val (val == "" ? "" : "\\n") $0
		next
	}
	{ t = trim($0) }
	t == "" || t ~ /^#/ { next }
	t == "}" { if (depth > 0) prefix = stack[--depth]; next }
	t ~ /\{$/ {
		stack[depth++] = prefix
		prefix = prefix trim(substr(t, 1, length(t) - 1)) "."
		next
	}
	t ~ /^[^=]*<</ {
		key = prefix trim(substr(t, 1, index(t, "<<") - 1))
		heredoc = trim(substr(t, index(t, "<<") + 2)); val = ""
		next
	}
	index(t, "=") > 0 {
		print prefix trim(substr(t, 1, index(t, "=") - 1)) "\t" trim(substr(t, index(t, "=") + 1))
	}'
}
# The last value of a key (later lines override earlier ones, as in HDF).
conf_value() { hdf_flat "$1" | awk -F '\t' -v k="$2" '$1 == k { v = $2 } END { print v }'; }

# --- the database connection --------------------------------------------------------
# As scripts/migrate.sh does: a bare -p (or --password) is asked once, from
# the terminal or one line of stdin, and -pSECRET is taken off the command
# line; the password goes to a private option file (which includes the
# caller's own option files) given to every client call of the upgrade,
# mariadb-dump's and migrate.sh's alike.
. "$(dirname "$MIGRATE")/dbconn.sh"
db_conn "$TMP/client.cnf"
# migrate.sh gets the same connection (its own db_conn keeps it as is).
MYSQL_OPTS=$CONN
export MYSQL_OPTS
DB_NAME=${DB_NAME:-$(conf_value "$CONF" db.name)}
DB_NAME=${DB_NAME:-journal}
export DB_NAME

t_all=$(now)

# --- 1. the backup ----------------------------------------------------------------------
mkdir -p "$BACKUP_DIR"
chmod 0700 "$BACKUP_DIR"
stamp=$(date +%Y%m%d-%H%M%S)
BACKUP=$BACKUP_DIR/$DB_NAME-$stamp.sql.gz
i=1
while [ -e "$BACKUP" ]; do BACKUP=$BACKUP_DIR/$DB_NAME-$stamp-$i.sql.gz; i=$((i + 1)); done
t0=$(now)
say "1/5 резервная копия базы $DB_NAME → $BACKUP"
# --single-transaction: one consistent snapshot of the InnoDB tables while
# the site keeps working; --triggers (the audit's), no events and no
# tablespaces (need privileges a hosting account lacks).
# shellcheck disable=SC2086
if ! (umask 077; mariadb-dump $CONN --single-transaction --quick --triggers \
    --no-tablespaces --default-character-set=utf8mb4 "$DB_NAME" >"$TMP/dump.sql"); then
	die "mariadb-dump не удался: ничего не изменено"
fi
tail -n 1 "$TMP/dump.sql" | grep -q '^-- Dump completed' || die "дамп неполон (нет строки «Dump completed»): ничего не изменено"
(umask 077; gzip -c "$TMP/dump.sql" >"$BACKUP.tmp") && mv -f "$BACKUP.tmp" "$BACKUP"
rm -f "$TMP/dump.sql"
say "    готово: $(wc -c <"$BACKUP") байт, $(since "$t0") с; восстановить: gunzip -c $BACKUP | mariadb ... $DB_NAME"

# --- 2. the migrations --------------------------------------------------------------------
t0=$(now)
if [ "$DRY_RUN" = 1 ]; then
	say "2/5 (проба) миграции из $SQLDIR: sh $MIGRATE"
else
	say "2/5 миграции из $SQLDIR (работающие программы продолжают обслуживать)"
	SQLDIR=$SQLDIR sh "$MIGRATE" ||
		die "миграции не применены; программы не заменены. Исправьте причину и запустите снова; копия базы до обновления: $BACKUP"
	say "    $(since "$t0") с"
fi

# --- 3. the install ---------------------------------------------------------------------------
if [ "$INSTALL" = 1 ]; then
	if [ "$DRY_RUN" = 1 ]; then
		say "3/5 (проба) make -C $SRC install PREFIX=$PREFIX SYSCONFDIR=$SYSCONFDIR"
	else
		say "3/5 установка новых программ: make install PREFIX=$PREFIX"
		make -C "$SRC" install PREFIX="$PREFIX" SYSCONFDIR="$SYSCONFDIR" >"$TMP/install.log" 2>&1 || {
			tail -n 20 "$TMP/install.log" >&2
			die "make install не удался; база уже обновлена (старые программы с ней работают)"
		}
	fi
else
	say "3/5 установка: пропущена (программы уже установлены)"
fi

# --- 4. new config keys ---------------------------------------------------------------------------
say "4/5 ключи конфигурации: образец $SAMPLE, установленный файл $CONF"
hdf_flat "$SAMPLE" | sort -t "$(printf '\t')" -k1,1 -u >"$TMP/sample.keys"
hdf_flat "$CONF" | sort -t "$(printf '\t')" -k1,1 -u >"$TMP/conf.keys"
missing=$(awk -F '\t' 'NR == FNR { have[$1] = 1; next } !($1 in have) { print "    " $1 " = " $2 }' "$TMP/conf.keys" "$TMP/sample.keys")
unknown=$(awk -F '\t' 'NR == FNR { have[$1] = 1; next } !($1 in have) { print "    " $1 }' "$TMP/sample.keys" "$TMP/conf.keys")
if [ -n "$missing" ]; then
	say "    в $CONF нет ключей нового образца (действуют значения по умолчанию; файл не изменён, добавьте нужные сами):"
	printf '%s\n' "$missing"
else
	say "    все ключи образца есть в $CONF"
fi
[ -z "$unknown" ] || { say "    ключи $CONF, которых нет в образце (устарели или опечатка):"; printf '%s\n' "$unknown"; }

# --- 5. the workers -----------------------------------------------------------------------------------
# Live processes running a program of BINDIR, old (deleted) or new.
alive() {
	[ -r "/proc/$1/stat" ] || return 1
	case $(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) in ''|Z|X|x) return 1 ;; esac
}
workers() {
	for d in /proc/[0-9]*; do
		case $(readlink "$d/exe" 2>/dev/null) in "$BINDIR"/*) alive "${d#/proc/}" && printf '%s ' "${d#/proc/}" ;; esac
	done
	return 0
}
stale() {
	for d in /proc/[0-9]*; do
		case $(readlink "$d/exe" 2>/dev/null) in "$BINDIR"/*" (deleted)") alive "${d#/proc/}" && printf '%s ' "${d#/proc/}" ;; esac
	done
	return 0
}
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

old=$(workers)
if [ "$WORKERS" = auto ]; then
	WORKERS=none
	if [ -n "$SPAWN_DIR" ] && ls "$SPAWN_DIR"/*.pid >/dev/null 2>&1; then
		WORKERS=spawn
	else
		for p in $old; do
			pp=$(sed -n 's/^PPid:[[:space:]]*//p' "/proc/$p/status" 2>/dev/null)
			case $(cat "/proc/$pp/comm" 2>/dev/null) in
			apache2|httpd) WORKERS=apache; break ;;
			fcgiwrap) WORKERS=fcgiwrap ;;
			*) [ "$WORKERS" = fcgiwrap ] || WORKERS=spawn-unknown ;;
			esac
		done
	fi
	[ "$WORKERS" != spawn-unknown ] || die "работают процессы $old программ $BINDIR (не Apache): если это spawn-fcgi, задайте SPAWN_DIR (каталог его сокетов и pid-файлов)"
fi
[ "$(id -u)" -eq 0 ] || warn "не root: процессы других пользователей не видны"

t0=$(now)
case $WORKERS in
none)
	say "5/5 рабочих процессов $BINDIR не найдено: перезапускать нечего" ;;
fcgiwrap)
	say "5/5 fcgiwrap (обычный CGI): каждый запрос запускает программу заново, перезапуск не нужен" ;;
apache)
	if [ "$DRY_RUN" = 1 ]; then
		say "5/5 (проба) $APACHE_RESTART: заменил бы процессы $(echo "$old" | wc -w)"
	else
		say "5/5 Apache + mod_fcgid: $APACHE_RESTART (процессов: $(echo "$old" | wc -w))"
		# shellcheck disable=SC2086
		$APACHE_RESTART || die "'$APACHE_RESTART' не удался"
		# mod_fcgid stops its processes when Apache restarts; wait for it.
		wait_gone "$old" 30 || die "после перезапуска Apache за 30 с не завершились процессы:$left"
		say "    старые процессы завершены за $(since "$t0") с; новые запускаются при первых запросах"
	fi ;;
spawn)
	[ -n "$SPAWN_DIR" ] && [ -d "$SPAWN_DIR" ] || die "для spawn-fcgi задайте SPAWN_DIR (каталог сокетов и pid-файлов)"
	if [ "$DRY_RUN" = 1 ]; then
		say "5/5 (проба) spawn-fcgi: перезапустил бы программы по $SPAWN_DIR/*.pid"
	else
		say "5/5 spawn-fcgi: новые процессы на новом сокете, затем остановка старых ($SPAWN_DIR)"
		n=0
		for pf in "$SPAWN_DIR"/*.pid; do
			[ -f "$pf" ] || continue
			name=$(basename "$pf" .pid)
			pids=
			for p in $(tr -dc '0-9\n' <"$pf"); do alive "$p" && pids="$pids $p"; done
			[ -n "$pids" ] || { warn "$pf: живых процессов нет, пропускаю $name"; continue; }
			# shellcheck disable=SC2086
			set -- $pids
			first=$1
			count=$#
			exe=$(readlink "/proc/$first/exe")
			prog=${exe% (deleted)}
			[ -x "$prog" ] || die "нет программы $prog (процесс $first)"
			conf=$(tr '\0' '\n' <"/proc/$first/environ" | sed -n 's/^JOURNAL_CONF=//p')
			# As root: the old processes' user and group, the socket's
			# owner (spawn-fcgi takes names and never switches to root).
			own=
			if [ "$(id -u)" -eq 0 ]; then
				u=$(awk '/^Uid:/ { print $2 }' "/proc/$first/status")
				g=$(awk '/^Gid:/ { print $2 }' "/proc/$first/status")
				[ "$u" = 0 ] || own="-u $(id -nu "$u") -g $(getent group "$g" | cut -d: -f1)"
				su=$(stat -c %U "$SPAWN_DIR/$name.sock" 2>/dev/null || echo root)
				sg=$(stat -c %G "$SPAWN_DIR/$name.sock" 2>/dev/null || echo root)
				[ "$su" = root ] || own="$own -U $su"
				[ "$sg" = root ] || own="$own -G $sg"
			fi
			mode=$(stat -c %a "$SPAWN_DIR/$name.sock" 2>/dev/null || echo 660)
			new=$SPAWN_DIR/.$name.new
			rm -f "$new.sock" "$new.pid"
			# shellcheck disable=SC2086
			setsid env -i PATH=/usr/bin:/bin ${conf:+JOURNAL_CONF="$conf"} \
				spawn-fcgi -s "$new.sock" -M "0$mode" $own -F "$count" -P "$new.pid" -- "$prog" \
				</dev/null >"$TMP/spawn.log" 2>&1 || { cat "$TMP/spawn.log" >&2; die "spawn-fcgi не запустил $prog"; }
			[ -z "$(tail -c 1 "$new.pid")" ] || echo >>"$new.pid"
			# rename(2): nginx's next connect finds the new processes; the
			# old ones finish what they accepted and exit on SIGTERM.
			mv -f "$new.sock" "$SPAWN_DIR/$name.sock"
			mv -f "$new.pid" "$pf"
			# shellcheck disable=SC2086
			kill -TERM $pids 2>/dev/null || true
			# shellcheck disable=SC2086
			wait_gone "$pids" 10 || { warn "$name: процессы$left не завершились за 10 с, SIGKILL"; kill -KILL $left 2>/dev/null || true; }
			n=$((n + 1))
		done
		say "    перезапущено программ: $n за $(since "$t0") с"
	fi ;;
esac

if [ "$DRY_RUN" != 1 ]; then
	left=$(stale)
	[ -z "$left" ] || die "процессы со старыми (удалёнными) программами ещё работают: $left"
fi
say "обновление завершено за $(since "$t_all") с; резервная копия: $BACKUP"
