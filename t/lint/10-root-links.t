#!/usr/bin/perl
# No page may link to the site's root: the journal runs under any base path
# (a provider's /cgi-bin/), so templates write <?cs var:Base ?>/screen and
# <?cs var:Static ?>/file, and scripts take their URLs from the page (a
# form's action, a data- attribute).  A new screen with href="/x" fails here.
use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use Test::More;

my $root = dirname(dirname(dirname(abs_path(__FILE__))));

sub files {
	my ($dir, $ext) = @_;
	opendir(my $dh, "$root/$dir") or return ();
	my @f = sort grep { /\.\Q$ext\E$/ } readdir $dh;
	closedir $dh;
	return map { "$dir/$_" } @f;
}

sub lines_matching {
	my ($file, $re) = @_;
	open(my $fh, '<', "$root/$file") or die "$file: $!\n";
	my @hits;
	while (my $l = <$fh>) {
		push @hits, "$file:$.: " . substr($l =~ s/^\s+//r, 0, 120)
		    while $l =~ /$re/g;
	}
	close $fh;
	return @hits;
}

my @cs = files('templates', 'cs');
ok(@cs > 10, 'the templates are found') or diag("in $root/templates");
# An attribute whose value starts with one "/" ("//host" is absolute).
my $attr = qr{\b(?:href|action|formaction|src|data-[a-z-]+)\s*=\s*["']?/(?!/)}i;
for my $f (@cs) {
	my @hits = lines_matching($f, $attr);
	ok(!@hits, "$f: no root link (use <?cs var:Base ?> or <?cs var:Static ?>)")
	    or diag(join "\n", @hits);
}

my @js = files('htdocs', 'js');
ok(@js > 0, 'the scripts are found');
# A string literal that is a root path: '/journal', "/static/x".
my $lit = qr{["'`]/(?![/*])[a-z]}i;
for my $f (@js) {
	my @hits = grep { !m{^\S+:\d+: (?://|\*)} } lines_matching($f, $lit);
	ok(!@hits, "$f: no root URL in the script (take it from the page)")
	    or diag(join "\n", @hits);
}

# The web server's error pages are shown at the failed URL, under whatever
# path the journal is served: relative links only, the style inline.
my @err = files('htdocs/errors', 'html');
ok(@err >= 5, 'the error pages are found');
for my $f (@err) {
	my @hits = lines_matching($f, $attr);
	ok(!@hits, "$f: no root link (relative, the style inline)")
	    or diag(join "\n", @hits);
}

done_testing();
