// The district officer's sampling check (抽查) in a real headless Chromium (playwright-core, Debian's chromium) at
// 1366×768, against the console under test and the real case-service. Driven by SamplingBrowserTest (config as
// argv[2]); records what it saw in sampling-results.json, the Java test makes the assertions.
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
      try { await p.screenshot({ path: path.join(cfg.outDir, 'sampling-' + name + '-failure.png'), fullPage: true }); }
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
  } catch (e) {
    out.fatal = String(e && e.stack || e);
  } finally {
    await browser.close();
    fs.writeFileSync(path.join(cfg.outDir, 'sampling-results.json'), JSON.stringify(out, null, 2));
  }
})();
