// The hotline operator's desk in a real headless Chromium (playwright-core; Debian's chromium) at 1366×768,
// keyboard only: every step is keyboard.press or keyboard.type (page.focus once, on the sign-in page's user
// field; focus is no pointer event). Driven by DeskBrowserTest, which passes the config as argv[2] and reads
// the JSON this script writes; it also times page load → saved call and counts the keys (bench/operator).
'use strict';
const fs = require('fs');
const path = require('path');
const cfg = JSON.parse(process.argv[2]);
const { chromium } = require(path.join(cfg.nodeModules, 'playwright-core'));
const axeSource = fs.readFileSync(path.join(cfg.nodeModules, 'axe-core', 'axe.min.js'), 'utf8');
const out = { scenarios: {}, axe: {}, bench: {} };
const DESKTOP = { width: 1366, height: 768 };

async function shot(page, name) {
  await page.screenshot({ path: path.join(cfg.outDir, name + '.png'), fullPage: true });
}

// Keys pressed, counted: a Chinese character typed counts as one key (an IME needs more: see bench/README).
function keys(page) {
  const k = { n: 0 };
  k.press = async (key, times) => { for (let i = 0; i < (times || 1); i++) { await page.keyboard.press(key); k.n++; } };
  k.type = async text => { await page.keyboard.type(text); k.n += [...text].length; };
  return k;
}

async function runAxe(page) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return res.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
}

async function signIn(ctx, user, r, where) {
  await ctx.addInitScript(() => {
    for (const type of ['pointerdown', 'mousedown', 'touchstart']) {
      document.addEventListener(type, () => {
        sessionStorage.setItem('pointer', String(Number(sessionStorage.getItem('pointer') || 0) + 1));
      }, true);
    }
  });
  const page = await ctx.newPage();
  page.on('pageerror', e => { (r.jsErrors = r.jsErrors || []).push(String(e)); });
  page.on('response', async resp => {
    if (resp.status() >= 400 && resp.status() !== 409 && resp.request().resourceType() !== 'image') {
      let body = '';
      try { body = (await resp.text()).slice(0, 300); } catch (e) { /* gone */ }
      r.errors.push({ url: resp.url(), status: resp.status(), method: resp.request().method(), body });
    }
  });
  await page.goto(cfg.base + (where || '/desk'));
  await page.focus('#username');
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user);
  await Promise.all([page.waitForURL(u => u.toString().startsWith(cfg.base)), page.keyboard.press('Enter')]);
  return page;
}

async function scenario(name, ctx, fn) {
  const r = { ok: false, errors: [], jsErrors: [] };
  try {
    await fn(r);
    r.ok = true;
  } catch (e) {
    r.error = String(e && e.stack || e);
    for (const p of ctx.pages()) { try { await shot(p, 'desk-' + name + '-failure'); } catch (ignored) { /* gone */ } }
  }
  out.scenarios[name] = r;
}

// Starts a call on a fresh desk: the caller's number (the field has focus on load), the township (type-ahead on
// its code), the outcome (arrow keys in the group: the first is QUESTION). Answers the key counter.
async function startCall(page, phone, outcomeSteps) {
  const k = keys(page);
  await k.type(phone);
  await k.press('Tab');          // township
  await k.type('114');           // 利桥镇 by its code
  await k.press('Tab');          // outcome group: focus on the first radio
  if (outcomeSteps === 0) { await k.press('Space'); } else { await k.press('ArrowDown', outcomeSteps); }
  return k;
}

async function todayRows(page) {
  return page.$$eval('#today-calls tbody tr', trs => trs.map(tr => tr.textContent.replace(/\s+/g, ' ').trim()));
}

async function save(page, k) {
  const t0 = Date.now();
  const [resp] = await Promise.all([page.waitForNavigation(), k.press('Enter')]);
  const timing = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { server: n ? n.responseStart - n.requestStart : null };
  });
  return { resp, wall: Date.now() - t0, server: timing.server };
}

async function pointerCount(page) {
  return page.evaluate(() => Number(sessionStorage.getItem('pointer') || 0));
}

function tracking(notice) {
  const m = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3})/.exec(notice || '');
  return m ? m[1].replace(/-/g, '') : '';
}

(async () => {
  const browser = await chromium.launch({ executablePath: cfg.chromium, args: ['--no-sandbox'] });
  try {
    const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    let page;
    let trackingLandline = '';
    let trackingOnBehalf = '';

    // 1. A question only; the caller's earlier application appears as the number is typed.
    await scenario('question', ctx, async r => {
      page = await signIn(ctx, 'operator', r);
      r.h1 = (await page.textContent('h1')).trim();
      out.axe['desk-empty'] = await runAxe(page);
      const loaded = Date.now();
      const k = keys(page);
      await k.type(cfg.earlierPhone);
      await page.waitForSelector('#history-applications', { timeout: 10000 });
      r.historyBeforeSave = (await page.textContent('#history')).replace(/\s+/g, ' ');
      const axeStart = Date.now();
      out.axe['desk-history'] = await runAxe(page);
      const axeMs = Date.now() - axeStart;   // the check is the test's, not the operator's: not timed
      await k.press('Tab');
      await k.type('114');
      await k.press('Tab');
      await k.press('Space');        // QUESTION
      await k.press('Tab');          // canned answer
      await k.press('ArrowDown');    // the first answer
      await k.press('Tab');          // the answers' list (details)
      await k.press('Tab');          // notes
      await k.type('询问低保条件，已答复');
      const s = await save(page, k);
      r.notice = (await page.textContent('#desk-notice')).trim();
      r.today = await todayRows(page);
      r.keys = k.n;
      r.pointerEvents = await pointerCount(page);
      out.bench.question = { keys: k.n, pageMs: Date.now() - loaded - axeMs, saveMs: s.wall, serverMs: s.server };
      await shot(page, 'desk-question');
    });

    // 2. A landline caller's application without a mobile number.
    await scenario('landline', ctx, async r => {
      page.on('pageerror', e => { r.jsErrors.push(String(e)); });
      await page.goto(cfg.base + '/desk');   // a fresh desk, whatever the scenario before left
      const loaded = Date.now();
      const k = await startCall(page, cfg.landline, 1);   // ArrowDown: APPLICATION
      await page.waitForSelector('#history-none', { timeout: 10000 });
      await k.press('Tab');          // canned answer (not for an application)
      await k.press('Tab');          // answers' list
      await k.press('Tab');          // notes
      await k.type('座机来电，代为申请');
      await k.press('Tab');          // consent, read aloud
      await k.press('Space');
      await k.press('Tab');          // sensitive consent: not needed
      await k.press('Tab');          // name
      await k.type('李桂兰');
      await k.press('Tab');          // ID number
      await k.type(cfg.landlineId);
      await k.press('Tab');          // mobile for SMS: none
      await k.press('Tab');          // difficulty
      await k.press('ArrowDown', 3); // 受灾
      await k.press('Tab');          // what happened
      await k.type('房屋被洪水冲毁');
      const s = await save(page, k);
      r.notice = (await page.textContent('#desk-notice')).trim();
      r.tracking = tracking(r.notice);
      trackingLandline = r.tracking;
      r.today = await todayRows(page);
      r.keys = k.n;
      r.pointerEvents = await pointerCount(page);
      out.bench.application = { keys: k.n, pageMs: Date.now() - loaded, saveMs: s.wall, serverMs: s.server };
      await shot(page, 'desk-landline');
    });

    // 3. An application on behalf of a mobile caller (the caller's number takes the SMS).
    await scenario('onBehalf', ctx, async r => {
      page.on('pageerror', e => { r.jsErrors.push(String(e)); });
      await page.goto(cfg.base + '/desk');
      const k = await startCall(page, cfg.mobile, 1);
      await k.press('Tab');
      await k.press('Tab');
      await k.press('Tab');
      await k.type('代为申请');
      await k.press('Tab');
      await k.press('Space');
      await k.press('Tab');
      await k.press('Tab');
      await k.type('王建国');
      await k.press('Tab');
      await k.type(cfg.mobileId);
      await k.press('Tab');
      await k.press('Tab');
      await k.press('ArrowDown', 3);
      await k.press('Tab');
      await k.type('家中失火');
      await save(page, k);
      r.notice = (await page.textContent('#desk-notice')).trim();
      r.tracking = tracking(r.notice);
      trackingOnBehalf = r.tracking;
      r.today = await todayRows(page);
      r.pointerEvents = await pointerCount(page);
    });

    // 4. The ID number of an open case: the warning as soon as the number is entered, and the save refused until
    //    the operator has told the caller.
    await scenario('duplicate', ctx, async r => {
      page.on('pageerror', e => { r.jsErrors.push(String(e)); });
      await page.goto(cfg.base + '/desk');
      const k = await startCall(page, cfg.dupPhone, 1);
      await k.press('Tab');
      await k.press('Tab');
      await k.press('Tab');
      await k.type('又来申请');
      await k.press('Tab');
      await k.press('Space');
      await k.press('Tab');
      await k.press('Tab');
      await k.type('马秀英');
      await k.press('Tab');
      await k.type(cfg.earlierId);
      await k.press('Tab');          // leaving the field asks case-service
      await page.waitForSelector('#duplicate-warning', { timeout: 10000 });
      r.warning = (await page.textContent('#duplicate-warning')).replace(/\s+/g, ' ');
      out.axe['desk-duplicate'] = await runAxe(page);
      await k.press('Tab');          // difficulty (focus was on the mobile field)
      await k.press('ArrowDown', 3);
      await k.press('Tab');
      await k.type('房屋受损');
      const s = await save(page, k);
      r.saveStatus = s.resp.status();
      r.warningAfterSave = (await page.textContent('#duplicate-warning')).replace(/\s+/g, ' ');
      r.pointerEvents = await pointerCount(page);
      await shot(page, 'desk-duplicate');
    });

    // 5. The township's queue: both applications, channel HOTLINE; the landline's case says to call back.
    await scenario('queue', ctx, async r => {
      const reviewer = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      const q = await signIn(reviewer, 'liqiao', r, '/');
      r.rows = [];
      for (const [key, t] of [['landline', trackingLandline], ['onBehalf', trackingOnBehalf]]) {
        if (!/^[0-9A-Z]{11}$/.test(t)) { throw new Error(key + ': no tracking number to look for'); }
        let href = null;
        for (let i = 0; i < 40 && !href; i++) {
          await q.goto(cfg.base + '/?channel=HOTLINE&text=' + t);
          href = await q.$eval('#queue tbody tr a.tracking', a => a.getAttribute('href')).catch(() => null);
          if (!href) { await q.waitForTimeout(500); }
        }
        if (!href) { throw new Error(t + ' not in the HOTLINE queue'); }
        r.rows.push(t);
        await q.goto(cfg.base + href);
        r[key + 'Channel'] = (await q.textContent('#case-channel')).trim();
        r[key + 'Phone'] = (await q.textContent('#applicant-phone')).trim();
      }
      await shot(q, 'desk-landline-case');
      await reviewer.close();
    });
    await ctx.close();
  } catch (e) {
    out.fatal = String(e && e.stack || e);
  } finally {
    await browser.close();
    fs.writeFileSync(path.join(cfg.outDir, 'desk-results.json'), JSON.stringify(out, null, 2));
  }
})();
