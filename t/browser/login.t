#!/usr/bin/env node
// Logging in with a real browser: Debian's Chromium, headless, driven by
// playwright-core (t/browser/node_modules: `npm ci` in t/browser).  Prints
// TAP; prove runs it because perl hands a non-perl #! line to that program.
//
// A wrong password shows «Неверный логин или пароль»; the admin's password
// leads to /home with the full name; no console error and no CSP violation
// on the way; the session cookie is out of reach of scripts; the logout
// button ends the session.  Screenshots go to JOURNAL_VAR/screenshots/.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const BASE = (process.env.JOURNAL_URL || '').replace(/\/+$/, '');
const VAR = process.env.JOURNAL_VAR;
if (!BASE || !VAR) {
  console.log('1..0 # SKIP no JOURNAL_URL/JOURNAL_VAR (run through scripts/test.sh)');
  process.exit(0);
}

// ------------------------------------------------------------------ TAP
let n = 0;
let failed = 0;
function ok(cond, name, diag) {
  n++;
  console.log(`${cond ? 'ok' : 'not ok'} ${n} - ${name}`);
  if (!cond) {
    failed++;
    if (diag !== undefined) {
      for (const l of String(diag).split('\n')) console.log(`# ${l}`);
    }
  }
  return cond;
}
function note(s) { for (const l of String(s).split('\n')) console.log(`# ${l}`); }
function finish() {
  console.log(`1..${n}`);
  process.exitCode = failed ? 1 : 0;
}

// The whole run must stop by itself.
const watchdog = setTimeout(() => {
  console.log('Bail out! the browser test took longer than 180 s');
  process.exit(1);
}, 180000);
watchdog.unref();

// ------------------------------------------------------------------ helpers
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

function clearAttempts() {
  try {
    execFileSync('mariadb', ['--no-defaults', '-S', path.join(VAR, 'run', 'mysqld.sock'),
      '-uroot', process.env.JOURNAL_DB || 'journal', '-e', 'DELETE FROM login_attempt'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    note(`could not clear login_attempt: ${e.message}`);
  }
}

async function main() {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    ok(false, 'playwright-core is installed', `run: npm ci --prefix t/browser (${e.message})`);
    return;
  }
  const admin = accounts()[0];
  ok(admin && admin.role === 'admin', 'the first account of the TSV is an admin');
  const shots = path.join(VAR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  clearAttempts();

  const problems = [];		// console errors, page errors, CSP violations, failed loads
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 800 } });
    await context.exposeBinding('__cspViolation', (src, v) => { problems.push(`CSP: ${v}`); });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on('console', (m) => {
      // A page served with 401 (the wrong password) or a missing favicon
      // is logged as "Failed to load resource"; real failed loads of
      // stylesheets and scripts are caught by the response listener below.
      if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) {
        const loc = m.location();
        problems.push(`console: ${m.text()} (${loc.url}:${loc.lineNumber})`);
      }
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document'
          && !/\/favicon\.ico$/.test(r.url())) {
        problems.push(`${r.status()} for ${r.url()}`);
      }
    });
    page.on('requestfailed', (r) => {
      if (!/\/favicon\.ico$/.test(r.url())) problems.push(`failed: ${r.url()} ${r.failure() && r.failure().errorText}`);
    });

    const submit = 'form[action="/login"] [type="submit"]';

    // -------------------------------------------------- a wrong password
    let resp = await page.goto(`${BASE}/login`);
    ok(resp && resp.status() === 200, 'GET /login → 200', resp && resp.status());
    await page.fill('input[name="login"]', admin.login);
    await page.fill('input[name="password"]', `wrong-${process.pid}`);
    let [post] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
      page.click(submit),
    ]);
    await page.waitForLoadState('load');
    ok(post.status() === 401, 'a wrong password → 401', post.status());
    const body = await page.locator('body').innerText();
    ok(body.includes('Неверный логин или пароль'), 'the page says «Неверный логин или пароль»',
      body.slice(0, 300));
    await page.screenshot({ path: path.join(shots, 'login-wrong.png'), fullPage: true });

    // -------------------------------------------------- the right password
    await page.fill('input[name="login"]', admin.login);
    await page.fill('input[name="password"]', admin.password);
    [post] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
      page.click(submit),
    ]);
    ok(post.status() === 303, 'the right password → 303', post.status());
    let home = false;
    try {
      await page.waitForURL((u) => u.pathname === '/home', { timeout: 15000 });
      home = true;
    } catch (e) { /* reported below */ }
    ok(home, 'the browser lands on /home', page.url());
    await page.waitForLoadState('load');
    let seen = false;
    try {
      await page.getByText(admin.full_name).first().waitFor({ state: 'visible', timeout: 5000 });
      seen = true;
    } catch (e) { /* reported below */ }
    ok(seen, `the full name «${admin.full_name}» is visible`,
      (await page.locator('body').innerText()).slice(0, 300));
    await page.screenshot({ path: path.join(shots, 'login-home.png'), fullPage: true });
    ok(fs.existsSync(path.join(shots, 'login-home.png')), 'screenshot saved to screenshots/login-home.png');

    const cookies = await context.cookies(BASE);
    const sid = cookies.find((c) => c.name === 'sid');
    ok(sid && sid.httpOnly && sid.sameSite === 'Lax', 'the sid cookie is HttpOnly and SameSite=Lax',
      JSON.stringify(sid));
    const docCookie = await page.evaluate(() => document.cookie);
    ok(!/(^|;\s*)sid=/.test(docCookie), 'scripts on the page cannot read the sid cookie', docCookie);
    const stylesheets = await page.evaluate(() => document.styleSheets.length);
    ok(stylesheets > 0, 'the page has its stylesheet', stylesheets);

    // -------------------------------------------------- logout
    const logout = page.locator('form[action="/logout"] [type="submit"]');
    if (await logout.count()) {
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/login', { timeout: 15000 }).catch(() => {}),
        logout.first().click(),
      ]);
      ok(new URL(page.url()).pathname === '/login', 'the logout button leads to /login', page.url());
      resp = await page.goto(`${BASE}/home`);
      ok(new URL(page.url()).pathname === '/login', 'after logout /home sends the browser to /login',
        page.url());
    } else {
      ok(false, 'the home page has a logout button');
    }

    ok(problems.length === 0, 'no console errors, CSP violations or failed loads',
      problems.join('\n'));
  } finally {
    await browser.close();
    clearAttempts();
  }
}

main().then(finish, (e) => {
  ok(false, 'the browser test ran to its end', e && e.stack ? e.stack : e);
  finish();
});
