// The posters page in a real headless Chromium (playwright-core, Debian's chromium) at 1366×768, against the
// console under test and the real intake-service. Driven by PostersBrowserTest (config as argv[2]); records what it
// saw in posters-results.json, the Java test makes the assertions.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness.js')(JSON.parse(process.argv[2]), 'posters');
const { cfg, out, runAxe } = h;
const signIn = (ctx, user) => h.signIn(ctx, user, '/posters');
const scenario = (name, browser, options, fn) => h.scenario(name, browser, Object.assign({ acceptDownloads: true }, options), fn);

h.run(async browser => {
  // The officer filters to 利桥镇: the chart of scans and applications is drawn from the table; the batch of the
  // township's villages downloads as a PDF; the withdrawal's confirmation page.
  await scenario('officer', browser, {}, async (ctx, r) => {
    const page = await signIn(ctx, 'officer');
    await page.goto(cfg.base + '/');
    await Promise.all([page.waitForURL(u => u.pathname === '/posters'), page.click('#nav-posters')]);
    r.h1 = (await page.textContent('h1')).trim();
    await page.selectOption('#f-division', cfg.township);
    await Promise.all([page.waitForURL(u => u.search.includes('division=' + cfg.township)),
      page.click('#poster-filter button[type=submit]')]);
    await page.waitForSelector('#chart-posters canvas', { timeout: 10000 });
    r.chartDrawn = await page.$eval('#chart-posters', el => el.classList.contains('chart-on')
      && el.getBoundingClientRect().height > 100);
    r.rows = await page.$$eval('#t-posters tbody tr', rows => rows.length);
    r.villageOptions = await page.$$eval('#divisionCode option', os => os.filter(o => o.value.length === 12).length);
    r.horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth
      - document.documentElement.clientWidth);
    await page.screenshot({ path: path.join(cfg.outDir, 'posters.png'), fullPage: true });
    out.axe['posters zh-CN'] = await runAxe(page);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }),
      page.click('#batch-form button[type=submit]')]);
    r.batchFile = download.suggestedFilename();
    r.batchBytes = fs.statSync(await download.path()).size;
    await page.goto(cfg.base + '/posters/' + cfg.poster + '/withdraw');
    out.axe['withdraw zh-CN'] = await runAxe(page);
    r.confirmH1 = (await page.textContent('h1')).trim();
    r.jsErrors = page.jsErrors;
    r.failed = page.failed;
  });
  await scenario('english', browser, { locale: 'en-GB' }, async (ctx, r) => {
    const page = await signIn(ctx, 'officer');
    await page.goto(cfg.base + '/posters?division=' + cfg.township);
    await page.waitForSelector('#chart-posters canvas', { timeout: 10000 });
    r.h1 = (await page.textContent('h1')).trim();
    out.axe['posters en'] = await runAxe(page);
  });
  await scenario('nojs', browser, { javaScriptEnabled: false }, async (ctx, r) => {
    const page = await signIn(ctx, 'officer');
    await page.goto(cfg.base + '/posters?division=' + cfg.township);
    r.rows = await page.$$eval('#t-posters tbody tr', rows => rows.length);
    r.chartDisplay = await page.$eval('#chart-posters', el => getComputedStyle(el).display);
    r.scans = (await page.textContent(`#poster-${cfg.poster} td.n-scans`)).trim();
  });
});
