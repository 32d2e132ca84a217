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

// One step through the case page as a reviewer does it: the action's button (htmx loads its form in
// place), the fields, send; the page comes back with the notice "已办理：…".
async function act(page, action, fill, select) {
  await page.click(`#action-buttons a[data-action="${action}"]`);
  await page.waitForSelector('#action-form');
  for (const [sel, value] of Object.entries(select || {})) { await page.selectOption(sel, value); }
  for (const [sel, value] of Object.entries(fill || {})) { await page.fill(sel, value); }
  await Promise.all([page.waitForURL(u => u.toString().includes('done=' + action)), page.click('#action-submit')]);
  return (await page.textContent('#notice')).trim();
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
      const next = cfg.phase === 'decide' ? 'CLASSIFY' : 'ACCEPT';
      if (!actions.includes(next)) throw new Error(`no ${next} button among ` + actions.join(' '));
      return `status ${status}, ID ${id}, phone ${phone} (masked), actions ${actions.join(' ')}`;
    })) return;

    if (cfg.phase === 'decide') {
      // The same reviewer takes the accepted case to a decision: classify it as 临时救助 (TEMPORARY), finish
      // the investigation, approve an amount; each step in the timeline.
      await page.goto(cfg.console + '/cases/' + cfg.caseId);
      const steps = [
        ['CLASSIFY', null, { '#a-type': 'TEMPORARY' }],
        ['COMPLETE_INVESTIGATION', { '#a-note': '冒烟测试：两人入户调查' }],
        ['APPROVE', { '#a-amount': '2000', '#a-note': '冒烟测试：批准' }],
      ];
      for (const [action, fill, select] of steps) {
        if (action === 'COMPLETE_INVESTIGATION' && !await check('the investigation record (入户调查) on its page', async () => {
          // by two colleagues: whoever investigated may not approve (four eyes), and this reviewer approves below
          await page.goto(cfg.console + '/cases/' + cfg.caseId + '/investigation');
          const fillInv = { '#inv1-user': 'wangwu', '#inv1-name': '王五', '#inv2-user': 'zhaoliu', '#inv2-name': '赵六',
            '#wage': '600', '#netBusiness': '0', '#netProperty': '0', '#netTransfer': '150',
            '#findings': '冒烟测试：两人入户调查，户主患病无劳动能力' };
          for (const [sel, value] of Object.entries(fillInv)) { await page.fill(sel, value); }
          await page.check('input[name="householdConfirmed"][value="no"]');
          await Promise.all([page.waitForURL(u => u.toString().includes('saved=1')), page.click('#investigation-submit')]);
          const who = (await page.textContent('#inv-investigators')).trim();
          await page.goto(cfg.console + '/cases/' + cfg.caseId);
          return who;
        })) return;
        if (action === 'APPROVE') process.stdout.write(JSON.stringify({ approvedAt: Date.now() }) + '\n');
        if (!await check(`${action} in the console`, async () => {
          const notice = await act(page, action, fill, select);
          return `notice "${notice}", status now ${(await page.textContent('#case-status')).trim()}`;
        })) return;
      }
      await check('the timeline holds every step, the decision last', async () => {
        const labels = await page.$$eval('#timeline li', lis => lis.map(li => li.getAttribute('data-action')));
        if (labels.length < 6) throw new Error('only ' + labels.join(' | '));
        return labels.join(' → ');
      });
      await check('no JavaScript errors on the pages', async () => {
        if (jsErrors.length) throw new Error(jsErrors.join('; '));
        return '';
      });
      return;
    }

    // 3b. The full ID number for a phone call: only with a reason (audited by case-service), on this page only.
    if (!await check('reveal with a reason: the full ID number on this page only', async () => {
      await page.fill('#reveal-reason', cfg.revealReason);
      await page.click('#reveal-submit');
      await page.waitForSelector('#revealed-note');
      const id = (await page.textContent('#applicant-id')).trim();
      if (id !== cfg.idNumber) throw new Error('the revealed ID number is not the applicant\'s');
      return `${id.slice(0, 6)}… shown after the reason "${cfg.revealReason}"`;
    })) return;

    // 3c. 一次性告知: every missing item at once; the acceptance clock pauses, and resumes when they are in.
    if (!await check('REQUEST_MATERIALS: the items at once, the clock paused', async () => {
      await page.goto(cfg.console + '/cases/' + cfg.caseId);
      const notice = await act(page, 'REQUEST_MATERIALS', { '#a-materials': '户口簿复印件\n医院诊断证明' });
      const clock = (await page.textContent('#materials-clock')).trim();
      if (!clock.includes('暂停')) throw new Error('materials clock: ' + clock);
      return `notice "${notice}"; ${(await page.textContent('#materials-requested')).trim()}; ${clock}`;
    })) return;
    if (!await check('RECEIVE_MATERIALS: the clock resumes', async () => {
      const notice = await act(page, 'RECEIVE_MATERIALS');
      const clock = (await page.textContent('#materials-clock')).trim();
      if (!clock.includes('恢复计时')) throw new Error('materials clock: ' + clock);
      return `notice "${notice}"; ${clock}`;
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
