#!/usr/bin/env node
// Setting up a class in a real browser, from nothing to printed slips
// (issue 3): the administrator creates a class with its class teacher,
// writes an enrolment order and enrols two students by it, adds a guardian,
// records the guardian's consent, and prints the credential slips; the
// print view is checked for the names and saved to
// JOURNAL_VAR/screenshots/setup-slips-print.png.  Everything the test made
// is removed at the end.  Prints TAP.
'use strict';

const fs = require('fs');
const path = require('path');
const { BASE, VAR, needStack, ok, note, finish, watchdog, accounts, sql, one,
  clearAttempts, launch, newPage } = require('./jtest');

needStack();
watchdog(180, () => cleanup());

const admin = accounts().find((a) => a.role === 'admin');
const GRADE = '10';
const LETTER = 'Э';
const ORDER = 'jtest-e2e';
const STUDENTS = [
  { last: 'Эвклидова', first: 'Вера', middle: 'Игоревна', sex: 'f', birth: '2010-03-14' },
  { last: 'Эйлеров', first: 'Лев', middle: 'Петрович', sex: 'm', birth: '2010-07-02' },
];
const GUARDIAN = { last: 'Эвклидова', first: 'Ирина', middle: 'Сергеевна' };

function cleanup() {
  try {
    const ids = sql(`SELECT id FROM person WHERE last_name IN ('Эвклидова', 'Эйлеров')`).map((r) => r[0]);
    if (ids.length) {
      const list = ids.join(',');
      sql(`DELETE s FROM session s JOIN account a ON a.id = s.account_id WHERE a.person_id IN (${list})`);
      sql(`DELETE ar FROM account_role ar JOIN account a ON a.id = ar.account_id WHERE a.person_id IN (${list})`);
      sql(`DELETE FROM account WHERE person_id IN (${list})`);
      sql(`DELETE FROM consent WHERE guardian_id IN (${list})`);
      sql(`DELETE FROM guardian WHERE guardian_id IN (${list}) OR student_id IN (${list})`);
      sql(`DELETE FROM movement WHERE person_id IN (${list})`);
      sql(`DELETE FROM class_student WHERE student_id IN (${list})`);
      sql(`DELETE FROM person WHERE id IN (${list})`);
    }
    sql(`DELETE FROM movement WHERE order_id IN (SELECT id FROM school_order WHERE number = '${ORDER}')`);
    sql(`DELETE FROM school_order WHERE number = '${ORDER}'`);
    sql(`DELETE FROM \`groups\` WHERE class_id IN (SELECT id FROM class WHERE grade = ${GRADE} AND letter = '${LETTER}')`);
    sql(`DELETE FROM class WHERE grade = ${GRADE} AND letter = '${LETTER}'`);
    clearAttempts();
  } catch (e) {
    note(`cleanup: ${e.message}`);
  }
}

(async () => {
  cleanup();
  const browser = await launch();
  if (browser === null) {
    finish();
    return;
  }
  const problems = [];
  try {
    const page = await newPage(browser, problems, { viewport: { width: 1100, height: 900 } });

    // Log in.
    await page.goto(`${BASE}/login`);
    await page.fill('input[name=login]', admin.login);
    await page.fill('input[name=password]', admin.password);
    await page.click('form[action="/login"] button[type=submit]');
    await page.waitForURL(/\/home$/);
    ok(true, 'the administrator logs in through the form');

    // 1. A class with its class teacher.
    await page.goto(`${BASE}/classes`);
    await page.selectOption('select[name=grade]', GRADE);
    await page.fill('input[name=letter]', LETTER.toLowerCase());
    const teacher = await page.$eval('select[name=teacher] option:nth-child(2)', (o) => o.value);
    await page.selectOption('select[name=teacher]', teacher);
    await page.click('form[action="/classes"] button[type=submit]');
    await page.waitForURL(/\/class\?id=\d+$/);
    const classId = Number(new URL(page.url()).searchParams.get('id'));
    ok((await page.textContent('h1')).includes(`${GRADE} ${LETTER} класс`), `class «${GRADE} ${LETTER}» created`);

    // 2. An enrolment order, and two students enrolled by it.
    await page.goto(`${BASE}/orders`);
    const of = 'form[method=post][action="/orders"]';	/* not the filter form */
    await page.fill(`${of} input[name=number]`, ORDER);
    await page.fill(`${of} input[name=dated]`, one('SELECT CURDATE()'));
    await page.selectOption(`${of} select[name=kind]`, 'enrolment');
    await page.fill(`${of} input[name=title]`, 'О зачислении в 10 класс');
    await page.click(`${of} button[type=submit]`);
    await page.waitForURL(/\/order\?id=\d+$/);
    ok(true, 'the enrolment order is written');
    for (const s of STUDENTS) {
      await page.fill('input[name=last_name]', s.last);
      await page.fill('input[name=first_name]', s.first);
      await page.fill('input[name=middle_name]', s.middle);
      await page.check(`input[name=sex][value=${s.sex}]`);
      await page.fill('input[name=birth_date]', s.birth);
      await page.selectOption('select[name=class]', String(classId));
      await Promise.all([page.waitForNavigation(), page.click('form[action^="/order"] button[type=submit]')]);
      ok((await page.content()).includes(`${s.last} ${s.first}`), `${s.last} ${s.first} enrolled`,
        (await page.textContent('main')).replace(/\s+/g, ' ').slice(0, 600));
    }

    // 3. A guardian for the first student, from the roster.
    await page.goto(`${BASE}/class?id=${classId}`);
    const roster = await page.content();
    ok(STUDENTS.every((s) => roster.includes(`${s.last} ${s.first} ${s.middle}`)), 'both are on the roster');
    const firstRow = page.locator('tr.student', { hasText: STUDENTS[0].last });
    await firstRow.locator('a', { hasText: 'представитель' }).click();
    await page.waitForURL(/\/guardian\?/);
    const form = page.locator('section', { hasText: 'Новый представитель' });
    await form.locator('input[name=last_name]').fill(GUARDIAN.last);
    await form.locator('input[name=first_name]').fill(GUARDIAN.first);
    await form.locator('input[name=middle_name]').fill(GUARDIAN.middle);
    await form.locator('input[name=sex][value=f]').check();
    await form.locator('select[name=kind]').selectOption('parent');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/class\?id=\d+$/);
    ok((await page.content()).includes(`${GUARDIAN.last} ${GUARDIAN.first}`), 'the guardian is on the roster');

    // 4. Her consent.
    await page.locator('tr.guardian', { hasText: GUARDIAN.first }).locator('a', { hasText: 'изменить' }).click();
    await page.waitForURL(/\/consent\?/);
    await page.check('input[name=status][value=consent]');
    await page.fill('input[name=signed_on]', one('SELECT CURDATE()'));
    await page.fill('input[name=document]', 'С-E2E/1');
    await page.click('form[action="/consent"] button[type=submit]');
    await page.waitForURL(/\/class\?id=\d+$/);
    ok(/согласие от/.test(await page.locator('tr.guardian', { hasText: GUARDIAN.first }).textContent()),
      'the roster shows her consent');

    // 5. The slips: the student with consent and the guardian; not the other student.
    await page.click('a[href^="/slips?class="]');
    await page.waitForURL(/\/slips\?class=/);
    const boxes = await page.$$eval('form[action="/slips"] input[name=person]', (a) => a.length);
    ok(boxes === 2, `two people may get logins (got ${boxes})`);
    ok((await page.textContent('section.paper')).includes(STUDENTS[1].last),
      'the student without consent is listed for paper statements');
    await page.click('form[action="/slips"] button[type=submit]');
    await page.waitForSelector('.slip');
    await page.emulateMedia({ media: 'print' });
    fs.mkdirSync(path.join(VAR, 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(VAR, 'screenshots', 'setup-slips-print.png'), fullPage: true });
    const slips = await page.$$eval('.slip', (a) => a.map((e) => e.textContent));
    ok(slips.length === 2, `two slips printed (got ${slips.length})`);
    ok(slips.some((t) => t.includes(`${STUDENTS[0].last} ${STUDENTS[0].first}`) && /Пароль:/.test(t)),
      'the student\'s slip has her name and a password');
    ok(slips.some((t) => t.includes(`${GUARDIAN.last} ${GUARDIAN.first}`) && t.includes('Законный представитель')),
      'the guardian\'s slip names her as the representative');
    ok(!(await page.isVisible('header.top')), 'the page header is not printed');
    ok(Number(one(`SELECT COUNT(*) FROM account a JOIN person p ON p.id = a.person_id WHERE p.last_name = 'Эвклидова' AND a.is_active = 1`)) === 2,
      'two active accounts exist');
    ok(problems.length === 0, 'no console errors or CSP violations', problems.join('\n'));
  } catch (e) {
    ok(false, 'the walk-through finished', e.stack || String(e));
  } finally {
    await browser.close();
    cleanup();
    finish();
  }
})();
