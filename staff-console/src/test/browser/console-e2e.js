// The township reviewer's workspace in a real headless Chromium (playwright-core, no download: Debian's
// chromium) at 1366×768, against the console under test and the real case-service behind it. Driven by
// ConsoleBrowserTest, which passes the config as argv[2] and reads the JSON this script writes. Every
// scenario records what it saw; the Java test makes the assertions.
'use strict';
const fs = require('fs');
const path = require('path');
const cfg = JSON.parse(process.argv[2]);
const { chromium } = require(path.join(cfg.nodeModules, 'playwright-core'));
const axeSource = fs.readFileSync(path.join(cfg.nodeModules, 'axe-core', 'axe.min.js'), 'utf8');
const out = { scenarios: {}, axe: {} };
const DESKTOP = { width: 1366, height: 768 };
fs.mkdirSync(cfg.outDir, { recursive: true });

async function shot(page, name) {
  await page.screenshot({ path: path.join(cfg.outDir, name + '.png'), fullPage: true });
}

async function scenario(name, browser, ctxOptions, fn) {
  const ctx = await browser.newContext(Object.assign({ viewport: DESKTOP, locale: 'zh-CN' }, ctxOptions));
  const result = { ok: false, errors: [] };
  try {
    await fn(ctx, result);
    result.ok = true;
  } catch (e) {
    result.error = String(e && e.stack || e);
    for (const p of ctx.pages()) {
      try { await shot(p, name + '-failure'); } catch (ignored) { /* page gone */ }
    }
  }
  out.scenarios[name] = result;
  await ctx.close();
}

// The console sends an anonymous visitor to the identity provider's login page (ids as Keycloak's).
async function signIn(ctx, user, r) {
  const page = await ctx.newPage();
  if (r) {
    page.on('response', async resp => {
      if (resp.status() >= 400 && resp.request().resourceType() === 'document') {
        let body = '';
        try { body = (await resp.text()).slice(0, 300); } catch (e) { /* replaced */ }
        r.errors.push({ url: resp.url(), status: resp.status(), method: resp.request().method(), body });
      }
    });
  }
  page.on('pageerror', e => { (page.jsErrors = page.jsErrors || []).push(String(e)); });
  await page.goto(cfg.base + '/');
  await page.fill('#username', user);
  await page.fill('#password', user);
  await Promise.all([page.waitForURL(u => u.toString().startsWith(cfg.base)), page.click('#kc-login')]);
  return page;
}

async function runAxe(page) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return res.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
}

async function timeline(page) {
  return page.$$eval('#timeline li', lis => lis.map(li => li.getAttribute('data-action')));
}

// One step through the case page as a reviewer does it: the button (htmx loads the form in place),
// the fields, submit; the page comes back with the notice.
async function act(page, action, fill) {
  await page.click(`#action-buttons a[data-action="${action}"]`);
  await page.waitForSelector('#action-form');
  for (const [sel, value] of Object.entries(fill || {})) { await page.fill(sel, value); }
  await Promise.all([page.waitForURL(u => u.toString().includes('done=' + action)), page.click('#action-submit')]);
  return (await page.textContent('#notice')).trim();
}

// the home visit's record (入户调查) on its own page, a plain form; by two others, so liqiao may still decide
async function investigate(page, caseId) {
  await page.goto(cfg.base + '/cases/' + caseId + '/investigation');
  const fill = { '#inv1-user': 'wangwu', '#inv1-name': '王五', '#inv2-user': 'zhaoliu', '#inv2-name': '赵六',
    '#wage': '600', '#netBusiness': '0', '#netProperty': '0', '#netTransfer': '150', '#findings': '户主患慢性病，无劳动能力' };
  for (const [sel, value] of Object.entries(fill)) { await page.fill(sel, value); }
  await page.check('input[name="householdConfirmed"][value="no"]');
  await Promise.all([page.waitForURL(u => u.toString().includes('saved=1')), page.click('#investigation-submit')]);
  const shown = (await page.textContent('#inv-investigators')).trim();
  await page.goto(cfg.base + '/cases/' + caseId);
  return shown;
}

async function deliver(application) { // as intake's relay delivers a new application to case-service
  const r = await fetch(cfg.caseService + '/internal/v1/applications', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + cfg.serviceToken },
    body: JSON.stringify(application),
  });
  if (r.status !== 200) { throw new Error('delivery answered ' + r.status + ': ' + await r.text()); }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: cfg.chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  try {
    // 1. The journey: sign in as 利桥镇's reviewer, find the new TEMPORARY case, reveal, take it to approval.
    await scenario('journey', browser, { bypassCSP: true }, async (ctx, r) => {
      const page = await signIn(ctx, 'liqiao');
      await page.goto(cfg.base + cfg.queuePath); // the queue, searched for this run's cases
      r.lang = await page.getAttribute('html', 'lang');
      r.h1 = (await page.textContent('h1')).trim();
      r.viewport = await page.evaluate(() => [window.innerWidth, window.innerHeight]);
      r.horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const queueText = await page.textContent('#queue');
      r.seesTemporary = queueText.includes(cfg.temporary.trackingNumber);
      r.seesForeign = (await page.content()).includes(cfg.foreign.trackingNumber);
      await shot(page, '01-queue');
      out.axe['queue-zh'] = await runAxe(page);

      // a case that arrives while the queue is open appears without a reload (htmx polling)
      const before = page.url();
      await page.evaluate(() => { window.__sameDocument = true; });
      await deliver(cfg.arriving);
      const arrived = `#queue a.tracking:has-text("${cfg.arriving.trackingNumber}")`;
      await page.waitForSelector(arrived, { timeout: 20000 }).catch(() => {});
      r.arrivedWithoutReload = await page.$(arrived) !== null && page.url() === before
        && await page.evaluate(() => window.__sameDocument === true);

      await Promise.all([page.waitForURL('**/cases/' + cfg.temporary.caseId),
        page.click(`#queue a.tracking:has-text("${cfg.temporary.trackingNumber}")`)]);
      r.maskedId = (await page.textContent('#applicant-id')).trim();
      out.axe['case-zh'] = await runAxe(page);
      await page.goto(cfg.base + '/cases/' + cfg.materials.caseId + '/actions/REQUEST_MATERIALS');
      out.axe['materials-form-zh'] = await runAxe(page);
      await shot(page, '02b-materials-form');
      await page.goto(cfg.base + '/cases/' + cfg.temporary.caseId);
      await shot(page, '02-case');
      await page.fill('#reveal-reason', cfg.revealReason);
      await page.click('#reveal-submit');
      await page.waitForSelector('#revealed-note');
      r.revealedId = (await page.textContent('#applicant-id')).trim();
      // the SMS case-service had sent through notification-service (its relay polls every second)
      for (let i = 0; i < 20; i++) {
        await page.goto(cfg.base + '/cases/' + cfg.temporary.caseId);
        r.smsEvents = await page.$$eval('#sms tbody tr', rows => rows.map(x => x.getAttribute('data-event')));
        if (r.smsEvents.includes('RECEIVED')) { break; }
        await page.waitForTimeout(500);
      }

      r.notices = [];
      r.notices.push(await act(page, 'REQUEST_MATERIALS', { '#a-materials': '户口簿复印件\n医院诊断证明' }));
      r.afterMaterials = await timeline(page);
      r.notices.push(await act(page, 'RECEIVE_MATERIALS'));
      r.notices.push(await act(page, 'ACCEPT', { '#a-note': '材料齐全' }));
      r.afterAccept = await timeline(page);
      r.investigators = await investigate(page, cfg.temporary.caseId);
      r.notices.push(await act(page, 'COMPLETE_INVESTIGATION', { '#a-note': '两人入户调查' }));
      r.afterInvestigation = await timeline(page);
      r.notices.push(await act(page, 'APPROVE', { '#a-amount': '2000' }));
      r.finalTimeline = await timeline(page);
      r.finalStatus = (await page.textContent('#case-status')).trim();
      await shot(page, '03-approved');

      // a DIBAO case goes to public notice (approval only after its 7 days)
      await page.goto(cfg.base + '/cases/' + cfg.dibao.caseId);
      await act(page, 'ACCEPT');
      await investigate(page, cfg.dibao.caseId);
      await act(page, 'COMPLETE_INVESTIGATION');
      r.noticeNotice = await act(page, 'START_PUBLIC_NOTICE');
      r.dibaoTimeline = await timeline(page);
      r.dibaoStatus = (await page.textContent('#case-status')).trim();
      r.jsErrors = page.jsErrors || [];

      // 党川镇's case is nowhere: not by address either
      const foreign = await page.goto(cfg.base + '/cases/' + cfg.foreign.caseId);
      r.foreignStatus = foreign.status();
      r.foreignShown = (await page.content()).includes(cfg.foreign.trackingNumber);
      await page.goto(cfg.base + '/?text=' + cfg.foreign.trackingNumber);
      r.foreignInSearch = (await page.content()).includes(cfg.foreign.caseId);
    });

    // 2. Two reviewers on one case: the second one's step meets a 412 and sees the fresh case.
    await scenario('conflict', browser, {}, async (ctx, r) => {
      const a = await signIn(ctx, 'liqiao', r);
      const otherCtx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      try {
        const b = await signIn(otherCtx, 'liqiao', r);
        await a.goto(cfg.base + '/cases/' + cfg.conflict.caseId + '/actions/ACCEPT');
        await b.goto(cfg.base + '/cases/' + cfg.conflict.caseId + '/actions/REQUEST_MATERIALS');
        await Promise.all([a.waitForURL(u => u.toString().includes('done=ACCEPT')), a.click('#action-submit')]);
        await b.fill('#a-materials', '户口簿');
        // the submit's answer, not htmx's SMS preview (hx-request) that typing asked for
        const [resp] = await Promise.all([b.waitForResponse(x => x.request().method() === 'POST'
          && !x.request().headers()['hx-request']), b.click('#action-submit')]);
        await b.waitForSelector('#notice');
        r.status = resp.status();
        r.notice = (await b.textContent('#notice')).trim();
        r.freshStatus = (await b.textContent('#case-status')).trim();
        await shot(b, '04-conflict');
      } finally {
        await otherCtx.close();
      }
    });

    // 3. Without JavaScript: sign-in, queue, case page and an action as full-page form posts.
    await scenario('nojs', browser, { javaScriptEnabled: false }, async (ctx, r) => {
      const page = await signIn(ctx, 'liqiao');
      await page.goto(cfg.base + cfg.queuePath);
      r.queueRows = await page.$$eval('#queue tbody tr', rows => rows.length);
      await page.goto(cfg.base + '/cases/' + cfg.nojs.caseId);
      r.caseTitle = (await page.textContent('h1')).trim();
      r.deadlines = await page.$$eval('#deadlines tbody tr', rows => rows.length);
      await Promise.all([page.waitForURL('**/actions/ACCEPT**'), page.click('#action-buttons a[data-action="ACCEPT"]')]);
      await Promise.all([page.waitForURL(u => u.toString().includes('done=ACCEPT')), page.click('#action-submit')]);
      r.notice = (await page.textContent('#notice')).trim();
      r.timeline = await timeline(page);
    });

    // 4. In English: lang attribute, labels, and axe on both pages.
    await scenario('english', browser, { locale: 'en-US', bypassCSP: true }, async (ctx, r) => {
      const page = await signIn(ctx, 'liqiao');
      await page.goto(cfg.base + cfg.queuePath);
      r.lang = await page.getAttribute('html', 'lang');
      r.h1 = (await page.textContent('h1')).trim();
      out.axe['queue-en'] = await runAxe(page);
      await page.goto(cfg.base + '/cases/' + cfg.temporary.caseId);
      r.caseH2 = await page.$$eval('h2', hs => hs.map(h => h.textContent.trim()));
      out.axe['case-en'] = await runAxe(page);
      await page.goto(cfg.base + '/cases/' + cfg.nojs.caseId + '/actions/CLASSIFY');
      out.axe['form-en'] = await runAxe(page);
      await page.goto(cfg.base + '/cases/' + cfg.materials.caseId + '/actions/REQUEST_MATERIALS');
      r.checklist = await page.$$eval('#a-materials-checklist input', is => is.length);
      out.axe['materials-form-en'] = await runAxe(page);
    });

    // 5b. The session ends while a refusal's reason is being typed: submit, sign in again, the form is back filled.
    await scenario('expiry', browser, {}, async (ctx, r) => {
      const page = await signIn(ctx, 'liqiao', r);
      const form = cfg.base + '/cases/' + cfg.expiry.caseId + '/actions/NOT_ACCEPT';
      await page.goto(form);
      await page.fill('#a-reason', cfg.longReason);
      await page.fill('#a-note', '已电话告知');
      // as the browser drops the session cookie once its age has passed; the others stay
      const kept = (await ctx.cookies()).filter(c => !c.name.startsWith('q_session'));
      await ctx.clearCookies();
      await ctx.addCookies(kept);
      await Promise.all([page.waitForSelector('#username'), page.click('#action-submit')]);
      r.askedToSignIn = true;
      await page.fill('#username', 'liqiao');
      await page.fill('#password', 'liqiao');
      await Promise.all([page.waitForURL(u => u.toString().startsWith(cfg.base)), page.click('#kc-login')]);
      await page.waitForSelector('#action-form');
      r.backAt = new URL(page.url()).pathname;
      r.reason = await page.inputValue('#a-reason');
      r.note = await page.inputValue('#a-note');
      r.notice = (await page.textContent('#notice')).trim();
      r.statusBeforeSubmit = (await page.textContent('#case-status')).trim();
      await shot(page, '06-form-kept');
      await Promise.all([page.waitForURL(u => u.toString().includes('done=NOT_ACCEPT')), page.click('#action-submit')]);
      r.statusAfterSubmit = (await page.textContent('#case-status')).trim();
    });

    // 6. Referrals as tasks (htmx in place): two more departments, one acknowledged, one done with its answer;
    //    an APPROVE whose amount differs from case-service's 补差: refused without a reason, accepted with one.
    await scenario('tasks', browser, {}, async (ctx, r) => {
      const page = await signIn(ctx, 'liqiao', r);
      const states = () => page.$$eval('#referrals tbody tr', rows => Object.fromEntries(rows.map(x =>
        [x.querySelector('th').textContent.trim(), x.getAttribute('data-state')])));
      const noticeIs = text => page.waitForFunction(t => {
        const n = document.querySelector('#notice');
        return n && n.textContent.includes(t);
      }, text);
      await page.goto(cfg.base + '/cases/' + cfg.referral.caseId);
      r.before = await states();
      for (const dept of ['住房和城乡建设局', '教育局']) {
        await page.selectOption('#referral-department-input', dept);
        await Promise.all([noticeIs('已转办'), page.click('#referral-add-submit')]);
        await page.waitForFunction(d => [...document.querySelectorAll('#referrals tbody th')]
          .some(th => th.textContent.trim() === d), dept);
      }
      r.afterAdd = await states();
      const row = dept => page.$$eval('#referrals tbody tr', (rows, d) => rows
        .find(x => x.querySelector('th').textContent.trim() === d).getAttribute('data-referral'), dept);
      const housing = await row('住房和城乡建设局');
      await Promise.all([noticeIs('签收'), page.click(`#referral-forms-${housing} form.referral-ack button`)]);
      r.afterAck = await states();
      await page.fill(`#outcome-${housing}`, '已纳入危房改造计划');
      await Promise.all([noticeIs('办结'), page.click(`#referral-forms-${housing} form.referral-done button`)]);
      r.afterDone = await states();
      r.answer = (await page.textContent(`#referrals tr[data-referral="${housing}"] .referral-answer`)).trim();
      r.url = new URL(page.url()).pathname;
      out.axe['referrals-zh'] = await runAxe(page);
      await shot(page, '07-referrals');

      await page.goto(cfg.base + '/cases/' + cfg.amount.caseId + '/actions/APPROVE');
      r.prefilled = await page.inputValue('#a-amount');
      r.computed = (await page.textContent('#amount-computed')).trim();
      r.previewBefore = (await page.textContent('#sms-preview')).trim();
      out.axe['approve-form-zh'] = await runAxe(page);
      await page.fill('#a-amount', '800');
      // htmx asks again as the amount changes: case-service rehearses the approval, which a changed amount
      // without its reason would not pass, so the box waits for the reason instead of showing an SMS never sent
      await page.waitForFunction(() => !document.querySelector('#sms-preview-text')
        && (document.querySelector('#sms-preview-message') || {}).textContent, null, { timeout: 10000 })
        .then(() => { r.previewWaits = true; }, () => { r.previewWaits = false; });
      r.previewWaiting = (await page.textContent('#sms-preview')).trim();
      const [refused] = await Promise.all([page.waitForResponse(x => x.request().method() === 'POST'
        && !x.request().headers()['hx-request']), page.click('#action-submit')]);
      await page.waitForSelector('#a-amountReason-error');
      r.refusedStatus = refused.status();
      r.reasonError = (await page.textContent('#a-amountReason-error')).trim();
      r.keptAmount = await page.inputValue('#a-amount');
      out.axe['approve-refused-zh'] = await runAxe(page);
      await shot(page, '08-amount-refused');
      await page.fill('#a-amountReason', '户主长期服药，每月药费约 100 元');
      // with the reason the step passes: the SMS the resident will read, with the amount typed
      await page.waitForFunction(() => (document.querySelector('#sms-preview-text') || {}).textContent
        && document.querySelector('#sms-preview-text').textContent.includes('800'), null, { timeout: 10000 })
        .then(() => { r.previewFollows = true; }, () => { r.previewFollows = false; });
      r.previewAfter = (await page.textContent('#sms-preview')).trim();
      await Promise.all([page.waitForURL(u => u.toString().includes('done=APPROVE')), page.click('#action-submit')]);
      r.approvedStatus = (await page.textContent('#case-status')).trim();
      r.jsErrors = page.jsErrors || [];
    });

    // 5. Keyboard, large text and print.
    await scenario('keyboard', browser, {}, async (ctx, r) => {
      const page = await signIn(ctx, 'liqiao');
      await page.keyboard.press('Tab');
      r.firstFocus = await page.evaluate(() => document.activeElement.className);
      r.firstOutline = await page.evaluate(() => parseFloat(getComputedStyle(document.activeElement).outlineWidth));
      await page.keyboard.press('Enter');
      r.afterSkip = await page.evaluate(() => document.activeElement.id);
      await page.keyboard.press('Tab');
      r.nextFocusOutline = await page.evaluate(() => parseFloat(getComputedStyle(document.activeElement).outlineWidth));
      r.normalFont = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      await page.click('a[href^="/preferences/text?size=large"]');
      await page.waitForSelector('html.large-text');
      r.largeFont = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      r.largeScroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await shot(page, '05-large-text');
      await page.emulateMedia({ media: 'print' });
      await page.goto(cfg.base + '/cases/' + cfg.temporary.caseId);
      r.printNav = await page.evaluate(() => getComputedStyle(document.querySelector('header nav')).display);
      r.printActions = await page.evaluate(() => getComputedStyle(document.querySelector('#action-panel')).display);
      r.printTimeline = await page.evaluate(() => getComputedStyle(document.querySelector('#timeline')).display);
    });
  } catch (e) {
    out.fatal = String(e && e.stack || e);
  } finally {
    await browser.close();
    fs.writeFileSync(path.join(cfg.outDir, 'results.json'), JSON.stringify(out, null, 2));
  }
})();
