#!/bin/sh
# Apply the schema migrations sql/NNN_name.sql that the database does not have yet.
#
# A local stack (scripts/stack.sh): connects as root over VAR/run/mysqld.sock.
#   VAR=/path/to/var sh scripts/migrate.sh
# A hosting deployment: give the mariadb client options yourself, for an
# account with SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX,
# REFERENCES, CREATE VIEW, TRIGGER on the database (the application's own
# account needs only SELECT, INSERT, UPDATE, DELETE):
#   MYSQL_OPTS="--defaults-extra-file=/etc/journal/migrate.cnf" DB_NAME=journal \
#       sh scripts/migrate.sh
#   MYSQL_OPTS="-ujournal_owner -p" sh scripts/migrate.sh
# A bare -p or --password in MYSQL_OPTS makes this script ask for the
# password once (from the terminal, or one line of stdin when stdin is not
# a terminal) and hand it to every client call through a temporary 0600
# option file, removed on exit: never on a command line or in an
# environment, where other processes could read it (-pSECRET is moved into
# that file too).
#
# The applied versions are kept in the table schema_version. Each migration is
# applied once, in numeric order; the run stops at the first failure. Every
# statement of every migration is idempotent (t/lint/20-sql-idempotent.t), so
# a run that failed half-way through a file is simply run again.
#
# MariaDB with binary logging (log_bin=ON, usual at providers) lets only an
# account with SUPER create triggers, unless the server has
# log_bin_trust_function_creators=1; the migrations create triggers, so this
# is checked before anything is applied and the exact setting is named.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
SQLDIR=${SQLDIR:-$ROOT/sql}
DB_NAME=${DB_NAME:-journal}

ME=migrate
die() { printf '%s\n' "$ME: ОШИБКА: $*" >&2; exit 1; }

# The temporary option file with the password, and the terminal's settings
# while the password is typed: both restored/removed however the script ends.
PWFILE=
TTYSAVE=
cleanup() {
	[ -z "$TTYSAVE" ] || stty "$TTYSAVE" 2>/dev/null || true
	[ -z "$PWFILE" ] || rm -f "$PWFILE"
}
trap cleanup EXIT
trap 'exit 130' HUP INT TERM


# The connection (scripts/dbconn.sh): the password asked once, kept in a
# temporary 0600 option file, never on a command line.
. "$(dirname "$0")/dbconn.sh"
PWFILE=$(umask 077 && mktemp "${TMPDIR:-/tmp}/journal-migrate.XXXXXX") ||
	die "не удалось создать временный файл для пароля"
db_conn "$PWFILE"

# One client call; extra arguments are passed on. --batch: tab-separated output.
# shellcheck disable=SC2086
sql() { mariadb $CONN --default-character-set=utf8mb4 --batch --skip-column-names "--database=$DB_NAME" "$@"; }

sql -e "CREATE TABLE IF NOT EXISTS schema_version (
  version    INT NOT NULL PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" ||
	die "не удалось создать таблицу schema_version в базе $DB_NAME"

applied=$(sql -e "SELECT version FROM schema_version ORDER BY version") ||
	die "не удалось прочитать schema_version"

# The migration files, "VERSION FILE" per line, in numeric order.
list=$(
	for f in "$SQLDIR"/[0-9]*_*.sql; do
		[ -f "$f" ] || continue
		b=$(basename "$f")
		n=${b%%_*}
		case $n in *[!0-9]*) continue ;; esac
		v=$(printf '%s' "$n" | sed 's/^0*//')
		printf '%s %s\n' "${v:-0}" "$f"
	done | sort -n -k1,1
)
dups=$(printf '%s\n' "$list" | awk 'NF { print $1 }' | uniq -d)
[ -z "$dups" ] || die "несколько файлов миграций с одним номером: $dups"

# The migrations not applied yet, "VERSION FILE" per line.
pending=$(
	printf '%s\n' "$list" | while read -r v f; do
		[ -n "$v" ] || continue
		printf '%s\n' "$applied" | grep -qx "$v" || printf '%s %s\n' "$v" "$f"
	done
)

# Triggers under binary logging (ERROR 1419): MariaDB lets an account
# without SUPER create (and drop) a trigger only when log_bin is OFF or
# log_bin_trust_function_creators is ON; no other privilege (not even
# BINLOG ADMIN) will do.  Checked before anything is applied, so that the
# host is told exactly what to set instead of meeting a half-applied file.
trigger_files=$(printf '%s\n' "$pending" | while read -r v f; do
	[ -n "$v" ] || continue
	if grep -qiE '^[[:space:]]*CREATE[[:space:]]+(OR[[:space:]]+REPLACE[[:space:]]+)?(DEFINER[[:space:]]*=[^[:space:]]+[[:space:]]+)?TRIGGER' "$f"; then
		printf ' %s' "$(basename "$f")"
	fi
done)
if [ -n "$trigger_files" ]; then
	# log_bin, the trust setting, whether this account has SUPER, who it is.
	check=$(sql -e "SELECT @@log_bin, @@log_bin_trust_function_creators,
	  (SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES
	   WHERE PRIVILEGE_TYPE = 'SUPER' AND GRANTEE = CONCAT('''',
	     SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',
	     SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')),
	  CURRENT_USER()") || die "не удалось прочитать настройки сервера (log_bin)"
	# shellcheck disable=SC2086
	set -- $check
	if [ "$1" = 1 ] && [ "$2" = 0 ] && [ "$3" = 0 ]; then
		die "у учётной записи $4 нет привилегии SUPER, а на сервере MariaDB включён двоичный журнал (log_bin=ON) при log_bin_trust_function_creators=OFF: такой учётной записи MariaDB не даёт создавать триггеры (ERROR 1419), а они есть в миграциях:$trigger_files.
Ни одна миграция не применена. Администратор сервера MariaDB должен один раз выполнить
    SET GLOBAL log_bin_trust_function_creators = 1;
и записать то же в конфигурацию сервера, чтобы настройка пережила перезапуск (например, /etc/mysql/mariadb.conf.d/50-server.cnf, раздел [mariadbd]):
    log_bin_trust_function_creators = 1
Либо примените миграции один раз учётной записью с привилегией SUPER. Затем запустите migrate.sh снова."
	fi
fi

count=0
last=0
# Read from a here-document, not a pipe, so that count survives the loop.
while read -r v f; do
	[ -n "$v" ] || continue
	last=$v
	if printf '%s\n' "$applied" | grep -qx "$v"; then
		continue
	fi
	b=$(basename "$f" .sql)
	case $b in *[!A-Za-z0-9_-]*) die "недопустимое имя файла миграции: $b.sql (только латиница, цифры, _ и -)" ;; esac
	printf 'migrate: применяю %s ... ' "$b.sql"
	if ! out=$(sql --show-warnings <"$f" 2>&1); then
		printf 'ошибка\n'
		printf '%s\n' "$out" >&2
		die "миграция $b.sql не применена до конца: MariaDB фиксирует каждый DDL-оператор сразу, так что операторы до ошибки остались в базе. Все операторы миграций можно выполнить повторно: устраните причину и запустите migrate.sh снова, файл будет применён заново целиком."
	fi
	sql -e "INSERT INTO schema_version (version, name) VALUES ($v, '$b')" ||
		die "миграция $b.sql применена, но не записана в schema_version"
	printf 'готово\n'
	count=$((count + 1))
done <<EOF
$list
EOF

if [ $count -eq 0 ]; then
	echo "migrate: схема актуальна (версия $last)"
else
	echo "migrate: применено миграций: $count, схема актуальна (версия $last)"
fi
