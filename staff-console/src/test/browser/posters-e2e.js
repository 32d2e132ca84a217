// The posters page in a real headless Chromium (playwright-core, Debian's chromium) at 1366×768, against the
// console under test and the real intake-service. Driven by PostersBrowserTest (config as argv[2]); records what it
// saw in posters-results.json, the Java test makes the assertions.
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
  page.failed = [];
  page.on('response', resp => { if (resp.status() >= 400) { page.failed.push(resp.status() + ' ' + new URL(resp.url()).pathname); } });
  page.on('console', m => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) { page.jsErrors.push(m.text()); }
  });
  await page.goto(cfg.base + '/posters');
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
  const ctx = await browser.newContext(Object.assign({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN',
    acceptDownloads: true }, options));
  const r = { ok: false };
  try {
    await fn(ctx, r);
    r.ok = true;
  } catch (e) {
    r.error = String(e && e.stack || e);
    for (const p of ctx.pages()) {
      try { await p.screenshot({ path: path.join(cfg.outDir, 'posters-' + name + '-failure.png'), fullPage: true }); }
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
  } catch (e) {
    out.fatal = String(e && e.stack || e);
  } finally {
    await browser.close();
    fs.writeFileSync(path.join(cfg.outDir, 'posters-results.json'), JSON.stringify(out, null, 2));
  }
})();
