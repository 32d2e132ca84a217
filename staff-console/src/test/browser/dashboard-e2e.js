// The district officer's dashboard in a real headless Chromium (playwright-core, Debian's chromium) at 1366×768,
// against the console under test and the real case-service. Driven by DashboardBrowserTest (config as argv[2]);
// records what it saw in dashboard-results.json, the Java test makes the assertions.
'use strict';
const fs = require('fs');
const path = require('path');
const cfg = JSON.parse(process.argv[2]);
const { chromium } = require(path.join(cfg.nodeModules, 'playwright-core'));
const axeSource = fs.readFileSync(path.join(cfg.nodeModules, 'axe-core', 'axe.min.js'), 'utf8');
const out = { scenarios: {}, axe: {} };
fs.mkdirSync(cfg.outDir, { recursive: true });

async function signIn(ctx, user) {
  const page = await ctx.newPage();
  page.jsErrors = [];
  page.on('pageerror', e => page.jsErrors.push(String(e)));
  // every failed load, by address (a blocked script or a missing asset would silently lose the chart)
  page.failed = [];
  page.on('response', resp => { if (resp.status() >= 400) { page.failed.push(resp.status() + ' ' + new URL(resp.url()).pathname); } });
  page.on('console', m => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) { page.jsErrors.push(m.text()); }
  });
  await page.goto(cfg.base + '/');
  await page.fill('#username', user);
  await page.fill('#password', user);
  await Promise.all([page.waitForURL(u => u.toString().startsWith(cfg.base)), page.click('#kc-login')]);
  return page;
}

async function runAxe(page) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return res.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
}

async function scenario(name, browser, options, fn) {
  const ctx = await browser.newContext(Object.assign({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' },
    options));
  const r = { ok: false };
  try {
    await fn(ctx, r);
    r.ok = true;
  } catch (e) {
    r.error = String(e && e.stack || e);
    for (const p of ctx.pages()) {
      try { await p.screenshot({ path: path.join(cfg.outDir, 'dashboard-' + name + '-failure.png'), fullPage: true }); }
      catch (ignored) { /* page gone */ }
    }
  }
  out.scenarios[name] = r;
  await ctx.close();
}

(async () => {
  const browser = await chromium.launch({ executablePath: cfg.chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'] });
  try {
    // The officer opens the dashboard from the navigation, then reaches the township's overdue number by keyboard
    // alone and follows it to the filtered queue.
    await scenario('officer', browser, {}, async (ctx, r) => {
      const page = await signIn(ctx, 'officer');
      await Promise.all([page.waitForURL(u => u.pathname === '/dashboard'), page.click('#nav-dashboard')]);
      r.h1 = (await page.textContent('h1')).trim();
      await page.waitForSelector('#chart-deadlines canvas', { timeout: 10000 });
      r.chartDrawn = await page.$eval('#chart-deadlines', el => el.classList.contains('chart-on')
        && el.getBoundingClientRect().height > 100);
      r.channelsChartDrawn = (await page.$('#chart-channels canvas')) !== null;
      r.horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth
        - document.documentElement.clientWidth);
      await page.screenshot({ path: path.join(cfg.outDir, 'dashboard.png'), fullPage: true });
      out.axe['dashboard zh-CN'] = await runAxe(page);
      const target = `/?division=${cfg.division}&deadlineState=OVERDUE`;
      r.overdueShown = (await page.textContent(`#t-deadlines tr[data-division="${cfg.division}"] a.n-OVERDUE`)).trim();
      // keyboard only: Tab until the township's overdue number has the focus, then Enter
      await page.focus('body');
      let tabs = 0;
      for (; tabs < 200; tabs++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('href'));
        if (href === target) {
          break;
        }
      }
      r.tabs = tabs;
      r.focusOutline = await page.evaluate(() => parseFloat(getComputedStyle(document.activeElement).outlineWidth));
      await Promise.all([page.waitForURL(u => u.search.includes('deadlineState=OVERDUE')), page.keyboard.press('Enter')]);
      r.landedOn = new URL(page.url()).pathname + new URL(page.url()).search;
      r.caseInQueue = (await page.$(`tr[data-case="${cfg.overdue.caseId}"]`)) !== null;
      r.badges = await page.$$eval('#queue tbody .badge', els => els.map(e => e.textContent.trim()));
      r.queueCount = (await page.textContent('#count-OVERDUE .n')).trim();
      r.jsErrors = page.jsErrors;
      r.failed = page.failed;
    });
    // English, and the page without JavaScript: the tables are all there, no chart container shown
    await scenario('english', browser, { locale: 'en-GB' }, async (ctx, r) => {
      const page = await signIn(ctx, 'officer');
      await page.goto(cfg.base + '/dashboard');
      await page.waitForSelector('#chart-deadlines canvas', { timeout: 10000 });
      r.h1 = (await page.textContent('h1')).trim();
      out.axe['dashboard en'] = await runAxe(page);
    });
    await scenario('nojs', browser, { javaScriptEnabled: false }, async (ctx, r) => {
      const page = await signIn(ctx, 'officer');
      await page.goto(cfg.base + '/dashboard');
      r.rows = await page.$$eval('#t-deadlines tbody tr', rows => rows.length);
      r.chartDisplay = await page.$eval('#chart-deadlines', el => getComputedStyle(el).display);
      r.overdueHref = await page.getAttribute(`#t-deadlines tr[data-division="${cfg.division}"] a.n-OVERDUE`, 'href');
    });
  } catch (e) {
    out.fatal = String(e && e.stack || e);
  } finally {
    await browser.close();
    fs.writeFileSync(path.join(cfg.outDir, 'dashboard-results.json'), JSON.stringify(out, null, 2));
  }
})();
