// What the console's browser scripts share: Chromium launched as this machine allows, the sign-in through the test
// provider's login page with the page's errors and failed loads recorded, axe-core's WCAG 2.2 AA run, and a scenario
// in its own browser context that records its result and a screenshot when it fails. A script:
//   const h = require('./harness.js')(JSON.parse(process.argv[2]), 'posters');
//   await h.run(async browser => { await h.scenario('name', browser, {}, async (ctx, r) => { ... }); });
// writes <name>-results.json ({scenarios, axe, fatal}) into cfg.outDir for the Java test to assert on.
'use strict';
const fs = require('fs');
const path = require('path');

const EMPTY_STYLE = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

module.exports = (cfg, name) => {
  const { chromium } = require(path.join(cfg.nodeModules, 'playwright-core'));
  const axeSource = fs.readFileSync(path.join(cfg.nodeModules, 'axe-core', 'axe.min.js'), 'utf8');
  const out = { scenarios: {}, axe: {} };
  fs.mkdirSync(cfg.outDir, { recursive: true });

  /** A new page of ctx signed in as user (password = user) by way of start; jsErrors and failed loads recorded. */
  async function signIn(ctx, user, start) {
    const page = await ctx.newPage();
    page.jsErrors = [];
    page.on('pageerror', e => page.jsErrors.push(String(e)));
    // every failed load, by address (a blocked script or a missing asset would silently lose a chart)
    page.failed = [];
    page.on('response', resp => { if (resp.status() >= 400) { page.failed.push(resp.status() + ' ' + new URL(resp.url()).pathname); } });
    page.on('console', m => {
      // htmx 2's in-place swap makes the browser report a blocked inline style whose hash is that of the empty string
      // (CSP style-src 'self' doing its job; nothing is lost): counted apart, every other error is the page's fault
      if (m.type() === 'error' && m.text().includes("style-src 'self'") && m.text().includes(EMPTY_STYLE)) {
        page.cspEmptyStyle = (page.cspEmptyStyle || 0) + 1;
      } else if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) { page.jsErrors.push(m.text()); }
    });
    await page.goto(cfg.base + (start || '/'));
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

  /** fn(ctx, r) in a fresh 1366×768 zh-CN context (options added); r.ok, or r.error and a screenshot. */
  async function scenario(scenarioName, browser, options, fn) {
    const ctx = await browser.newContext(Object.assign({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' },
      options));
    const r = { ok: false };
    try {
      await fn(ctx, r);
      r.ok = true;
    } catch (e) {
      r.error = String(e && e.stack || e);
      for (const p of ctx.pages()) {
        try { await p.screenshot({ path: path.join(cfg.outDir, name + '-' + scenarioName + '-failure.png'), fullPage: true }); }
        catch (ignored) { /* page gone */ }
      }
    }
    out.scenarios[scenarioName] = r;
    await ctx.close();
  }

  /** Launches Chromium, runs body(browser), and writes the results whatever happened. */
  async function run(body) {
    const browser = await chromium.launch({ executablePath: cfg.chromium, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'] });
    try {
      await body(browser);
    } catch (e) {
      out.fatal = String(e && e.stack || e);
    } finally {
      await browser.close();
      fs.writeFileSync(path.join(cfg.outDir, name + '-results.json'), JSON.stringify(out, null, 2));
    }
  }

  return { cfg, out, signIn, runAxe, scenario, run };
};
