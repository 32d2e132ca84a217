// The district officer's SMS that went wrong in a real headless Chromium (playwright-core, Debian's chromium) at
// 1366x768, against the console under test and the real case-service and notification-service. Driven by
// SmsProblemsBrowserTest (config as argv[2]); records what it saw in sms-problems-results.json, the Java test asserts.
'use strict';
const fs = require('fs');
const path = require('path');
const cfg = JSON.parse(process.argv[2]);
const { chromium } = require(path.join(cfg.nodeModules, 'playwright-core'));
const axeSource = fs.readFileSync(path.join(cfg.nodeModules, 'axe-core', 'axe.min.js'), 'utf8');
const out = { scenarios: {}, axe: {} };
const EMPTY_STYLE = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';
fs.mkdirSync(cfg.outDir, { recursive: true });

async function signIn(ctx, user) {
  const page = await ctx.newPage();
  page.jsErrors = [];
  page.on('pageerror', e => page.jsErrors.push(String(e)));
  // every failed load, by address (a blocked script or a missing asset would silently lose the chart)
  page.failed = [];
  page.on('response', resp => { if (resp.status() >= 400) { page.failed.push(resp.status() + ' ' + new URL(resp.url()).pathname); } });
  page.on('console', m => {
    // htmx 2's in-place swap makes the browser report a blocked inline style whose hash is that of the empty string
    // (CSP style-src 'self' doing its job; nothing is lost): recorded apart, every other error fails the test
    if (m.type() === 'error' && m.text().includes("style-src 'self'") && m.text().includes(EMPTY_STYLE)) {
      page.cspEmptyStyle = (page.cspEmptyStyle || 0) + 1;
    } else if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) { page.jsErrors.push(m.text()); }
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
      try { await p.screenshot({ path: path.join(cfg.outDir, 'sms-problems-' + name + '-failure.png'), fullPage: true }); }
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
  } catch (e) {
    out.fatal = String(e && e.stack || e);
  } finally {
    await browser.close();
    fs.writeFileSync(path.join(cfg.outDir, 'sms-problems-results.json'), JSON.stringify(out, null, 2));
  }
})();
