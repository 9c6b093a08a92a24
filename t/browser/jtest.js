// jtest.js: what the browser tests share (prove runs only *.t, so this is
// not a test): the stack's address, TAP output, a watchdog, the demo
// accounts, SQL over the stack's socket, and a Chromium page that records
// console errors, page errors, CSP violations and failed loads.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const BASE = (process.env.JOURNAL_URL || '').replace(/\/+$/, '');
const VAR = process.env.JOURNAL_VAR;

// Skip the whole file outside scripts/test.sh.
function needStack() {
  if (!BASE || !VAR) {
    console.log('1..0 # SKIP no JOURNAL_URL/JOURNAL_VAR (run through scripts/test.sh)');
    process.exit(0);
  }
}

// ------------------------------------------------------------------ TAP
let n = 0;
let failed = 0;
function ok(cond, name, diag) {
  n++;
  console.log(`${cond ? 'ok' : 'not ok'} ${n} - ${name}`);
  if (!cond) {
    failed++;
    if (diag !== undefined) for (const l of String(diag).split('\n')) console.log(`# ${l}`);
  }
  return cond;
}
function note(s) { for (const l of String(s).split('\n')) console.log(`# ${l}`); }
function finish() {
  console.log(`1..${n}`);
  process.exitCode = failed ? 1 : 0;
}

// The run must stop by itself; cleanup (optional) runs before bailing out.
function watchdog(seconds, cleanup) {
  const t = setTimeout(() => {
    console.log(`Bail out! the browser test took longer than ${seconds} s`);
    if (cleanup) cleanup();
    process.exit(1);
  }, seconds * 1000);
  t.unref();
}

// ------------------------------------------------------------------ data
// The rows of VAR/demo-accounts.tsv as objects keyed by its header.
function accounts() {
  const text = fs.readFileSync(path.join(VAR, 'demo-accounts.tsv'), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l !== '' && !l.startsWith('#'));
  const head = lines.shift().split('\t');
  return lines.map((l) => {
    const v = l.split('\t');
    const row = {};
    head.forEach((h, i) => { row[h] = v[i]; });
    return row;
  });
}

// SQL as root over the stack's socket; rows as arrays of strings (null for
// NULL).
// The stack's fixed date (scripts/stack.sh TODAY=, lib/clock.h), or null.
function stackToday() {
  if (process.env.JOURNAL_TODAY) return process.env.JOURNAL_TODAY;
  try {
    const m = fs.readFileSync(path.join(VAR, 'stack.env'), 'utf8').match(/^TODAY=(\d{4}-\d\d-\d\d)$/m);
    return m ? m[1] : null;
  } catch (e) {
    return null;
  }
}
// On a stack with a fixed date, CURDATE() and NOW() say what the program says.
function sql(q) {
  const today = stackToday();
  if (today) q = `SET timestamp = UNIX_TIMESTAMP(CONCAT('${today} ', CURTIME(6))); ${q}`;
  const out = execFileSync('mariadb', ['--no-defaults', '-S', path.join(VAR, 'run', 'mysqld.sock'),
    '-uroot', '--default-character-set=utf8mb4', process.env.JOURNAL_DB || 'journal',
    '-N', '-B', '-e', q], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t').map(
    (v) => (v === 'NULL' ? null : v.replace(/\\(.)/g, (m, c) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === '0' ? '\0' : c)))));
}
function one(q) { const r = sql(q); return r.length ? r[0][0] : null; }
function sq(v) {
  if (v === null || v === undefined) return 'NULL';
  return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
// Remove the lessons a test made (ids above lmax) with their marks,
// absences, individual homework and columns; a failure is a note, as the
// run is ending anyway.
function dropLessonsAfter(lmax) {
  try {
    sql(`DELETE m FROM mark m JOIN lesson_work lw ON lw.id = m.lesson_work_id WHERE lw.lesson_id > ${lmax};`
      + `DELETE FROM absence WHERE lesson_id > ${lmax};`
      + `DELETE FROM homework_student WHERE lesson_id > ${lmax};`
      + `DELETE FROM lesson_work WHERE lesson_id > ${lmax};`
      + `DELETE FROM lesson WHERE id > ${lmax}`);
  } catch (e) {
    note(`restore failed: ${e.message}`);
  }
}
// All tests log in from 127.0.0.1: keep the per-IP throttle out of the way.
function clearAttempts() {
  try { sql('DELETE FROM login_attempt'); } catch (e) { note(`could not clear login_attempt: ${e.message}`); }
}

// ------------------------------------------------------------------ browser
// Debian's Chromium, headless, without the background connections this
// machine's closed network refuses.  null (and a failed test) when
// playwright-core is missing.
async function launch() {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    ok(false, 'playwright-core is installed', `run: npm ci --prefix t/browser (${e.message})`);
    return null;
  }
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page whose problems (console errors, page errors, CSP violations, 4xx/5xx
// and failed loads) are pushed to the array problems.  documents: false
// leaves the status of pages themselves to the test (a 401 login page is
// expected); stylesheets and scripts are always checked.  javaScript: false
// browses as without JavaScript.
async function newPage(browser, problems, { documents = true, viewport, javaScript = true } = {}) {
  const context = await browser.newContext({ locale: 'ru-RU',
    viewport: viewport || { width: 1280, height: 800 }, javaScriptEnabled: javaScript });
  await context.exposeBinding('__cspViolation', (src, v) => { problems.push(`CSP: ${v}`); });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('console', (m) => {
    // Failed loads are reported by the response listener, with their URL.
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) {
      const loc = m.location();
      problems.push(`console: ${m.text()} (${loc.url}:${loc.lineNumber})`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && (documents || r.request().resourceType() !== 'document')
        && !/\/favicon\.ico$/.test(r.url())) {
      problems.push(`${r.status()} for ${r.request().method()} ${r.url()}`);
    }
  });
  page.on('requestfailed', (r) => {
    if (!/\/favicon\.ico$/.test(r.url())) problems.push(`failed: ${r.url()} ${r.failure() && r.failure().errorText}`);
  });
  return page;
}

// Lessons a test makes are removed however it ends: guardLessons(seconds)
// starts the watchdog; mark() notes (and returns) the newest lesson before the test
// writes, restore() drops the lessons after it (once).
function guardLessons(seconds) {
  let lmax = null;
  const restore = () => {
    if (lmax === null) return;
    dropLessonsAfter(lmax);
    lmax = null;
  };
  watchdog(seconds, restore);
  return {
    mark() { lmax = Number(one('SELECT COALESCE(MAX(id), 0) FROM lesson')); return lmax; },
    restore,
  };
}

// Log in through the form as a demo account: true when /home is reached.
async function loginPage(page, acc) {
  await page.goto(`${BASE}/login`);
  await page.fill('input[name="login"]', acc.login);
  await page.fill('input[name="password"]', acc.password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/home', { timeout: 15000 }).catch(() => {}),
    page.click('form[action="/login"] [type="submit"]'),
  ]);
  return new URL(page.url()).pathname === '/home';
}

module.exports = {
  BASE, VAR, needStack, ok, note, finish, watchdog, accounts, sql, one, sq, stackToday, dropLessonsAfter,
  clearAttempts, launch, newPage, loginPage, guardLessons,
};
