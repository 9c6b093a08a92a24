#!/bin/sh
# Apply the schema migrations sql/NNN_name.sql that the database does not have yet.
#
# A local stack (scripts/stack.sh): connects as root over VAR/run/mysqld.sock.
#   VAR=/path/to/var sh scripts/migrate.sh
# A hosting deployment: give the mariadb client options yourself (a user with
# CREATE, ALTER, INDEX, REFERENCES, DROP on the database; the application's own
# user has only SELECT, INSERT, UPDATE, DELETE, EXECUTE):
#   MYSQL_OPTS="--defaults-extra-file=/etc/journal/migrate.cnf" DB_NAME=journal \
#       sh scripts/migrate.sh
#
# The applied versions are kept in the table schema_version. Each migration is
# applied once, in numeric order; the run stops at the first failure.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
SQLDIR=${SQLDIR:-$ROOT/sql}
DB_NAME=${DB_NAME:-journal}

die() { printf '%s\n' "migrate: ОШИБКА: $*" >&2; exit 1; }

if [ -n "${MYSQL_OPTS:-}" ]; then
	CONN=$MYSQL_OPTS
elif [ -n "${VAR:-}" ]; then
	[ -S "$VAR/run/mysqld.sock" ] || die "нет сокета $VAR/run/mysqld.sock: MariaDB не запущена (scripts/stack.sh db-start)"
	CONN="--no-defaults -S $VAR/run/mysqld.sock -uroot"
else
	die "задайте VAR (каталог стека) или MYSQL_OPTS (параметры клиента mariadb)"
fi

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
		die "миграция $b.sql не применена; применённые до ошибки DDL-операторы не откатываются (MariaDB фиксирует DDL сразу). Исправьте и запустите снова."
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
