#!/bin/sh
# Install the Debian packages the journal needs, from scripts/packages.txt.
#
#   sh scripts/deps.sh build run        # to build and serve
#   sh scripts/deps.sh build run test   # also what `make test` needs
#   sh scripts/deps.sh build run bench  # what `make bench` needs
#   sh scripts/deps.sh build deb        # what `make deb` needs (the Debian package)
#
# Installs only what is missing (checked with dpkg-query), runs `apt-get update`
# once and only when something is missing, and never leaves the Debian-packaged
# MariaDB, Apache or nginx running: the journal runs its own private instances
# (scripts/stack.sh), and the packaged ones would only take ports 80 and 3306.
# For `test` it also installs the browser-test node modules in t/browser.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
LIST=$ROOT/scripts/packages.txt

say() { printf '%s\n' "deps: $*"; }
die() { printf '%s\n' "deps: ОШИБКА: $*" >&2; exit 1; }

[ $# -gt 0 ] || set -- build run
for tag in "$@"; do
	case $tag in
	build|run|test|bench|deb) ;;
	*) die "неизвестная группа пакетов '$tag' (есть: build, run, test, bench, deb)" ;;
	esac
done

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 || die "нужны права root (или sudo) для apt-get"
	SUDO=sudo
fi

# Collect the missing packages of the requested groups.
missing=
while read -r tag pkg opt; do
	case $tag in ''|'#'*) continue ;; esac
	want=no
	for t in "$@"; do [ "$t" = "$tag" ] && want=yes; done
	[ $want = yes ] || continue
	case ${opt:-} in
	cmd=*)	# satisfied by any provider of the command
		command -v "${opt#cmd=}" >/dev/null 2>&1 && continue ;;
	esac
	st=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
	[ "$st" = installed ] && continue
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done <"$LIST"

# Pid files of the Debian-packaged services we do not want running.
SYSTEM_PIDFILES="/run/mysqld/mysqld.pid /run/apache2/apache2.pid /run/nginx.pid"

running_pidfiles() {
	for f in $SYSTEM_PIDFILES; do
		[ -r "$f" ] || continue
		p=$(cat "$f" 2>/dev/null || true)
		[ -n "$p" ] && [ -d "/proc/$p" ] && printf '%s ' "$f"
	done
	return 0
}

if [ -n "$missing" ]; then
	say "устанавливаю:$missing"
	before=$(running_pidfiles)

	# Keep maintainer scripts from starting services while we install: a
	# policy-rc.d that says "no" (exit 101), unless the machine already has one.
	policy=/usr/sbin/policy-rc.d
	made_policy=no
	if [ ! -e $policy ]; then
		printf '#!/bin/sh\n# temporary, from the journal'"'"'s deps.sh\nexit 101\n' | $SUDO tee $policy >/dev/null
		$SUDO chmod 755 $policy
		made_policy=yes
		trap '$SUDO rm -f $policy' EXIT
		trap 'exit 130' INT TERM
	fi

	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
		$missing >/tmp/journal-deps.$$.log 2>&1 || {
		tail -n 40 /tmp/journal-deps.$$.log >&2
		rm -f /tmp/journal-deps.$$.log
		die "apt-get install не удался"
	}
	rm -f /tmp/journal-deps.$$.log

	if [ $made_policy = yes ]; then
		$SUDO rm -f $policy
		trap - EXIT INT TERM
	fi

	# Belt and braces: stop any packaged service that came up during the install.
	for f in $(running_pidfiles); do
		case " $before " in *" $f "*) continue ;; esac
		p=$(cat "$f")
		say "останавливаю запущенный пакетом сервис (pid $p, $f)"
		$SUDO kill -TERM "$p" 2>/dev/null || true
		i=0
		while [ -d "/proc/$p" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	done
else
	say "все пакеты уже установлены ($*)"
fi

# Node.js front for the browser tests: t/browser/package.json (playwright-core,
# which uses Debian's /usr/bin/chromium and never downloads a browser).
for t in "$@"; do
	[ "$t" = test ] || continue
	dir=$ROOT/t/browser
	if [ -f "$dir/package.json" ] && [ ! -d "$dir/node_modules" ]; then
		command -v npm >/dev/null 2>&1 || die "npm не найден, а нужен для $dir"
		say "ставлю модули node в t/browser"
		export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
		if [ -f "$dir/package-lock.json" ]; then
			(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
		else
			(cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
		fi
	fi
done
exit 0
