#!/usr/bin/env node
// The upload progress of /import in a real browser (headless Chromium).
// Prints TAP.
//
// The admin checks a CSV of 10,000 staff rows (about 0.6 MB; a preview
// writes nothing).  With the upload slowed down (CDP network throttling)
// the page must show the share of the file sent («Загрузка файла: N %»),
// then the «проверяем строки» phase, then the server's preview in place of
// the page (URL still /import); no console error or CSP violation.  Then
// the same with JavaScript switched off: the ordinary form post still
// gives the preview.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { BASE, needStack, ok, note, finish, watchdog, accounts, clearAttempts,
  launch, newPage, loginPage } = require('./jtest');

needStack();
watchdog(150, () => {});

const ROWS = 10000;

function csvFile() {
  const lines = ['Фамилия;Имя;Отчество;Должность'];
  // Every row a different person (a repeated name is an error).
  const word = (i) => String(i).split('').map((d) => 'абвгдежзик'[Number(d)]).join('');
  for (let i = 0; i < ROWS; i++) lines.push(`Тестов${word(i)};Прогресс;Загрузович;учитель`);
  const f = path.join(os.tmpdir(), `import-progress-${process.pid}.csv`);
  fs.writeFileSync(f, lines.join('\r\n') + '\r\n');
  return f;
}


async function main() {
  const browser = await launch();
  if (browser === null) return;
  const admin = accounts()[0];
  clearAttempts();
  const file = csvFile();
  note(`${ROWS} rows, ${fs.statSync(file).size} bytes`);
  const problems = [];
  try {
    const page = await newPage(browser, problems);
    if (!ok(await loginPage(page, admin), 'the admin logs in')) return;
    await page.goto(`${BASE}/import`);
    const form = page.locator('form.form:has(input[name="action"][value="preview"])');
    ok(await form.locator('[data-progress]').count() === 1, 'the form has a progress block');
    ok(await form.locator('[data-progress]').isHidden(), '... hidden until a file is sent');
    await form.locator('input[name="kind"][value="staff"]').check();
    await form.locator('input[type="file"]').setInputFiles(file);

    // Record every phase and text the progress block shows.
    await page.evaluate(() => {
      window.__seen = [];
      const box = document.querySelector('form [data-progress]');
      const rec = () => window.__seen.push(`${box.getAttribute('data-phase')}|${box.textContent.trim()}`);
      new MutationObserver(rec).observe(box, { attributes: true, childList: true, subtree: true, characterData: true });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20,
      downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    const t0 = Date.now();
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('section.import-preview', { timeout: 60000 });
    note(`preview after ${Date.now() - t0} ms`);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0,
      downloadThroughput: -1, uploadThroughput: -1 });
    const seen = await page.evaluate(() => window.__seen);
    const pct = seen.filter((s) => /^upload\|Загрузка файла: \d+ %/.test(s))
      .map((s) => Number(s.match(/(\d+) %/)[1]));
    ok(pct.length > 0, 'the share of the file sent is shown', seen.slice(0, 5).join(' / '));
    ok(pct.some((p) => p > 0 && p < 100), `... with values between 0 and 100 % (${[...new Set(pct)].join(', ')})`);
    ok(pct.every((p, i) => i === 0 || p >= pct[i - 1]), '... never going back');
    const check = seen.findIndex((s) => /^check\|.*проверяем строки/.test(s));
    ok(check >= 0, 'then «проверяем строки» while the server reads the file');
    ok(check > seen.findIndex((s) => /^upload\|/.test(s)), '... after the upload phase');
    ok(new URL(page.url()).pathname === '/import', 'the page is still /import', page.url());
    const text = await page.locator('section.import-preview').innerText();
    ok(new RegExp(`Строк с данными\\s+${ROWS}`).test(text), `the server's preview replaced the page (${ROWS} rows)`,
      text.slice(0, 200));
    const commit = page.locator('form.import-commit');
    ok(await commit.count() === 1 && await commit.locator('[data-progress]').count() === 1,
      'no errors: the commit form of the preview has its progress block too', text.slice(0, 600));
    ok(problems.length === 0, 'no console error, CSP violation or failed load', problems.join('\n'));

    // -------------------------------------------------- without JavaScript
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    const p2 = await ctx.newPage();
    p2.setDefaultTimeout(30000);
    if (ok(await loginPage(p2, admin), 'without JavaScript: the admin logs in')) {
      await p2.goto(`${BASE}/import`);
      const f2 = p2.locator('form.form:has(input[name="action"][value="preview"])');
      ok(await f2.locator('[data-progress]').isHidden(), 'the progress block stays hidden');
      await f2.locator('input[name="kind"][value="staff"]').check();
      await f2.locator('input[type="file"]').setInputFiles(file);
      const [resp] = await Promise.all([
        p2.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/import'),
        f2.locator('button[type="submit"]').click(),
      ]);
      await p2.waitForLoadState('load');
      ok(resp.status() === 200, 'the ordinary post → 200', resp.status());
      const t2 = await p2.locator('section.import-preview').innerText().catch(() => '');
      ok(new RegExp(`Строк с данными\\s+${ROWS}`).test(t2), '... with the preview');
    }
    await ctx.close();
  } finally {
    fs.unlinkSync(file);
    await browser.close();
    clearAttempts();
  }
}

main().then(finish, (e) => { ok(false, 'no exception', e.stack); finish(); });
