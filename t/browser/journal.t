#!/usr/bin/env node
// Fast entry in the journal with a real browser (headless Chromium driven
// by playwright-core).  Prints TAP.
//
// The teacher of the largest whole-class journal (grades 5-9, five-point
// scale) logs in, opens the journal, creates today's lesson with the
// lesson form, then enters the whole lesson column by keyboard alone: for
// each student a mark or «н» and Enter (which moves down and saves the
// cell by fetch).  The page sends the cells as text; journal.js makes
// them inputs and finds the student by the row and the form of work by
// the column.  Every cell must end «saved»; after a reload the page shows
// every value, and the database holds them.  Then the same teacher without
// JavaScript: the link «ввести» under the date opens the lesson as one
// form, which changes the whole column at once.  No console error and no
// CSP violation on the way.  Reports the keystrokes and requests used.
// At the end the lesson, its marks and absences are removed.
'use strict';

const { BASE, needStack, ok, note, finish, accounts, sql, one,
  clearAttempts, launch, newPage, loginPage, guardLessons } = require('./jtest');

needStack();
const lessons = guardLessons(180);

async function main() {
  const browser = await launch();
  if (browser === null) return;
  clearAttempts();
  const logins = new Map(accounts().map((a) => [a.login, a]));
  const rows = sql('SELECT a.group_id, a.subject_id, ac.login, (SELECT COUNT(*) FROM class_student cs'
    + ' WHERE cs.class_id = c.id AND cs.left_on IS NULL) n FROM assignment a'
    + " JOIN `groups` g ON g.id = a.group_id AND g.kind = 'class' JOIN class c ON c.id = g.class_id"
    + ' JOIN current_year cy ON cy.year_id = c.year_id JOIN account ac ON ac.person_id = a.teacher_id'
    + ' JOIN subject_scale ss ON ss.subject_id = a.subject_id AND ss.grade = c.grade'
    + " JOIN scale s ON s.id = ss.scale_id AND s.kind = 'five' WHERE c.grade BETWEEN 5 AND 9"
    + ' ORDER BY n DESC, a.id');
  const j = rows.find((r) => logins.has(r[2]));
  if (!ok(j, 'a journal with a teacher account')) return;
  const [group, subject, login, n] = j;
  const t = logins.get(login);
  note(`journal group ${group} subject ${subject}, ${n} students, teacher ${login}`);
  const lmax = lessons.mark();

  const problems = [];
  const page = await newPage(browser, problems);
  let posts = 0;
  page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/journal') posts++; });

  if (!ok(await loginPage(page, t), 'the teacher logs in', page.url())) return;
  const jurl = `/journal?group=${group}&subject=${subject}`;
  const link = page.locator(`a[href="${jurl}"]`);
  if (!ok(await link.count() > 0, 'the home page lists the journal')) return;
  await Promise.all([page.waitForURL((u) => u.pathname === '/journal'), link.first().click()]);

  // Today's lesson, through the form.
  await Promise.all([page.waitForURL((u) => u.pathname === '/lesson'),
    page.locator('a', { hasText: 'Новый урок' }).first().click()]);
  await page.fill('input[name="topic"]', 'Тема для проверки ввода с клавиатуры');
  await page.fill('textarea[name="homework"]', '§ 7, № 3, 4');
  await Promise.all([page.waitForURL((u) => u.pathname === '/journal'),
    page.click('form[action="/lesson"] [type="submit"]')]);
  const work = one(`SELECT lw.id FROM lesson_work lw JOIN lesson l ON l.id = lw.lesson_id WHERE l.id > ${lmax}`
    + ` AND l.group_id = ${group} AND l.subject_id = ${subject} ORDER BY lw.sort LIMIT 1`);
  if (!ok(work, 'the lesson is saved with its column')) return;

  // The column of the form of work: its header's place among the headers.
  const column = async (p) => 1 + await p.locator('table.journal-grid thead th.work').evaluateAll(
    (ths, w) => ths.findIndex((th) => th.dataset.w === w), work);
  const col = await column(page);
  if (!ok(col > 0, 'the column of the new lesson is in the grid')) return;
  const inCol = `table.journal-grid tbody tr > td:nth-child(${col + 1}) > input.cell`;
  const cells = page.locator(inCol);
  const count = await cells.count();
  ok(count === Number(n), `the new column has a cell per student (${count})`);
  const values = [];
  for (let i = 0; i < count; i++) values.push(i % 10 === 3 ? 'н' : ['5', '4', '3', '4', '5', '2'][i % 6]);

  // Keyboard alone: focus the first cell once, then type and Enter.
  await cells.nth(0).focus();
  let keys = 0;
  const t0 = Date.now();
  for (const v of values) {
    await page.keyboard.type(v);
    await page.keyboard.press('Enter');
    keys += v.length + 1;
  }
  // The last Enter has nowhere to go: leave the cell to save it.
  await page.keyboard.press('Tab');
  keys++;
  await page.waitForFunction((sel) => {
    const els = document.querySelectorAll(sel);
    return Array.from(els).every((e) => e.classList.contains('saved'));
  }, inCol, { timeout: 30000 }).catch(() => {});
  const states = await cells.evaluateAll((els) => els.map((e) => e.className));
  ok(states.every((s) => /\bsaved\b/.test(s)), 'every cell shows «saved»',
    states.filter((s) => !/\bsaved\b/.test(s)).join(', '));
  note(`${count} students: ${keys} keystrokes, ${posts} POST requests, ${Date.now() - t0} ms`);
  ok(posts === count, `one request per cell (${posts})`);

  await page.reload();
  const after = await page.locator(inCol).evaluateAll((els) => els.map((e) => e.value));
  ok(JSON.stringify(after) === JSON.stringify(values), 'after a reload the column shows every value',
    `${after.join(' ')} vs ${values.join(' ')}`);
  const marks = Number(one(`SELECT COUNT(*) FROM mark WHERE lesson_work_id = ${work}`));
  const abs = Number(one(`SELECT COUNT(*) FROM absence a JOIN lesson_work lw ON lw.lesson_id = a.lesson_id WHERE lw.id = ${work}`));
  ok(marks === values.filter((v) => v !== 'н').length, `marks in the database (${marks})`);
  ok(abs === values.filter((v) => v === 'н').length, `absences in the database (${abs})`);
  ok(!await page.locator('tr.entry-row').isVisible(), 'with JavaScript the entry links are hidden');

  // Without JavaScript: the lesson as one form.
  const bare = await newPage(browser, problems, { javaScript: false });
  await bare.goto(`${BASE}/login`);
  await bare.fill('input[name="login"]', t.login);
  await bare.fill('input[name="password"]', t.password);
  await Promise.all([bare.waitForURL((u) => u.pathname === '/home'),
    bare.click('form[action="/login"] [type="submit"]')]);
  await bare.goto(`${BASE}${jurl}`);
  ok(await bare.locator('input.cell').count() === 0, 'without JavaScript the grid is text');
  const lesson = one(`SELECT lesson_id FROM lesson_work WHERE id = ${work}`);
  const enter = bare.locator(`tr.entry-row a[href$="&lesson=${lesson}"]`);
  if (!ok(await enter.isVisible(), 'a visible link «ввести» under the lesson\'s date')) return;
  await Promise.all([bare.waitForURL((u) => u.searchParams.get('lesson') === lesson), enter.click()]);
  const inputs = bare.locator(`table.journal-grid tbody tr > td:nth-child(${await column(bare) + 1}) > input[name="v"]`);
  ok(await inputs.count() === count, `the lesson's column as inputs (${await inputs.count()})`);
  const shown = await inputs.evaluateAll((els) => els.map((e) => e.value));
  ok(JSON.stringify(shown) === JSON.stringify(values), '... showing the stored values');
  const again = values.map((v, i) => (i === 1 ? 'н' : v === 'н' ? '3' : '4'));
  for (let i = 0; i < count; i++) await inputs.nth(i).fill(again[i]);
  await Promise.all([bare.waitForURL((u) => u.pathname === '/journal' && !u.searchParams.get('lesson')),
    bare.locator('button[type="submit"][form="col"]').first().click()]);
  const stored = sql(`SELECT COALESCE(m.code, IF(a.student_id IS NULL, '', 'н')) FROM lesson_work lw`
    + ' JOIN lesson l ON l.id = lw.lesson_id JOIN class_student cs ON cs.left_on IS NULL'
    + ` JOIN \`groups\` g ON g.id = l.group_id AND g.class_id = cs.class_id JOIN person p ON p.id = cs.student_id`
    + ' LEFT JOIN mark m ON m.lesson_work_id = lw.id AND m.student_id = cs.student_id'
    + ' LEFT JOIN absence a ON a.lesson_id = l.id AND a.student_id = cs.student_id'
    + ` WHERE lw.id = ${work} ORDER BY p.last_name, p.first_name, p.middle_name, p.id`).map((r) => r[0]);
  ok(JSON.stringify(stored) === JSON.stringify(again), 'the form saved the whole column',
    `${stored.join(' ')} vs ${again.join(' ')}`);
  ok(problems.length === 0, 'no console error, CSP violation or failed request', problems.join('\n'));
  await browser.close();
}

main().catch((e) => ok(false, 'no exception', e.stack)).finally(() => { lessons.restore(); clearAttempts(); finish(); });
