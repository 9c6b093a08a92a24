#!/usr/bin/env node
// Printing credential slips with a real browser (headless Chromium driven by
// playwright-core, as in login.t).  Prints TAP.
//
// The admin logs in, opens /classes, clicks a class, clicks the link to its
// slips, submits the form as it comes (everyone never issued credentials is
// checked), and gets one slip (class="slip") per checked person with their
// name, «Логин:» and «Пароль:».  In print media the page header and the menu
// are hidden and the slips are not; the print view is saved to
// JOURNAL_VAR/screenshots/slips-print.png.  No console error and no CSP
// violation on the way.
//
// The class is one from the middle of the list.  If too few of its families
// have consent, the test records consent for a few by SQL, and it marks the
// class's accounts as never issued (so the form comes all checked); at the end it removes those statements and puts every account of
// the class's people back as it was (password hashes, state, issued_at;
// accounts made by the test are removed), so the demo passwords still work.
'use strict';

const fs = require('fs');
const path = require('path');
const { BASE, VAR, needStack, ok, note, finish, watchdog, accounts, sql, sq,
  clearAttempts, launch, newPage, loginPage } = require('./jtest');

needStack();
watchdog(180, () => restore());

// ------------------------------------------------------------------ the class
let restoreData = null;		// what restore() puts back

function pickClass() {
  const rows = sql('SELECT c.id, c.grade, c.letter FROM class c JOIN year y ON y.id = c.year_id'
    + ' AND y.is_open = 1 WHERE c.school_id = 1 AND c.teacher_id IS NOT NULL ORDER BY c.grade, c.letter');
  const k = rows[Math.floor(rows.length / 2)];
  return { id: Number(k[0]), name: `${k[1]} ${k[2]}` };
}

function people(classId) {
  const students = sql(`SELECT student_id FROM class_student WHERE class_id = ${classId} AND left_on IS NULL`)
    .map((r) => Number(r[0]));
  const guardians = students.length ? sql(`SELECT DISTINCT guardian_id FROM guardian WHERE student_id IN (${students.join(',')})`)
    .map((r) => Number(r[0])) : [];
  return { students, guardians, all: students.concat(guardians) };
}

// Students with a consenting guardian and consenting guardians.
function eligible(p) {
  if (!p.students.length) return [];
  return sql('SELECT DISTINCT x.id FROM ('
    + ' SELECT g.student_id AS id, g.guardian_id AS gid FROM guardian g WHERE g.student_id IN (' + p.students.join(',') + ')'
    + ' UNION SELECT g.guardian_id, g.guardian_id FROM guardian g WHERE g.student_id IN (' + p.students.join(',') + ')) x'
    + " WHERE (SELECT k.status FROM consent k WHERE k.guardian_id = x.gid ORDER BY k.id DESC LIMIT 1) = 'consent'")
    .map((r) => Number(r[0]));
}

function prepare(k) {
  const p = people(k.id);
  const cmax = Number(sql('SELECT COALESCE(MAX(id), 0) FROM consent')[0][0]);
  const saved = sql('SELECT id, person_id, pw_hash, is_active, issued_at, must_change_pw FROM account WHERE person_id IN ('
    + p.all.join(',') + ')');
  restoreData = { p, cmax, saved, had: new Set(saved.map((r) => Number(r[1]))) };
  if (eligible(p).length < 3) {
    // A few families consent (by SQL: the consent screen has its own test).
    const fams = sql('SELECT g.guardian_id FROM guardian g JOIN person s ON s.id = g.student_id'
      + ` WHERE g.student_id IN (${p.students.join(',')}) AND NOT EXISTS (SELECT 1 FROM consent k`
      + " WHERE k.guardian_id = g.guardian_id AND k.status = 'refusal')"
      + ' ORDER BY s.last_name, s.first_name LIMIT 4');
    for (const [gid] of fams) {
      sql(`INSERT INTO consent (guardian_id, status, signed_on, document) VALUES (${gid}, 'consent', CURDATE(), 'jtest-browser')`);
    }
    note(`recorded consent for ${fams.length} guardians of «${k.name}»`);
  }
  // As on the first day: nobody of the class has been issued credentials
  // (the demo marks its accounts issued), so the form checks everyone.
  sql(`UPDATE account SET issued_at = NULL WHERE person_id IN (${p.all.join(',')})`);
}

function restore() {
  if (!restoreData) return;
  const { p, cmax, saved, had } = restoreData;
  restoreData = null;
  try {
    const qs = [];
    for (const [id, , hash, active, issued, must] of saved) {
      qs.push(`DELETE FROM session WHERE account_id = ${id}`);
      qs.push(`UPDATE account SET pw_hash = ${sq(hash)}, is_active = ${sq(active)}, issued_at = ${sq(issued)}, must_change_pw = ${sq(must)} WHERE id = ${id}`);
    }
    for (const [id, pid] of sql(`SELECT id, person_id FROM account WHERE person_id IN (${p.all.join(',')})`)) {
      if (had.has(Number(pid))) continue;
      qs.push(`DELETE FROM session WHERE account_id = ${id}`, `DELETE FROM account_role WHERE account_id = ${id}`,
        `DELETE FROM account WHERE id = ${id}`);
    }
    qs.push(`DELETE FROM consent WHERE id > ${cmax} AND guardian_id IN (${p.all.join(',')})`);
    sql(qs.join(';\n'));
  } catch (e) {
    note(`restore failed: ${e.message}`);
  }
}

async function main() {
  const browser = await launch();	// before changing any data
  if (browser === null) return;
  const admin = accounts()[0];
  ok(admin && admin.role === 'admin', 'the first account of the TSV is an admin');
  const shots = path.join(VAR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  clearAttempts();
  const k = pickClass();
  note(`class «${k.name}» (id ${k.id})`);
  prepare(k);

  const problems = [];
  try {
    const page = await newPage(browser, problems);

    // -------------------------------------------------- log in
    if (!ok(await loginPage(page, admin), 'the admin logs in', page.url())) return;

    // -------------------------------------------------- /classes → the class
    const menu = page.locator('a[href="/classes"]');
    ok(await menu.count() > 0, 'the menu has a link to /classes');
    let resp = await page.goto(`${BASE}/classes`);
    ok(resp && resp.status() === 200, 'GET /classes → 200', resp && resp.status());
    const link = page.locator(`a[href="/class?id=${k.id}"]`);
    if (!ok(await link.count() > 0, `/classes links to «${k.name}»`)) return;
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/class', { timeout: 15000 }).catch(() => {}),
      link.first().click(),
    ]);
    ok(new URL(page.url()).pathname === '/class' && new URL(page.url()).searchParams.get('id') === String(k.id),
      `a click opens /class?id=${k.id}`, page.url());
    const body = await page.locator('body').innerText();
    ok(body.includes(k.name), `the roster names the class «${k.name}»`);

    // -------------------------------------------------- the slips form
    const slipsLink = page.locator(`a[href="/slips?class=${k.id}"]`);
    if (!ok(await slipsLink.count() > 0, 'the roster links to the slips of the class')) return;
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/slips', { timeout: 15000 }).catch(() => {}),
      slipsLink.first().click(),
    ]);
    ok(new URL(page.url()).pathname === '/slips', 'a click opens /slips', page.url());
    const boxes = page.locator('form[action="/slips"] input[type="checkbox"][name="person"]');
    const nBoxes = await boxes.count();
    ok(nBoxes >= 3, `the form has checkboxes for the eligible people (${nBoxes})`);
    const checked = await page.$$eval('form[action="/slips"] input[name="person"]:checked', (els) => els.map((e) => e.value));
    ok(nBoxes > 0 && checked.length === nBoxes, `never issued, so every checkbox is checked by default (${checked.length} of ${nBoxes})`);
    const ids = [...new Set(checked)].map(Number);
    const elig = new Set(eligible(restoreData.p));
    ok(ids.length > 0 && ids.every((i) => elig.has(i)), `${ids.length} people checked, all eligible`);
    const names = ids.length ? sql('SELECT id, CONCAT_WS(\' \', last_name, first_name, NULLIF(middle_name, \'\'))'
      + ` FROM person WHERE id IN (${ids.join(',')})`) : [];

    const [post] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/slips'),
      page.click('form[action="/slips"] [type="submit"]'),
    ]);
    await page.waitForLoadState('load');
    ok(post.status() === 200, 'submitting the form → 200 with the slips', post.status());
    const headers = post.headers();
    ok(/no-store/.test(headers['cache-control'] || ''), 'the slips page is Cache-Control: no-store', headers['cache-control']);

    const slips = await page.locator('.slip').allInnerTexts();
    ok(slips.length === ids.length, `one slip per checked person (${slips.length} of ${ids.length})`);
    const missing = names.filter(([, name]) => !slips.some((t) => t.includes(name))).map(([, name]) => name);
    ok(names.length > 0 && missing.length === 0, 'every checked person\'s name is on a slip', missing.join(', '));
    const bad = slips.filter((t) => !/Логин:\s*\S+/.test(t) || !/Пароль:\s*\S+/.test(t));
    ok(slips.length > 0 && bad.length === 0, 'every slip has «Логин:» and «Пароль:»', bad.slice(0, 2).join('\n---\n'));

    // -------------------------------------------------- print
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => {
      const out = {};
      for (const sel of ['header', 'nav', 'form.logout']) {
        const els = [...document.querySelectorAll(sel)];
        out[sel] = els.length === 0 ? 'absent'
          : els.every((e) => getComputedStyle(e).display === 'none' || e.getClientRects().length === 0) ? 'hidden' : 'shown';
      }
      return out;
    });
    ok(hidden.header === 'hidden', 'in print the page header is hidden', JSON.stringify(hidden));
    ok(hidden.nav === 'hidden', 'in print the menu is hidden', JSON.stringify(hidden));
    ok(hidden['form.logout'] !== 'shown', 'in print the logout button is hidden', JSON.stringify(hidden));
    const shownSlips = await page.locator('.slip').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
    ok(shownSlips === slips.length, `in print every slip is shown (${shownSlips})`);
    const shot = path.join(shots, 'slips-print.png');
    await page.screenshot({ path: shot, fullPage: true });
    ok(fs.existsSync(shot) && fs.statSync(shot).size > 1000, 'screenshot saved to screenshots/slips-print.png');

    ok(problems.length === 0, 'no console errors, CSP violations or failed loads', problems.join('\n'));
  } finally {
    await browser.close();
    restore();
    clearAttempts();
  }
}

main().then(finish, (e) => {
  ok(false, 'the browser test ran to its end', e && e.stack ? e.stack : e);
  restore();
  finish();
});
