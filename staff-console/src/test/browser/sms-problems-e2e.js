// The district officer's SMS that went wrong in a real headless Chromium (playwright-core, Debian's chromium) at
// 1366x768, against the console under test and the real case-service and notification-service. Driven by
// SmsProblemsBrowserTest (config as argv[2]); records what it saw in sms-problems-results.json, the Java test asserts.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness.js')(JSON.parse(process.argv[2]), 'sms-problems');
const { cfg, out, runAxe, scenario } = h;
const signIn = (ctx, user) => h.signIn(ctx, user, '/');

h.run(async browser => {
  // The officer opens the page from the navigation and resends the undeliverable SMS once (htmx, in place).
  await scenario('officer', browser, {}, async (ctx, r) => {
    const page = await signIn(ctx, 'officer');
    await Promise.all([page.waitForURL(u => u.pathname === '/sms-problems'), page.click('#nav-sms-problems')]);
    r.h1 = (await page.textContent('h1')).trim();
    const row = `#row-${cfg.resend}`;
    r.listed = (await page.$(row)) !== null;
    r.caseHref = await page.getAttribute(`${row} a.tracking`, 'href');
    r.horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth
      - document.documentElement.clientWidth);
    await page.screenshot({ path: path.join(cfg.outDir, 'sms-problems.png'), fullPage: true });
    out.axe['sms-problems zh-CN'] = await runAxe(page);
    await page.click(`${row} form.resend button`);
    await page.waitForSelector('#notice', { timeout: 10000 });
    r.notice = (await page.textContent('#notice')).trim();
    r.stillListed = (await page.$(row)) !== null;
    r.url = new URL(page.url()).pathname;
    r.jsErrors = page.jsErrors;
    r.cspEmptyStyle = page.cspEmptyStyle || 0;
    r.failed = page.failed;
  });
  // Without JavaScript: the plain form marks the other one handled with a note.
  await scenario('nojs', browser, { javaScriptEnabled: false }, async (ctx, r) => {
    const page = await signIn(ctx, 'officer');
    await page.goto(cfg.base + '/sms-problems');
    const row = `#row-${cfg.handle}`;
    await page.fill(`${row} form.handled input[name=note]`, '已电话告知居民');
    await Promise.all([page.waitForNavigation(), page.click(`${row} form.handled button`)]);
    r.notice = (await page.textContent('#notice')).trim();
    r.stillListed = (await page.$(row)) !== null;
  });
  await scenario('english', browser, { locale: 'en-GB' }, async (ctx, r) => {
    const page = await signIn(ctx, 'officer');
    await page.goto(cfg.base + '/sms-problems?view=all');
    r.h1 = (await page.textContent('h1')).trim();
    out.axe['sms-problems en'] = await runAxe(page);
  });
});
