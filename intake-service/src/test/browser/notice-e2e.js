// The 公示 pages in a real headless Chromium (playwright-core, Debian's chromium), driven by NoticeBrowserTest,
// which passes the config as argv[2] and reads the JSON written here. Phase "before": the township's list and
// one notice, what they show, an objection filed without JavaScript, axe. Phase "after" (the clock moved past
// the period): whether the notice is still there.
'use strict';
const fs = require('fs');
const path = require('path');
const cfg = JSON.parse(process.argv[2]);
const { chromium } = require(path.join(cfg.nodeModules, 'playwright-core'));
const axeSource = fs.readFileSync(path.join(cfg.nodeModules, 'axe-core', 'axe.min.js'), 'utf8');
const out = { scenarios: {}, axe: {} };
const PHONE = { width: 390, height: 844 };

async function runAxe(page) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return res.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
}

async function scenario(name, browser, ctxOptions, fn) {
  const ctx = await browser.newContext(Object.assign({ viewport: PHONE, locale: 'zh-CN' }, ctxOptions));
  const page = await ctx.newPage();
  const result = { ok: false };
  try {
    await fn(page, result);
    result.ok = true;
  } catch (e) {
    result.error = String(e && e.stack || e);
    try { await page.screenshot({ path: path.join(cfg.outDir, 'notice-' + name + '-failure.png'), fullPage: true }); } catch (ignored) { /* gone */ }
  }
  out.scenarios[name] = result;
  await ctx.close();
}

(async () => {
  const browser = await chromium.launch({
    executablePath: cfg.chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  const listUrl = cfg.base + '/notices/' + cfg.township;
  const oneUrl = listUrl + '/' + cfg.noticeId;
  try {
    if (cfg.phase === 'before') {
      await scenario('list', browser, { bypassCSP: true }, async (page, r) => {
        const resp = await page.goto(listUrl);
        r.status = resp.status();
        r.lang = await page.getAttribute('html', 'lang');
        r.headers = await page.$$eval('table#notices thead th', ths => ths.map(th => th.textContent.trim()));
        r.row = await page.$$eval('tr[data-notice="' + cfg.noticeId + '"] > *', cells => cells.map(c => c.textContent.trim()));
        r.text = await page.evaluate(() => document.body.innerText);
        await page.screenshot({ path: path.join(cfg.outDir, 'notice-list.png'), fullPage: true });
        out.axe.list = await runAxe(page);
      });
      await scenario('one', browser, { javaScriptEnabled: false }, async (page, r) => {
        const resp = await page.goto(oneUrl);
        r.status = resp.status();
        r.fields = await page.$$eval('dl#notice dt', dts => dts.map(dt => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]));
        r.text = await page.evaluate(() => document.body.innerText);
        r.qr = await page.$$eval('figure.qr svg path', ps => ps.length);
        r.qrLabel = await page.getAttribute('figure.qr [role=img]', 'aria-label');
        await page.screenshot({ path: path.join(cfg.outDir, 'notice-one.png'), fullPage: true });
        await page.fill('#f-text', '该户在镇上开有商铺，有经营性收入');
        await Promise.all([page.waitForNavigation(), page.click('form.objection button[type=submit]')]);
        r.afterUrl = page.url();
        r.filed = (await page.textContent('#filed')).trim();
      });
      await scenario('oneAxe', browser, { bypassCSP: true }, async (page, r) => {
        await page.goto(oneUrl);
        out.axe.one = await runAxe(page);
        await page.click('form.objection button[type=submit]'); // empty text: the errors
        await page.waitForSelector('#error-summary');
        r.error = (await page.textContent('#e-text')).trim();
        out.axe.oneErrors = await runAxe(page);
      });
    } else {
      await scenario('after', browser, {}, async (page, r) => {
        await page.goto(listUrl);
        r.rows = await page.$$eval('tr[data-notice="' + cfg.noticeId + '"]', rows => rows.length);
        r.text = await page.evaluate(() => document.body.innerText);
        const resp = await page.goto(oneUrl);
        r.oneStatus = resp.status();
        r.oneText = await page.evaluate(() => document.body.innerText);
      });
    }
  } catch (e) {
    out.fatal = String(e && e.stack || e);
  } finally {
    await browser.close();
    fs.writeFileSync(path.join(cfg.outDir, 'notice-' + cfg.phase + '.json'), JSON.stringify(out, null, 2));
  }
})();
