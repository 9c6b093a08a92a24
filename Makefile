# The school journal: FastCGI screens in cgi-bin/, one library in lib/.
# `make run` and `make test` install the Debian packages they need first
# (the list is scripts/packages.txt).

PREFIX		?= /usr/local
DESTDIR		?=
# PREFIX/etc, except /etc for PREFIX=/usr (there is no /usr/etc).
SYSCONFDIR	?= $(if $(filter /usr /usr/,$(PREFIX)),/etc,$(PREFIX)/etc)
BINDIR		 = $(PREFIX)/lib/journal/cgi-bin
SHAREDIR	 = $(PREFIX)/share/journal
CONFDIR		 = $(SYSCONFDIR)/journal

PORT		?= 8080
# make run: the setup recommended for a school (README, Deployment).
SERVER		?= spawn
DB_PORT		?= 3307

CC		?= cc
CFLAGS		?= -O2 -g
WARN		 = -std=c11 -Wall -Wextra -Werror
SAN		 = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
		   -fno-sanitize-recover=all
# Lazy (=): mariadb_config exists only after scripts/deps.sh has run.
MARIADB_CFLAGS	 = $(shell mariadb_config --cflags 2>/dev/null)
MARIADB_LIBS	 = $(shell mariadb_config --libs 2>/dev/null || echo -lmariadb)
CPPFLAGS_ALL	 = -D_GNU_SOURCE -Ilib -I/usr/include/ClearSilver \
		   $(MARIADB_CFLAGS) \
		   -DJOURNAL_CONF_DEFAULT='"$(CONFDIR)/journal.hdf"' \
		   -DJOURNAL_TEMPLATES_DEFAULT='"$(SHAREDIR)/templates"' \
		   $(CPPFLAGS)
LIBS		 = -lfcgi $(MARIADB_LIBS) -lsodium \
		   -lneo_cgi -lneo_cs -lneo_utl -lz -lpthread

LIB_SRC		 = $(wildcard lib/*.c)
LIB_HDR		 = $(wildcard lib/*.h)
SCREENS		 = $(notdir $(basename $(wildcard cgi-bin/*.c)))
UNITS		 = $(notdir $(basename $(wildcard t/unit/test_*.c)))

# Two builds from the same sources: build/ (optimised) and build-asan/
# (AddressSanitizer + UBSan, for the tests).
OBJS		 = $(LIB_SRC:lib/%.c=build/lib/%.o)
ASAN_OBJS	 = $(LIB_SRC:lib/%.c=build-asan/lib/%.o)
BINS		 = $(SCREENS:%=build/cgi-bin/%)
ASAN_BINS	 = $(SCREENS:%=build-asan/cgi-bin/%)
UNIT_BINS	 = $(UNITS:%=build/t/%)
ASAN_UNIT_BINS	 = $(UNITS:%=build-asan/t/%)
DEMO		 = build/tools/demo-school
NEWSCHOOL	 = build/tools/new-school
DIGEST		 = build/tools/digest

STACK		 = VAR=$(CURDIR)/var WEB_PORT=$(PORT) DB_PORT=$(DB_PORT) \
		   SERVER=$(SERVER)

.DEFAULT_GOAL := all

.PHONY: all run stop test check bench install clean migrate deps check-build deb FORCE
.SUFFIXES:

# The compiled-in paths depend on PREFIX and SYSCONFDIR: a stamp that changes
# with them makes `make install PREFIX=/usr` rebuild what an earlier build
# made for /usr/local.
STAMP		 = build/flags.stamp
$(STAMP): FORCE
	@mkdir -p $(@D)
	@echo '$(CONFDIR) $(SHAREDIR) $(CFLAGS)' | cmp -s - $@ || \
	    echo '$(CONFDIR) $(SHAREDIR) $(CFLAGS)' > $@

all: $(BINS) $(DEMO) $(NEWSCHOOL) $(DIGEST)

build/lib/%.o: lib/%.c $(LIB_HDR) $(STAMP)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -c -o $@ $<

build-asan/lib/%.o: lib/%.c $(LIB_HDR) $(STAMP)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(SAN) $(CPPFLAGS_ALL) -c -o $@ $<

build/libjournal.a: $(OBJS)
	rm -f $@ && ar rcs $@ $(OBJS)

build-asan/libjournal.a: $(ASAN_OBJS)
	rm -f $@ && ar rcs $@ $(ASAN_OBJS)

build/cgi-bin/%: cgi-bin/%.c build/libjournal.a $(LIB_HDR) $(STAMP)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -o $@ $< build/libjournal.a $(LIBS)

build-asan/cgi-bin/%: cgi-bin/%.c build-asan/libjournal.a $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(SAN) $(CPPFLAGS_ALL) -o $@ $< build-asan/libjournal.a $(LIBS)

build/t/%: t/unit/%.c t/unit/tap.h build/libjournal.a
	@mkdir -p $(@D)
	$(CC) $(WARN) -g $(CPPFLAGS_ALL) -It/unit -o $@ $< build/libjournal.a $(LIBS)

build-asan/t/%: t/unit/%.c t/unit/tap.h build-asan/libjournal.a
	@mkdir -p $(@D)
	$(CC) $(WARN) $(SAN) $(CPPFLAGS_ALL) -It/unit -o $@ $< build-asan/libjournal.a $(LIBS)

$(DEMO): tools/demo-school.c lib/credentials.c lib/credentials.h lib/util.c lib/util.h $(wildcard tools/*.h)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O2 -Ilib -o $@ tools/demo-school.c lib/credentials.c lib/util.c -lsodium

$(NEWSCHOOL): tools/new-school.c build/libjournal.a $(LIB_HDR) $(STAMP)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -o $@ $< build/libjournal.a $(LIBS)

$(DIGEST): tools/digest.c build/libjournal.a $(LIB_HDR) $(STAMP)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -o $@ $< build/libjournal.a $(LIBS)

check-build: all $(ASAN_BINS) $(UNIT_BINS) $(ASAN_UNIT_BINS)

deps:
	sh scripts/deps.sh build run

run: deps
	$(MAKE) all
	$(STACK) sh scripts/stack.sh start

stop:
	VAR=$(CURDIR)/var sh scripts/stack.sh stop

migrate:
	VAR=$(CURDIR)/var sh scripts/migrate.sh

# The unit tests (plain and ASan/UBSan) and the source checks alone: no
# database, no web server, seconds.
check: $(UNIT_BINS) $(ASAN_UNIT_BINS)
	prove t/00-unit.t t/lint/

test:
	sh scripts/deps.sh build run test
	$(MAKE) check-build
	JOURNAL_ASAN_ROOT=$(CURDIR)/build-asan sh scripts/test.sh

# The elapsed time bench.sh prints counts from here: packages and build too.
bench:
	t0=$$(date +%s) && sh scripts/deps.sh build run bench && $(MAKE) all && \
	    BENCH_T0=$$t0 sh scripts/bench.sh

# What goes where (README, Deployment): programs, templates, static files,
# migrations and samples under PREFIX; the config in SYSCONFDIR/journal,
# readable by the web server's group only (it holds the database password);
# the log directory writable by the web server's user.  Not under
# /var/log/journal: that is systemd-journald's.  WEB_USER= WEB_GROUP= (empty)
# leave owners alone, e.g. for a package whose postinst sets them.
WEB_USER	?= www-data
WEB_GROUP	?= www-data
LOGDIR		?= /var/log/school-journal
# The samples are installed with the installed paths filled in: the
# placeholders (their legend dropped), and the default PREFIX's paths their
# comments name.
FILL		 = sed -e '/^\# Placeholders/d' -e '/^\#   @[A-Z_]*@ /d' \
		   -e 's|^\(\# .*\) and fill in:$$|\1 (make install has filled in its paths).|' \
		   -e 's|@BINDIR@|$(BINDIR)|g' \
		   -e 's|/usr/local/lib/journal/cgi-bin|$(BINDIR)|g' \
		   -e 's|/usr/local/share/journal|$(SHAREDIR)|g' \
		   -e 's|/usr/local/etc/journal|$(CONFDIR)|g' \
		   -e 's|/usr/local/sbin|$(PREFIX)/sbin|g' \
		   -e 's|@HTDOCS@|$(SHAREDIR)/htdocs|g' \
		   -e 's|@CONF@|$(CONFDIR)/journal.hdf|g' \
		   -e 's|@LOGDIR@|$(LOGDIR)|g' -e 's|@PORT@|80|g' \
		   -e 's|@FCGIWRAP_SOCK@|/run/fcgiwrap.socket|g' \
		   -e 's|@SPAWN_DIR@|/run/journal-fcgi|g'
SAMPLES		 = apache-journal.conf apache-journal-cgi.conf \
		   nginx-journal.conf nginx-spawn-fcgi.conf logrotate-journal \
		   cron-journal

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/templates \
	    $(DESTDIR)$(SHAREDIR)/htdocs/errors $(DESTDIR)$(SHAREDIR)/sql \
	    $(DESTDIR)$(SHAREDIR)/scripts $(DESTDIR)$(SHAREDIR)/conf \
	    $(DESTDIR)$(CONFDIR)
	install -m 0755 $(BINS) $(DESTDIR)$(BINDIR)
	install -d $(DESTDIR)$(PREFIX)/sbin
	install -m 0755 $(NEWSCHOOL) $(DESTDIR)$(PREFIX)/sbin/journal-new-school
	install -m 0755 $(DIGEST) $(DESTDIR)$(PREFIX)/sbin/journal-digest
	install -m 0755 scripts/upgrade.sh $(DESTDIR)$(PREFIX)/sbin/journal-upgrade
	install -m 0644 templates/*.cs $(DESTDIR)$(SHAREDIR)/templates
	install -m 0644 htdocs/*.css htdocs/*.js $(DESTDIR)$(SHAREDIR)/htdocs
	install -m 0644 htdocs/errors/*.html $(DESTDIR)$(SHAREDIR)/htdocs/errors
	install -m 0644 sql/*.sql $(DESTDIR)$(SHAREDIR)/sql
	install -m 0755 scripts/migrate.sh $(DESTDIR)$(SHAREDIR)/scripts
	install -m 0644 scripts/dbconn.sh $(DESTDIR)$(SHAREDIR)/scripts
	for f in $(SAMPLES); do \
	    $(FILL) conf/$$f > $(DESTDIR)$(SHAREDIR)/conf/$$f || exit 1; \
	    chmod 0644 $(DESTDIR)$(SHAREDIR)/conf/$$f; done
	$(FILL) -e 's|^  log = .*|  log = $(LOGDIR)/journal.log|' \
	    conf/journal.hdf > $(DESTDIR)$(SHAREDIR)/conf/journal.hdf.sample
	chmod 0644 $(DESTDIR)$(SHAREDIR)/conf/journal.hdf.sample
	test -e $(DESTDIR)$(CONFDIR)/journal.hdf || \
	    install -m 0640 $(DESTDIR)$(SHAREDIR)/conf/journal.hdf.sample \
	    $(DESTDIR)$(CONFDIR)/journal.hdf
	@if grep -Eq '^[[:space:]]*(paths\.)?templates = /' $(DESTDIR)$(CONFDIR)/journal.hdf && \
	    ! grep -Eq '^[[:space:]]*(paths\.)?templates = $(SHAREDIR)/templates/?$$' \
	    $(DESTDIR)$(CONFDIR)/journal.hdf; then \
	    echo "make install: ВНИМАНИЕ: $(CONFDIR)/journal.hdf называет другой каталог шаблонов (paths.templates), не $(SHAREDIR)/templates: оставьте значение пустым"; fi
	if [ -n "$(WEB_GROUP)" ] && getent group $(WEB_GROUP) >/dev/null; then \
	    chgrp $(WEB_GROUP) $(DESTDIR)$(CONFDIR)/journal.hdf; fi
	install -d -m 0750 $(DESTDIR)$(LOGDIR)
	if [ -n "$(WEB_USER)" ] && getent passwd $(WEB_USER) >/dev/null; then \
	    chown $(WEB_USER):adm $(DESTDIR)$(LOGDIR); fi

# The Debian package (debian/): build/deb/school-journal_*.deb.  Built in a
# copy of the tree, build/deb/src, so that dpkg-buildpackage's clean step
# (make clean) leaves build/ and a running stack alone.
DEB_DIR		 = build/deb
deb:
	sh scripts/deps.sh build deb
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/src
	tar -C $(CURDIR) --exclude=./.git --exclude=./build --exclude=./build-asan \
	    --exclude=./var --exclude=node_modules -cf - . | tar -C $(DEB_DIR)/src -xf -
	cd $(DEB_DIR)/src && dpkg-buildpackage -b -uc -us
	rm -rf $(DEB_DIR)/src
	ls -l $(DEB_DIR)/*.deb

clean:
	rm -rf build build-asan
