// The district officer's sampling check (抽查) in a real headless Chromium (playwright-core, Debian's chromium) at
// 1366×768, against the console under test and the real case-service. Driven by SamplingBrowserTest (config as
// argv[2]); records what it saw in sampling-results.json, the Java test makes the assertions.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness.js')(JSON.parse(process.argv[2]), 'sampling');
const { cfg, out, runAxe, scenario } = h;
const signIn = (ctx, user) => h.signIn(ctx, user, '/');

h.run(async browser => {
  // The officer opens the sampling page from the navigation, draws a sample of the township, opens a drawn case's
  // form and records that the check confirmed the decision.
  await scenario('officer', browser, {}, async (ctx, r) => {
    const page = await signIn(ctx, 'officer');
    await Promise.all([page.waitForURL(u => u.pathname === '/sampling'), page.click('#nav-sampling')]);
    r.h1 = (await page.textContent('h1')).trim();
    out.axe['samplings zh-CN'] = await runAxe(page);
    await page.selectOption('#township', cfg.township);
    await page.fill('#from', cfg.from);
    await page.fill('#to', cfg.to);
    await Promise.all([page.waitForURL(u => /^\/sampling\/[0-9a-f-]{36}$/.test(u.pathname)),
      page.click('#draw-button')]);
    r.notice = (await page.textContent('#notice')).trim();
    r.drawn = await page.$$eval('section.sampled-case a.tracking', as => as.map(a => a.textContent.trim()));
    r.horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth
      - document.documentElement.clientWidth);
    await page.screenshot({ path: path.join(cfg.outDir, 'sampling.png'), fullPage: true });
    out.axe['sampling zh-CN'] = await runAxe(page);
    const first = await page.getAttribute('section.sampled-case', 'data-case');
    await page.check(`#outcome-${first}-CONFIRMED`);
    await Promise.all([page.waitForURL(u => u.searchParams.get('checked') === first),
      page.click(`#case-${first} form.check-form button[type=submit]`)]);
    r.checkedNotice = (await page.textContent('#notice')).trim();
    r.badge = (await page.textContent(`#case-${first} .badge`)).trim();
    r.jsErrors = page.jsErrors;
  });
});
