// The township's walk-in window (一门受理) in a real headless Chromium (playwright-core, Debian's chromium) at
// 1366×768: a clerk records a WINDOW application with the keyboard and the mouse as at a counter, sends the same
// form a second time, and prints the receipt. Driven by WindowBrowserTest, which passes the config as argv[2]
// and reads the JSON this script writes (and the receipt it saves); the Java test makes the assertions.
'use strict';
const fs = require('fs');
const path = require('path');
const cfg = JSON.parse(process.argv[2]);
const { chromium } = require(path.join(cfg.nodeModules, 'playwright-core'));
const axeSource = fs.readFileSync(path.join(cfg.nodeModules, 'axe-core', 'axe.min.js'), 'utf8');
const out = { scenarios: {}, axe: {} };
fs.mkdirSync(cfg.outDir, { recursive: true });

async function runAxe(page) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return res.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
}

(async () => {
  const browser = await chromium.launch({
    executablePath: cfg.chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  const r = { ok: false };
  out.scenarios.window = r;
  try {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(cfg.base + '/window');
    await page.fill('#username', 'chuangkou');
    await page.fill('#password', 'chuangkou');
    await Promise.all([page.waitForURL(u => u.toString().startsWith(cfg.base)), page.click('#kc-login')]);
    await page.waitForSelector('#window-form');
    r.heading = (await page.textContent('h1')).trim();
    out.axe['window-form-zh'] = await runAxe(page);
    // an empty submit first: the error summary, every field marked
    await Promise.all([page.waitForNavigation(), page.click('#window-submit')]);
    r.errorLinks = await page.$$eval('#error-summary a', as => as.map(a => a.getAttribute('href')));
    out.axe['window-errors-zh'] = await runAxe(page);
    await page.screenshot({ path: path.join(cfg.outDir, 'window-01-errors.png'), fullPage: true });
    // the applicant at the counter
    await page.fill('#name', cfg.name);
    await page.fill('#idNumber', cfg.idNumber);
    await page.fill('#phone', '13912345678');
    await page.selectOption('#village', '620503114201');
    await page.selectOption('#difficulty', 'HOUSING');
    await page.fill('#householdSize', '3');
    await page.fill('#description', '房屋漏雨，无力修缮');
    await page.check('#idSeen');
    await page.check('input[name=material][value="户口簿复印件"]');
    await page.fill('#otherMaterials', '房屋照片');
    await page.check('#consent');
    // what the browser would send (the same hidden Idempotency-Key and CSRF token), kept for a second send
    const sent = await page.$eval('#window-form', f => new URLSearchParams(new FormData(f)).toString());
    await page.screenshot({ path: path.join(cfg.outDir, 'window-02-filled.png'), fullPage: true });
    // the clerk presses the button twice (a double press): the second post leaves with the same form, cookie and
    // Idempotency-Key while the first is still on its way; both must answer with the same application
    const [dup] = await Promise.all([
      page.request.post(cfg.base + '/window', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: sent, maxRedirects: 0 }),
      page.waitForURL(u => u.toString().includes('/window/applications/')),
      page.click('#window-submit'),
    ]);
    r.againStatus = dup.status();
    r.againLocation = dup.headers()['location'];
    r.tracking = (await page.textContent('#tracking-number')).trim();
    r.received = (await page.textContent('#received')).trim();
    out.axe['window-done-zh'] = await runAxe(page);
    await page.screenshot({ path: path.join(cfg.outDir, 'window-03-done.png'), fullPage: true });
    // print the receipt: the link's PDF, saved for the Java test to read and decode
    const href = await page.getAttribute('#print-receipt', 'href');
    const pdf = await page.request.get(cfg.base + href);
    r.receiptStatus = pdf.status();
    r.receiptType = pdf.headers()['content-type'];
    fs.writeFileSync(path.join(cfg.outDir, 'receipt.pdf'), await pdf.body());
    // in English too
    await page.goto(cfg.base + '/preferences/language?to=en&back=%2Fwindow');
    await page.waitForSelector('#window-form');
    r.englishLang = await page.getAttribute('html', 'lang');
    out.axe['window-form-en'] = await runAxe(page);
    r.ok = true;
    await ctx.close();
  } catch (e) {
    r.error = String(e && e.stack || e);
  } finally {
    await browser.close();
    fs.writeFileSync(path.join(cfg.outDir, 'window-results.json'), JSON.stringify(out, null, 2));
  }
})();
