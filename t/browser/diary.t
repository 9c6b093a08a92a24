#!/usr/bin/env node
// The diary on a phone (issue 6): a parent logs in at 375 px wide (an
// iPhone's CSS width), opens a child's week and marks, and the page fits the screen
// (no horizontal scrolling), names the child, shows every subject card,
// switches to the other child, and raises no console error or CSP
// violation.  The screenshots go to JOURNAL_VAR/screenshots/.
'use strict';

const fs = require('fs');
const path = require('path');
const { BASE, VAR, needStack, ok, finish, watchdog, accounts, sql, one, sq,
  clearAttempts, launch, newPage, loginPage } = require('./jtest');

needStack();
watchdog(180);

async function main() {
  // A parent of two children at school.
  let parent = null;
  let kids = [];
  for (const a of accounts().filter((r) => r.role === 'parent')) {
    const rows = sql(`SELECT cs.student_id, CONCAT_WS(' ', p.last_name, p.first_name) FROM account ac
      JOIN guardian g ON g.guardian_id = ac.person_id
      JOIN class_student cs ON cs.student_id = g.student_id AND cs.left_on IS NULL
      JOIN person p ON p.id = cs.student_id WHERE ac.login = ${sq(a.login)} ORDER BY cs.student_id`);
    if (rows.length >= 2) { parent = a; kids = rows; break; }
  }
  if (!ok(parent !== null, 'a demo parent has two children at school')) return;
  const shots = path.join(VAR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  clearAttempts();

  const problems = [];
  const browser = await launch();
  if (browser === null) return;
  try {
    const page = await newPage(browser, problems, { viewport: { width: 375, height: 812 } });
    ok(await loginPage(page, parent), 'the parent is at /home', page.url());

    for (const [id, name] of kids.slice(0, 2)) {
      const resp = await page.goto(`${BASE}/marks?student=${id}`);
      ok(resp.status() === 200, `the marks of ${name} open`, resp.status());
      const text = await page.locator('main, body').first().innerText();
      ok(text.includes(name), `the page names ${name}`);
      const subjects = Number(one(`SELECT COUNT(DISTINCT a.subject_id) FROM assignment a
        JOIN class_student cs ON cs.student_id = ${id} AND cs.left_on IS NULL
        JOIN \`groups\` g ON g.id = a.group_id AND g.class_id = cs.class_id AND g.kind = 'class'
        WHERE a.year_id = (SELECT year_id FROM class WHERE id = cs.class_id)`));
      const cards = await page.locator('section.card.subject').count();
      ok(cards >= subjects && subjects > 0, `a card for every subject of the class (${cards} ≥ ${subjects})`);
      const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth,
        document.documentElement.clientWidth]);
      ok(sw <= cw, `nothing sticks out at 375 px (scrollWidth ${sw}, clientWidth ${cw})`);
      await page.screenshot({ path: path.join(shots, `marks-375-${id}.png`), fullPage: true });
    }
    // The week of the diary at 375 px: days stacked, nothing sticks out.
    const resp = await page.goto(`${BASE}/diary?student=${kids[0][0]}&week=2026-11-23`);
    ok(resp.status() === 200, 'the diary week opens', resp.status());
    const days = await page.locator('section.diary-day').count();
    ok(days >= 5, `a card per school day (${days})`);
    const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth,
      document.documentElement.clientWidth]);
    ok(sw <= cw, `the week fits 375 px (scrollWidth ${sw}, clientWidth ${cw})`);
    await page.screenshot({ path: path.join(shots, 'diary-375.png'), fullPage: true });
    // The child switch is a link on the page.
    await page.goto(`${BASE}/marks?student=${kids[0][0]}`);
    await Promise.all([page.waitForNavigation(), page.click(`nav.tabs a[href="/marks?student=${kids[1][0]}"]`)]);
    ok((await page.locator('body').innerText()).includes(kids[1][1]), 'the switch opens the other child');
    ok(problems.length === 0, 'no console error, CSP violation or failed load', problems.join('\n'));
  } finally {
    await browser.close();
  }
}

main().then(finish, (e) => { ok(false, 'the test ran to the end', e.stack); finish(); });
