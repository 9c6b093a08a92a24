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
const { BASE, VAR, needStack, ok, finish, watchdog, accounts, clearAttempts,
  launch, newPage } = require('./jtest');

needStack();
watchdog(180);

async function main() {
  const admin = accounts()[0];
  ok(admin && admin.role === 'admin', 'the first account of the TSV is an admin');
  const shots = path.join(VAR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  clearAttempts();

  const problems = [];		// console errors, page errors, CSP violations, failed loads
  const browser = await launch();
  if (browser === null) return;
  try {
    // A 401 login page is expected here: the tests check page statuses.
    const page = await newPage(browser, problems, { documents: false });
    const context = page.context();

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
