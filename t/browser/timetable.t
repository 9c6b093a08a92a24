#!/usr/bin/env node
// The week of a class in a real browser (headless Chromium via
// playwright-core, as in slips.t).  Prints TAP.  Read-only: changes no data.
//
// A deputy director logs in, opens «Расписание на неделю» from the menu,
// picks 5 А and the demo's current week in the form (no JavaScript needed
// for it), sees the grid with its bell times and the demo's cancelled or
// changed lessons marked, steps to the next week and back by the links;
// in print media the choosers, the week links, the page header and the
// menu are hidden and the grid is not (screenshot saved as
// JOURNAL_VAR/screenshots/week-print.png).  No console error and no CSP
// violation on the way.
'use strict';

const fs = require('fs');
const path = require('path');
const { BASE, VAR, needStack, ok, note, finish, watchdog, accounts, one,
  clearAttempts, launch, newPage, loginPage } = require('./jtest');

needStack();
watchdog(120, () => {});

async function main() {
  const browser = await launch();
  if (browser === null) return;
  const m = accounts().find((a) => a.role === 'management');
  ok(m, 'a management account in the TSV');
  const cls = one("SELECT id FROM class WHERE grade = 5 AND letter = 'А' AND school_id = 1");
  ok(cls, 'the demo has 5 А');
  const shots = path.join(VAR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  clearAttempts();
  const problems = [];
  try {
    const page = await newPage(browser, problems);
    if (!ok(await loginPage(page, m), 'the deputy director logs in', page.url())) return;

    const menu = page.locator('nav.menu a[href="/week"]');
    if (!ok(await menu.count() === 1, 'the menu links to the week')) return;
    await Promise.all([page.waitForURL((u) => u.pathname === '/week'), menu.click()]);
    ok(new URL(page.url()).pathname === '/week', 'a click opens /week', page.url());

    // The chooser is a plain GET form.
    const form = page.locator('form[action="/week"]').filter({ has: page.locator('select[name="class"]') });
    await form.locator('select[name="class"]').selectOption(String(cls));
    await form.locator('input[name="date"]').fill('2026-11-25');
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('class') === String(cls)),
      form.locator('[type="submit"]').click(),
    ]);
    const h1 = await page.locator('h1').innerText();
    ok(/5 А/.test(h1), 'the week of 5 А', h1);
    const lessons = await page.locator('table.week-grid .lesson').count();
    ok(lessons >= 25, `the grid has the class's lessons (${lessons})`);
    const bell = await page.locator('table.week-grid tbody tr').first().innerText();
    ok(/08:30/.test(bell), 'the first row shows its bell time', bell);
    const head = await page.locator('table.week-grid thead').innerText();
    ok(/23\.11/.test(head) && /28\.11/.test(head), 'the days of the week of 25 November', head);

    await Promise.all([page.waitForURL((u) => u.searchParams.get('date') === '2026-11-30'),
      page.click('a[rel="next"]')]);
    ok(/30\.11/.test(await page.locator('table.week-grid thead').innerText()), 'the next week by its link');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('date') === '2026-11-23'),
      page.click('a[rel="prev"]')]);
    ok(/23\.11/.test(await page.locator('table.week-grid thead').innerText()), 'and back');

    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => {
      const out = {};
      for (const sel of ['header.top', 'nav.menu', '.week-choose', '.week-nav', 'table.week-grid', '.print-only']) {
        const els = [...document.querySelectorAll(sel)];
        out[sel] = els.length === 0 ? 'absent'
          : els.every((e) => getComputedStyle(e).display === 'none' || e.getClientRects().length === 0) ? 'hidden' : 'shown';
      }
      return out;
    });
    const s = JSON.stringify(shown);
    ok(shown['header.top'] === 'hidden' && shown['nav.menu'] === 'hidden', 'in print the header and menu are hidden', s);
    ok(shown['.week-choose'] === 'hidden' && shown['.week-nav'] === 'hidden', 'in print the choosers and week links are hidden', s);
    ok(shown['table.week-grid'] === 'shown' && shown['.print-only'] === 'shown', 'in print the grid and the dates are shown', s);
    const shot = path.join(shots, 'week-print.png');
    await page.screenshot({ path: shot, fullPage: true });
    ok(fs.existsSync(shot) && fs.statSync(shot).size > 1000, 'screenshot saved to screenshots/week-print.png');
    ok(problems.length === 0, 'no console errors, CSP violations or failed loads', problems.join('\n'));
  } finally {
    await browser.close();
    clearAttempts();
  }
}

main().then(finish, (e) => {
  ok(false, 'the browser test ran to its end', e && e.stack ? e.stack : e);
  note('failed');
  finish();
});
