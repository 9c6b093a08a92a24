#!/usr/bin/env node
// The journal and the period marks on paper (issue 12): printed as the
// paper journal, on A4 landscape, with every column (every date and the
// averages), the students' names repeated on each sheet of columns, and
// page numbers.
//
// The journal with the most columns in one period whose teacher has a demo
// account (at least MIN_COLS: lessons are added for the test when the
// demo has fewer, and removed after) is opened by its teacher, then
// printed twice: under print media at the printable width (A4 landscape
// less the 10 mm margins) every column header and the averages must end
// within it; and as a PDF with the page's own @page size, whose pages
// (pdfinfo) must be A4 landscape and whose text (pdftotext, Debian's
// poppler-utils) must hold every date, «Ср.» and «Ср. взв.», the first
// student's name on every sheet of the grid, and «Страница i из N» on
// page i.  The same for the group's period marks.  The PDFs go to
// JOURNAL_VAR/screenshots/.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { BASE, VAR, needStack, ok, note, finish, watchdog, accounts, sql, one,
  clearAttempts, launch, newPage, loginPage } = require('./jtest');

needStack();
watchdog(150);

const MIN_COLS = 45;			// more than one sheet holds
const PRINT_PX = Math.floor((297 - 20) * 96 / 25.4);	// 277 mm in CSS px

function have(cmd) {
  try {
    execFileSync(cmd, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return e.code !== 'ENOENT';
  }
}

// The pages of a PDF: size and text of each.
function pdfPages(file) {
  const info = execFileSync('pdfinfo', ['-l', '1000', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/mg)]
    .map((m) => [Number(m[1]), Number(m[2])]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const texts = text.split('\f').slice(0, sizes.length).map((t) => t.replace(/\s+/g, ' '));
  return sizes.map((s, i) => ({ w: s[0], h: s[1], text: texts[i] || '' }));
}

// Under print media at the printable width: the cells of the tables that
// end beyond it, and how many sheets of columns print.js made.
async function printLayout(page) {
  await page.setViewportSize({ width: PRINT_PX, height: 700 });
  await page.emulateMedia({ media: 'print' });
  const r = await page.evaluate((w) => {
    // Every printed cell of every table (the table itself or its copy).
    const out = [];
    for (const c of document.querySelectorAll('main table th, main table td')) {
      const r = c.getBoundingClientRect();
      if (r.width > 0 && r.right > w + 0.5) out.push(c.textContent.trim());
    }
    const sheets = [...document.querySelectorAll('table.print-chunk')]
      .filter((t) => t.getBoundingClientRect().width > 0).length;
    return { sheets, sw: document.documentElement.scrollWidth, outside: out };
  }, PRINT_PX);
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1280, height: 800 });
  return r;
}

async function main() {
  for (const cmd of ['pdfinfo', 'pdftotext']) {
    if (!ok(have(cmd), `${cmd} is installed (poppler-utils, scripts/packages.txt)`)) return;
  }
  const logins = new Map(accounts().map((a) => [a.login, a]));
  const rows = sql(`SELECT ac.login, l.group_id, l.subject_id, p.id, COUNT(*) AS cols,
      p.starts_on, p.ends_on, l.teacher_id, l.school_id, l.year_id
    FROM lesson l JOIN lesson_work lw ON lw.lesson_id = l.id
    JOIN period p ON p.year_id = l.year_id AND l.on_date BETWEEN p.starts_on AND p.ends_on
    JOIN \`groups\` g ON g.id = l.group_id JOIN class c ON c.id = g.class_id
      AND c.grade BETWEEN p.grade_from AND p.grade_to
    JOIN account ac ON ac.person_id = l.teacher_id AND ac.is_active = 1
    WHERE l.substitute_for IS NULL
    GROUP BY ac.login, l.group_id, l.subject_id, p.id ORDER BY cols DESC, l.group_id LIMIT 50`);
  const j = rows.find((r) => logins.has(r[0]));
  if (!ok(j, 'a journal whose teacher has a demo account')) return;
  const [login, group, subject, period, cols0, from, , teacher, school, year] = j;
  const added = [];
  try {
    // Enough columns for two sheets, whatever the day.
    for (let i = Number(cols0); i < MIN_COLS; i++) {
      const id = one(`INSERT INTO lesson (school_id, year_id, group_id, subject_id, teacher_id, on_date,
        number, topic) VALUES (${school}, ${year}, ${group}, ${subject}, ${teacher},
        DATE '${from}' + INTERVAL ${i % 40} DAY, 9, 'jtest: печать'); SELECT LAST_INSERT_ID()`);
      added.push(id);
      sql(`INSERT INTO lesson_work (lesson_id, work_kind_id, sort) SELECT ${id}, id, 0 FROM work_kind
        WHERE school_id = ${school} ORDER BY sort LIMIT 1`);
    }
    note(`journal group=${group} subject=${subject} period=${period}: ${cols0} columns`
      + (added.length ? `, ${added.length} lessons added` : ''));
    await run(logins.get(login), group, subject, period);
  } finally {
    if (added.length) {
      sql(`DELETE FROM lesson_work WHERE lesson_id IN (${added.join(',')})`);
      sql(`DELETE FROM lesson WHERE id IN (${added.join(',')})`);
    }
  }
}

async function run(acc, group, subject, period) {
  const shots = path.join(VAR, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  clearAttempts();
  const problems = [];
  const browser = await launch();
  if (browser === null) return;
  try {
    const page = await newPage(browser, problems);
    ok(await loginPage(page, acc), `the teacher ${acc.login} logs in`, page.url());

    // ------------------------------------------------------------ the journal
    let resp = await page.goto(`${BASE}/journal?group=${group}&subject=${subject}&period=${period}`);
    ok(resp.status() === 200, 'the journal opens', resp.status());
    const screen = await page.evaluate(() => {
      const g = document.querySelector('table.journal-grid');
      return {
        dates: [...g.querySelectorAll('thead th.day')].map((t) => t.textContent.trim()),
        works: g.querySelectorAll('thead th.work').length,
        names: [...g.querySelectorAll('tbody th.who')].map((t) => t.textContent.trim()),
      };
    });
    ok(screen.works >= MIN_COLS && screen.names.length > 0,
      `the grid has ${screen.works} columns and ${screen.names.length} students`);
    let lay = await printLayout(page);
    ok(lay.sheets >= 2, `the columns are printed on ${lay.sheets} sheets (≥ 2)`);
    ok(lay.outside.length === 0 && lay.sw <= PRINT_PX,
      `every cell ends within the printable width ${PRINT_PX} px (document ${lay.sw})`,
      `beyond it: ${lay.outside.slice(0, 20).join(' | ')}`);
    const file = path.join(shots, 'journal-print.pdf');
    await page.pdf({ path: file, preferCSSPageSize: true });
    checkPdf(file, 'journal', screen.names, [...screen.dates, 'Ср.', 'Ср. взв.'], lay.sheets);

    // ------------------------------------------------------------ the period marks
    resp = await page.goto(`${BASE}/periodmarks?group=${group}&subject=${subject}`);
    ok(resp.status() === 200, 'the period marks open', resp.status());
    const pm = await page.evaluate(() => {
      const g = document.querySelector('table.period-marks');
      return {
        heads: [...g.querySelectorAll('thead th')].slice(1).map((t) => t.firstChild.textContent.trim()),
        names: [...g.querySelectorAll('tbody th')].map((t) => t.textContent.trim()),
      };
    });
    ok(pm.heads.length > 0 && pm.names.length > 0,
      `${pm.heads.length} columns of period marks, ${pm.names.length} students`);
    lay = await printLayout(page);
    ok(lay.sheets >= 1 && lay.outside.length === 0 && lay.sw <= PRINT_PX,
      `every period-marks cell ends within the printable width (${lay.sheets} sheet(s), document ${lay.sw})`,
      `beyond it: ${lay.outside.slice(0, 20).join(' | ')}`);
    const pfile = path.join(shots, 'periodmarks-print.pdf');
    await page.pdf({ path: pfile, preferCSSPageSize: true });
    checkPdf(pfile, 'period marks', pm.names, pm.heads, lay.sheets);
    ok(problems.length === 0, 'no console error, CSP violation or failed load', problems.join('\n'));
  } finally {
    await browser.close();
  }
}

// Landscape A4 pages, numbered; every header text printed; the names on
// every sheet of columns: the first name as often as there are sheets,
// and some student's name on every page that holds the grid (the
// column «Ученик» heads each).
function checkPdf(file, what, names, heads, sheets) {
  const pages = pdfPages(file);
  const n = pages.length;
  ok(n >= 1, `the ${what} print has ${n} page(s)`);
  const bad = pages.filter((p) => !(Math.abs(p.w - 841.89) < 2 && Math.abs(p.h - 595.28) < 2));
  ok(bad.length === 0, `every page of the ${what} is A4 landscape`,
    bad.map((p) => `${p.w} x ${p.h}`).join(', '));
  const unnumbered = pages.map((p, i) => i + 1).filter((i) => !pages[i - 1].text.includes(`Страница ${i} из ${n}`));
  ok(unnumbered.length === 0, `every page of the ${what} says «Страница i из ${n}»`,
    `pages without it: ${unnumbered.join(', ')}`);
  const all = pages.map((p) => p.text).join(' ');
  const count = (s, t) => s.split(t).length - 1;
  const want = new Map();
  for (const h of heads) want.set(h, (want.get(h) || 0) + 1);
  const missing = [...want].filter(([h, k]) => count(all, h) < k).map(([h, k]) => `${h} (${k}x)`);
  ok(missing.length === 0, `every column header of the ${what} is printed (${want.size} distinct)`,
    `missing: ${missing.join(', ')}`);
  ok(count(all, names[0]) >= sheets,
    `the first student's name is printed once per sheet of columns (${count(all, names[0])} ≥ ${sheets})`);
  const grid = pages.map((p, i) => [p, i + 1]).filter(([p]) => p.text.includes('Ученик'));
  const unnamed = grid.filter(([p]) => !names.some((nm) => p.text.includes(nm))).map(([, i]) => i);
  ok(grid.length >= Math.min(sheets, n) && unnamed.length === 0,
    `every page of the ${what} grid (${grid.length}) has the students' names`,
    `pages without a name: ${unnamed.join(', ')}`);
}

main().then(finish, (e) => { ok(false, 'the test ran to the end', e.stack); finish(); });
