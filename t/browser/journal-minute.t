#!/usr/bin/env node
// The teacher's minute (issue 12; R19, R23, R29): open the journal and
// record today's lesson for the biggest class timetabled today — the topic
// accepted from the plan, 12 characters of homework, a mark or «н» for
// every student — with a real browser (headless Chromium, playwright-core).
// Prints TAP.
//
// The journal shows today's timetabled lesson as a greyed column and a
// form above the grid with the plan's next topic; the page opens with the
// cursor in its homework.  The teacher types the homework and Enter (the
// form is saved, which makes the lesson, and the cursor goes to the first
// student's cell), then a mark or «н» and Enter per student.  Counted:
// page loads (at most 2), keystrokes beyond the text typed (about one
// Enter per student), the wall time of the journal page and of the
// minute.  The database must hold one lesson with the timetable's number,
// the plan's topic, the homework and every value.  At the end the lesson,
// its marks and absences are removed.
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
  // Whole-class journals of grades 5-9 (five-point scale) timetabled once
  // today and not entered, with a plan: the biggest class first.
  const rows = sql('SELECT t.group_id, t.subject_id, ac.login, t.number, (SELECT COUNT(*)'
    + ' FROM class_student cs WHERE cs.class_id = c.id AND cs.left_on IS NULL) n,'
    + ' (SELECT pt.topic FROM plan_topic pt WHERE pt.group_id = t.group_id AND pt.subject_id = t.subject_id'
    + '   AND pt.teacher_id = t.teacher_id AND NOT EXISTS (SELECT 1 FROM lesson l WHERE l.plan_topic_id = pt.id)'
    + '   ORDER BY pt.number LIMIT 1) topic'
    + " FROM timetable t JOIN `groups` g ON g.id = t.group_id AND g.kind = 'class'"
    + ' JOIN class c ON c.id = g.class_id AND c.grade BETWEEN 5 AND 9'
    + ' JOIN account ac ON ac.person_id = t.teacher_id AND ac.is_active = 1'
    + ' JOIN subject_scale ss ON ss.subject_id = t.subject_id AND ss.grade = c.grade'
    + " JOIN scale s ON s.id = ss.scale_id AND s.kind = 'five'"
    + ' WHERE t.weekday = WEEKDAY(CURDATE()) + 1 AND CURDATE() BETWEEN t.valid_from AND t.valid_to'
    + ' AND (SELECT COUNT(*) FROM timetable t2 WHERE t2.group_id = t.group_id'
    + '   AND t2.subject_id = t.subject_id AND t2.weekday = t.weekday) = 1'
    + ' AND NOT EXISTS (SELECT 1 FROM lesson l WHERE l.group_id = t.group_id'
    + '   AND l.subject_id = t.subject_id AND l.on_date = CURDATE())'
    + ' ORDER BY n DESC, t.id');
  const j = rows.find((r) => logins.has(r[2]) && r[5] !== 'NULL' && r[5]);
  if (!ok(j, 'a journal timetabled today with a plan and a teacher account')) return;
  const [group, subject, login, number, n, topic] = j;
  note(`journal group ${group} subject ${subject}, ${n} students, lesson ${number} today, teacher ${login}`);
  lessons.mark();

  const problems = [];
  const page = await newPage(browser, problems);
  const t = logins.get(login);
  if (!ok(await loginPage(page, t), 'the teacher logs in', page.url())) return;

  // The minute starts here: page loads and keys from now on.
  let loads = 0;
  page.on('load', () => { loads++; });
  let typed = 0, keys = 0;
  const type = async (s) => { await page.keyboard.type(s); typed += [...s].length; };
  const press = async (k) => { await page.keyboard.press(k); keys++; };
  const t0 = Date.now();
  await page.goto(`${BASE}/journal?group=${group}&subject=${subject}`);
  const timing = await page.evaluate(() => {
    const e = performance.getEntriesByType('navigation')[0];
    return { response: Math.round(e.responseEnd - e.requestStart), load: Math.round(e.loadEventEnd - e.startTime) };
  });

  const form = page.locator('form.today-lesson').first();
  if (!ok(await form.count() > 0, 'today\'s lesson form is above the grid')) return;
  ok(await form.locator('input[name="topic"]').inputValue() === topic, `the form proposes the plan's topic «${topic}»`);
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.name);
  ok(focused === 'homework', 'the page opens with the cursor in the homework', focused);
  const col = 1 + await page.locator('table.journal-grid thead th.work').evaluateAll(
    (ths, num) => ths.findIndex((th) => th.dataset.num === num && th.classList.contains('planned')), number);
  if (!ok(col > 0, 'today\'s lesson is a greyed column')) return;
  const inCol = `table.journal-grid tbody tr > td:nth-child(${col + 1}) > input.cell`;
  const count = await page.locator(inCol).count();
  ok(count === Number(n), `a cell per student (${count})`);

  const homework = '§ 14, № 5-10';
  ok([...homework].length === 12, 'the homework is 12 characters');
  await type(homework);
  await press('Enter');
  const values = [];
  for (let i = 0; i < count; i++) values.push(i % 9 === 4 ? 'н' : ['5', '4', '3', '4', '5'][i % 5]);
  for (const v of values) {
    await type(v);
    await press('Enter');
  }
  await page.waitForFunction((sel) => Array.from(document.querySelectorAll(sel)).every(
    (e) => e.classList.contains('saved')), inCol, { timeout: 30000 }).catch(() => {});
  const wall = Date.now() - t0;
  const states = await page.locator(inCol).evaluateAll((els) => els.map((e) => e.className));
  ok(states.every((s) => /\bsaved\b/.test(s)), 'every cell shows «saved»',
    states.filter((s) => !/\bsaved\b/.test(s)).join(', '));
  ok(/Урок сохранён/.test(await form.locator('.today-state').textContent()), 'the form says the lesson is saved');

  note(`the minute: ${loads} page load(s), ${typed} characters typed, ${keys} keystrokes beyond them`
    + ` (${count} students), 0 clicks`);
  note(`journal page: ${timing.response} ms to the last byte, ${timing.load} ms to load; the minute: ${wall} ms`);
  ok(loads <= 2, `at most 2 page loads (${loads})`);
  ok(keys <= count + 3, `keystrokes beyond the text: about one per student (${keys} for ${count})`);
  ok(typed + keys <= 12 + 2 * count + 3, `all keystrokes: ${typed + keys} ≤ 12 + 2 × ${count} + 3`);

  const l = sql(`SELECT l.id, l.number, l.topic, l.homework, l.plan_topic_id IS NOT NULL FROM lesson l`
    + ` WHERE l.group_id = ${group} AND l.subject_id = ${subject} AND l.on_date = CURDATE()`);
  ok(l.length === 1, `one lesson today (${l.length})`);
  if (l.length !== 1) return;
  ok(l[0][1] === number && l[0][2] === topic && l[0][3] === homework && l[0][4] === '1',
    '... with the timetable\'s number, the plan\'s topic and the homework', l[0].join(' | '));
  const stored = sql(`SELECT COALESCE(m.code, IF(a.student_id IS NULL, '', 'н')) FROM lesson_work lw`
    + ' JOIN lesson l ON l.id = lw.lesson_id JOIN class_student cs ON cs.left_on IS NULL'
    + ' JOIN `groups` g ON g.id = l.group_id AND g.class_id = cs.class_id JOIN person p ON p.id = cs.student_id'
    + ' LEFT JOIN mark m ON m.lesson_work_id = lw.id AND m.student_id = cs.student_id'
    + ' LEFT JOIN absence a ON a.lesson_id = l.id AND a.student_id = cs.student_id'
    + ` WHERE l.id = ${l[0][0]} ORDER BY p.last_name, p.first_name, p.middle_name, p.id`).map((r) => r[0]);
  ok(JSON.stringify(stored) === JSON.stringify(values), 'the database holds every value',
    `${stored.join(' ')} vs ${values.join(' ')}`);

  await page.reload();
  ok(await page.locator('table.journal-grid thead th.work.planned[data-open]').evaluateAll(
    (ths, num) => ths.filter((th) => th.dataset.num === num).length, number) === 0,
    'after a reload the lesson is an ordinary column');
  ok(problems.length === 0, 'no console error, CSP violation or failed request', problems.join('\n'));
  await browser.close();
}

main().catch((e) => ok(false, 'no exception', e.stack)).finally(() => { lessons.restore(); clearAttempts(); finish(); });
