// The district officer's dashboard in a real headless Chromium (playwright-core, Debian's chromium) at 1366×768,
// against the console under test and the real case-service. Driven by DashboardBrowserTest (config as argv[2]);
// records what it saw in dashboard-results.json, the Java test makes the assertions.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness.js')(JSON.parse(process.argv[2]), 'dashboard');
const { cfg, out, runAxe } = h;
const signIn = (ctx, user) => h.signIn(ctx, user, '/');
const scenario = h.scenario;

h.run(async browser => {
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
});
