// The browser part of deploy/local/smoke: the township reviewer's path through the staff console in a
// real headless Chromium (playwright-core driving Debian's chromium, no browser download), signing in on
// Keycloak's own login page. Called by deploy/local/smoke with its settings as JSON in argv[2]; writes one
// JSON line per check to stdout ({"ok": true|false, "ms": time of the step, "what": "..."}), which the
// smoke counts and prints like its other checks, and {"acceptedAt": epoch ms} when the ACCEPT form is sent. Exits 0 when it could run at all (the checks say the
// rest), 3 when playwright-core cannot be loaded.
'use strict';
const path = require('path');
const cfg = JSON.parse(process.argv[2]);

let chromium;
try {
  ({ chromium } = require(path.join(cfg.nodeModules, 'playwright-core')));
} catch (e) {
  process.stderr.write(`cannot load playwright-core from ${cfg.nodeModules}: ${e.message}\n`);
  process.exit(3);
}

const DESKTOP = { width: 1366, height: 768 };
function report(ok, ms, what) {
  process.stdout.write(JSON.stringify({ ok, ms, what }) + '\n');
}
// check(what, fn): runs one step, times it, reports it; fn returns the text that describes what it saw
async function check(what, fn) {
  const t0 = Date.now();
  try {
    const seen = await fn();
    report(true, Date.now() - t0, seen ? `${what}: ${seen}` : what);
    return true;
  } catch (e) {
    report(false, Date.now() - t0, `${what}: ${String(e && e.message || e).split('\n')[0].slice(0, 300)}`);
    return false;
  }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: cfg.chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  ctx.setDefaultTimeout(cfg.timeoutMs);
  const page = await ctx.newPage();
  const jsErrors = [];
  page.on('pageerror', e => jsErrors.push(String(e)));
  try {
    // 1. An anonymous visitor of the console is sent to Keycloak's login page (not a login of the console's own).
    if (!await check('GET the console -> redirected to Keycloak\'s login page', async () => {
      await page.goto(cfg.console + '/');
      await page.waitForSelector('#kc-login');
      const url = new URL(page.url());
      if (!page.url().startsWith(cfg.issuer + '/protocol/openid-connect/auth')) throw new Error('at ' + page.url());
      const pkce = url.searchParams.get('code_challenge_method');
      return `${url.origin}${url.pathname} (client_id ${url.searchParams.get('client_id')}, PKCE ${pkce})`;
    })) return;

    // 2. The demo reviewer signs in there and lands on the console's queue.
    if (!await check(`${cfg.user} signs in on that page -> the console's queue`, async () => {
      await page.fill('#username', cfg.user);
      await page.fill('#password', cfg.password);
      await Promise.all([page.waitForURL(u => u.toString().startsWith(cfg.console + '/')), page.click('#kc-login')]);
      await page.waitForSelector('#queue');
      const h1 = (await page.textContent('h1')).trim();
      const user = (await page.textContent('header .user') || '').trim();
      const rows = await page.$$eval('#queue tbody tr', r => r.length);
      return `${page.url()}, "${h1}", ${user}, ${rows} rows, ${await page.textContent('#queue caption').then(t => t.replace(/\s+/g, ' ').trim())}`;
    })) return;

    if (cfg.screenshot) {
      await check('screenshot of the queue at 1366×768', async () => {
        await page.screenshot({ path: cfg.screenshot, fullPage: false });
        return cfg.screenshot;
      });
    }

    // 3. The reviewer searches the queue for the application the smoke just submitted, and opens it.
    if (!await check(`the queue's search finds ${cfg.tracking}`, async () => {
      await page.fill('#f-text', cfg.tracking);
      await Promise.all([page.waitForURL(u => u.toString().includes('text=' + cfg.tracking)), page.click('form.filters button[type=submit]')]);
      const link = await page.waitForSelector(`#queue a.tracking:has-text("${cfg.tracking}")`);
      const row = await link.evaluate(a => a.closest('tr').innerText.replace(/\s+/g, ' ').trim());
      return row;
    })) return;

    if (!await check('opens the case page', async () => {
      await Promise.all([page.waitForURL('**/cases/' + cfg.caseId), page.click(`#queue a.tracking:has-text("${cfg.tracking}")`)]);
      const status = (await page.textContent('#case-status')).trim();
      const id = (await page.textContent('#applicant-id')).trim();
      const phone = (await page.textContent('#applicant-phone')).trim();
      if (id !== cfg.maskedId) throw new Error(`ID number shown as ${id}, expected masked ${cfg.maskedId}`);
      const actions = await page.$$eval('#action-buttons a[data-action]', as => as.map(a => a.getAttribute('data-action')));
      if (!actions.includes('ACCEPT')) throw new Error('no ACCEPT button among ' + actions.join(' '));
      return `status ${status}, ID ${id}, phone ${phone} (masked), actions ${actions.join(' ')}`;
    })) return;

    // 4. Accept (受理): the ACCEPT button opens that action's form in place (htmx); sent with If-Match by the console.
    let acceptLabel = '';
    if (!await check('ACCEPT: the button opens its form, the form is sent', async () => {
      acceptLabel = (await page.textContent('#action-buttons a[data-action="ACCEPT"]')).trim();
      await page.click('#action-buttons a[data-action="ACCEPT"]');
      await page.waitForSelector('#action-form');
      const fields = await page.$$eval('#action-form [name]', els => els.map(e => e.getAttribute('name')).filter(n => !n.startsWith('csrf')));
      if (await page.$('#a-note')) await page.fill('#a-note', cfg.note);
      // the moment of the accept, for the smoke's "accept -> SMS" and "accept -> status" times
      process.stdout.write(JSON.stringify({ acceptedAt: Date.now() }) + '\n');
      await Promise.all([page.waitForURL(u => u.toString().includes('done=ACCEPT')), page.click('#action-submit')]);
      const notice = (await page.textContent('#notice')).trim();
      return `button "${acceptLabel}", form fields ${fields.join(', ')}; notice "${notice}"`;
    })) return;

    // the timeline names each step as the page does (data-action holds the step's label) and shows its note
    await check('the timeline shows the step with its note', async () => {
      const steps = await page.$$eval('#timeline li', lis => lis.map(li => ({ action: li.getAttribute('data-action'), text: li.innerText.replace(/\s+/g, ' ').trim() })));
      const accept = steps.find(s => s.action === acceptLabel && s.text.includes(cfg.note));
      if (!accept) throw new Error(`no "${acceptLabel}" step with the note; timeline: ` + steps.map(s => s.text).join(' | '));
      return `"${accept.text}" (status now ${(await page.textContent('#case-status')).trim()})`;
    });
    await check('no JavaScript errors on the pages', async () => {
      if (jsErrors.length) throw new Error(jsErrors.join('; '));
      return '';
    });
  } finally {
    await ctx.close();
    await browser.close();
  }
})().then(() => process.exit(0), e => {
  report(false, 0, 'the browser could not run: ' + String(e && e.message || e).split('\n')[0]);
  process.exit(0);
});
