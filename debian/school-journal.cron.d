# school-journal: the guardians' e-mail digests at 19:00 (journal-digest:
# mail.* in /etc/journal/journal.hdf; it needs a sendmail, e.g. msmtp-mta),
# and a nightly dump of the database into /var/backups/journal, the last
# KEEP_DAYS days kept.
SHELL=/bin/sh
PATH=/usr/sbin:/usr/bin:/sbin:/bin

0 19 * * *	www-data	[ -x /usr/sbin/journal-digest ] && journal-digest
30 2 * * *	root	[ -x /usr/share/journal/scripts/journal-backup ] && KEEP_DAYS=14 /usr/share/journal/scripts/journal-backup
