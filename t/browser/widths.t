#!/usr/bin/env node
// Every page fits the screen (issue 12): no page scrolls sideways at
// 1,280 px, and no page a family uses (the student and parent roles) at
// 375 px.  A wide table may scroll inside its own box (.journal-wrap,
// .table-scroll ...); the document itself must not.
//
// The screens come from the programs themselves: build/cgi-bin/<screen>
// --describe names the roles that may GET it (as t/http/60-walk.t reads
// them).  One demo account of every role logs in once and opens every
// screen of its roles: first bare (/class), then, for a screen that works
// on an object, the first link to it with a query string found on the
// pages already seen (/home, the menu, the lists: the role's own class,
// child, journal, lesson ...), a few rounds deep.  The public pages
// (/login, /unsubscribe) are opened without logging in.  The widest page
// per role and width is printed as a TAP note.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { BASE, needStack, ok, note, finish, watchdog, accounts, clearAttempts,
  launch, loginPage } = require('./jtest');

needStack();
watchdog(240);

const ROOT = process.env.JOURNAL_ROOT || path.resolve(__dirname, '..', '..');
const CGI = path.join(ROOT, 'build', 'cgi-bin');
const FAMILY = { student: 1, parent: 1 };
const ROLES = ['admin', 'management', 'teacher', 'class_teacher', 'student', 'parent',
  'secretary', 'medic', 'psychologist', 'hr', 'inspector'];
const WIDE = 1280;
const PHONE = 375;

// name → { roles, public } of every program that answers GET.
function screens() {
  const out = {};
  for (const p of fs.readdirSync(CGI).sort()) {
    if (p.startsWith('.')) continue;
    let d;
    try {
      d = JSON.parse(execFileSync(path.join(CGI, p), ['--describe'], { encoding: 'utf8' }));
    } catch (e) {
      ok(false, `${p} --describe gives JSON`, e.message);
      continue;
    }
    if (d.methods.includes('GET')) out[p] = d;
  }
  return out;
}

// The document's width against the viewport's, and the deepest elements
// that stick out (for the diagnostics).
async function measure(page) {
  return page.evaluate(() => {
    const de = document.documentElement;
    const cw = de.clientWidth;
    const out = [];
    if (de.scrollWidth > cw) {
      const over = (el) => el.getBoundingClientRect().right > cw + 0.5;
      for (const el of document.body.querySelectorAll('*')) {
        if (!over(el) || Array.prototype.some.call(el.children, over)) continue;
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        out.push(`${el.tagName.toLowerCase()}${cls} right=${Math.round(el.getBoundingClientRect().right)}`);
        if (out.length >= 6) break;
      }
    }
    return { sw: de.scrollWidth, cw, culprits: out };
  });
}

async function main() {
  const desc = screens();
  const names = Object.keys(desc);
  ok(names.length > 20, `screens from ${CGI} (${names.length})`);
  clearAttempts();
  const all = accounts();
  const browser = await launch();
  if (browser === null) return;
  const widest = [];	// [who, width, sw, url]

  // Opens url at every width of widths, checks the document fits each;
  // returns the response (null when the load failed).
  async function visit(page, who, url, widths, best) {
    let resp;
    for (const w of widths) {
      await page.setViewportSize({ width: w, height: 800 });
      if (w === widths[0]) {
        try {
          resp = await page.goto(BASE + url, { waitUntil: 'load' });
        } catch (e) {
          ok(false, `${who}: ${url} opens`, e.message);
          return null;
        }
      }
      const m = await measure(page);
      ok(m.sw <= m.cw, `${who}: ${url} fits ${w} px (document ${m.sw}, viewport ${m.cw})`,
        m.culprits.join('\n'));
      if (!best[w] || m.sw > best[w].sw) best[w] = { sw: m.sw, url };
    }
    await page.setViewportSize({ width: widths[0], height: 800 });
    return resp;
  }

  // Links on the page to a screen with a query string, in document order.
  async function links(page) {
    return page.evaluate((base) => Array.prototype.map.call(document.querySelectorAll('a[href]'),
      (a) => a.href).filter((h) => h.startsWith(base) && h.includes('?'))
      .map((h) => h.slice(base.length)), BASE);
  }

  try {
    // ---------------------------------------------- nobody: the public pages
    {
      const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: WIDE, height: 800 } });
      const page = await context.newPage();
      const best = {};
      for (const s of names.filter((p) => desc[p].public)) {
        await visit(page, 'nobody', `/${s}`, [WIDE, PHONE], best);
      }
      for (const w of [WIDE, PHONE]) if (best[w]) widest.push(['nobody', w, best[w].sw, best[w].url]);
      await context.close();
    }

    // ---------------------------------------------- every role, three at a time
    const one = async (role) => {
      const acc = all.find((a) => a.role === role);
      if (!ok(acc, `the TSV has an account whose role is ${role}`)) return;
      const widths = FAMILY[role] ? [WIDE, PHONE] : [WIDE];
      const mine = names.filter((p) => !desc[p].public && desc[p].roles.includes(role));
      const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: WIDE, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      if (!ok(await loginPage(page, acc), `${role} (${acc.login}) logs in`, page.url())) {
        await context.close();
        return;
      }
      const best = {};
      const seen = new Set();
      const found = [];		// links with a query string, in the order found
      const open = async (url) => {
        seen.add(url);
        const r = await visit(page, role, url, widths, best);
        if (r) found.push(...await links(page));
      };
      for (const s of mine) {
        // /logout asks for confirmation on GET; still a page of the role.
        await open(`/${s}`);
      }
      // One object page per screen, from the links found so far.
      const done = new Set();
      for (let round = 0; round < 3; round++) {
        let more = false;
        for (const s of mine) {
          if (done.has(s)) continue;
          const url = found.find((u) => u.startsWith(`/${s}?`) && !seen.has(u));
          if (!url) continue;
          done.add(s);
          more = true;
          await open(url);
        }
        if (!more) break;
      }
      note(`${role}: ${seen.size} pages; with an object: ${[...done].sort().join(' ') || '-'}`);
      for (const w of widths) if (best[w]) result[role].push([role, w, best[w].sw, best[w].url]);
      await context.close();
    };
    const result = {};
    const queue = ROLES.slice();
    for (const r of ROLES) result[r] = [];
    await Promise.all([0, 1, 2].map(async () => {
      while (queue.length) await one(queue.shift());
    }));
    for (const r of ROLES) widest.push(...result[r]);
  } finally {
    await browser.close();
  }
  note('the widest page per role and screen width:');
  for (const [who, w, sw, url] of widest) note(`  ${who} at ${w} px: ${sw} px ${url}`);
}

main().then(finish, (e) => { ok(false, 'the test ran to the end', e.stack); finish(); });
