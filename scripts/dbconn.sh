# dbconn.sh: the mariadb client options of the journal's scripts, sourced
# by scripts/migrate.sh and scripts/upgrade.sh (installed beside
# migrate.sh).  The caller defines ME, die() and a cleanup that removes the
# option file and, when TTYSAVE is set, restores the terminal with stty.
#
#   db_conn FILE   sets CONN, the options for every client call:
#     MYSQL_OPTS   as given; a bare -p (or --password) is asked once, from
#                  the terminal without echo or as one line of stdin, and
#                  -pSECRET / --password=SECRET are taken off the command
#                  line: the password goes to FILE (made here, mode 0600),
#                  an option file that also includes the caller's own
#                  (--defaults-file, --defaults-extra-file), and MYSQL_OPTS
#                  is unset (nor in the clients' environment);
#     VAR          else the stack's socket as root (scripts/stack.sh).
TTYSAVE=

db_conn_ask() {
	if [ -t 0 ]; then
		# Echo off before the prompt: what is typed after it is never shown.
		TTYSAVE=$(stty -g)
		stty -echo
		printf '%s' "$ME: пароль MariaDB (спрашивается один раз): " >&2
		IFS= read -r pw || pw=
		stty "$TTYSAVE"
		TTYSAVE=
		printf '\n' >&2
	else
		IFS= read -r pw || [ -n "$pw" ] ||
			die "пароль не передан: ждал строку с паролем на стандартном вводе"
	fi
}

db_conn() {
	if [ -z "${MYSQL_OPTS:-}" ]; then
		[ -n "${VAR:-}" ] ||
			die "задайте VAR (каталог стека) или MYSQL_OPTS (параметры клиента mariadb)"
		[ -S "$VAR/run/mysqld.sock" ] ||
			die "нет сокета $VAR/run/mysqld.sock: MariaDB не запущена (scripts/stack.sh db-start)"
		CONN="--no-defaults -S $VAR/run/mysqld.sock -uroot"
		return 0
	fi
	# Split MYSQL_OPTS into words (no globbing), the password options out.
	set -f
	opts='' ask=no pw='' havepw=no deffile='' extra='' nodefaults=no
	for o in $MYSQL_OPTS; do
		case $o in
		-p|--password) ask=yes ;;
		-p*) pw=${o#-p}; havepw=yes ;;
		--password=*) pw=${o#--password=}; havepw=yes ;;
		--no-defaults) nodefaults=yes ;;
		--defaults-file=*) deffile=${o#*=} ;;
		--defaults-extra-file=*) extra=${o#*=} ;;
		*) opts="$opts $o" ;;
		esac
	done
	set +f
	if [ $ask = no ] && [ $havepw = no ]; then
		CONN=$MYSQL_OPTS
		return 0
	fi
	[ $ask = no ] || db_conn_ask
	(umask 077 && : >"$1") || die "не удалось создать файл параметров $1"
	# The client reads one --defaults-file and one --defaults-extra-file
	# (a second one replaces the first): the caller's own option files are
	# included into this one, before the password, which wins.
	# Option-file quoting: a backslash and a double quote are escaped.
	# printf is a shell builtin: the password reaches sed on stdin only.
	{
		for f in "$deffile" "$extra"; do
			[ -n "$f" ] || continue
			[ -r "$f" ] || die "не читается файл параметров $f"
			printf '!include %s\n' "$(cd "$(dirname "$f")" && pwd -P)/$(basename "$f")"
		done
		printf '[client]\npassword="'
		printf '%s' "$pw" | sed 's/\\/\\\\/g; s/"/\\"/g'
		printf '"\n'
	} >"$1"
	pw=
	unset MYSQL_OPTS
	# The option file must be the client's first option.  It replaces
	# --defaults-file (this file only) and --no-defaults (no file but this
	# one); else it is read besides the usual ones.
	if [ $nodefaults = yes ] || [ -n "$deffile" ]; then
		CONN="--defaults-file=$1$opts"
	else
		CONN="--defaults-extra-file=$1$opts"
	fi
}
