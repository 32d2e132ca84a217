// End-to-end checks of the resident's form in a real headless Chromium (playwright-core, no download:
// Debian's chromium). Driven by FormBrowserTest, which passes the config as argv[2] and reads the JSON
// this script writes. Every scenario records what it saw; the Java test makes the assertions.
'use strict';
const fs = require('fs');
const path = require('path');
const cfg = JSON.parse(process.argv[2]);
const { chromium } = require(path.join(cfg.nodeModules, 'playwright-core'));
const axeSource = fs.readFileSync(path.join(cfg.nodeModules, 'axe-core', 'axe.min.js'), 'utf8');
const out = { scenarios: {}, weight: null, external: [], axe: {}, reflow: {}, targets: [], fontSize: null };
const PHONE = { width: 390, height: 844 };
fs.mkdirSync(cfg.outDir, { recursive: true });

async function shot(page, name) {
  await page.screenshot({ path: path.join(cfg.outDir, name + '.png'), fullPage: true });
}

async function fill(page, p, opts = {}) {
  await page.fill('#f-name', p.name);
  await page.fill('#f-idNumber', p.id);
  await page.fill('#f-phone', p.phone);
  await page.check('#f-difficulty-' + (opts.difficulty || 'ILLNESS'));
  await page.fill('#f-householdSize', '3');
  await page.fill('#f-description', '丈夫住院，医药费负担重');
  if (opts.urgent) { await page.check('#f-urgent'); }
  await page.check('#f-consent');
  if (['ILLNESS', 'DISABILITY'].includes(opts.difficulty || 'ILLNESS')) { await page.check('#f-sensitiveConsent'); }
}

async function scenario(name, browser, ctxOptions, fn) {
  const ctx = await browser.newContext(Object.assign({ viewport: PHONE, locale: 'zh-CN' }, ctxOptions));
  const page = await ctx.newPage();
  page.on('request', r => { if (!r.url().startsWith(cfg.base) && !r.url().startsWith('data:')) { out.external.push(r.url()); } });
  const result = { ok: false, errors: [] };
  // every answer of 400 or more is recorded: what went wrong shows in results.json
  page.on('response', async resp => {
    if (resp.status() >= 400 && !resp.url().includes('/ZZZZZZ')) {
      let body = '';
      try { body = (await resp.text()).slice(0, 300); } catch (e) { /* navigation replaced it */ }
      result.errors.push({ url: resp.url(), status: resp.status(), method: resp.request().method(), headers: await resp.allHeaders(), body });
    }
  });
  try {
    await fn(page, result);
    result.ok = true;
  } catch (e) {
    result.error = String(e && e.stack || e);
    try { await shot(page, name + '-failure'); } catch (ignored) { /* page gone */ }
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
  try {
    // 1. With JavaScript: a village poster, draft kept across a reload, submit, tracking number.
    await scenario('js', browser, {}, async (page, r) => {
      await page.goto(cfg.base + '/h/' + cfg.posters.village);
      r.villagePreset = await page.$eval('#f-villageCode', s => s.value);
      r.telLinks = await page.$$eval('a[href^="tel:"]', as => as.length);
      await shot(page, '01-form');
      await page.fill('#f-name', cfg.people[0].name);
      await page.fill('#f-idNumber', cfg.people[0].id);
      await page.fill('#f-phone', cfg.people[0].phone);
      await page.reload();
      r.draftRestored = await page.$eval('#f-name', i => i.value) === cfg.people[0].name
        && await page.isVisible('#draft');
      // a phone may be shared: the ID number is neither restored nor stored, and nothing outlives the tab
      r.idRestored = await page.$eval('#f-idNumber', i => i.value);
      r.storedId = await page.evaluate(id => [localStorage, sessionStorage].some(st =>
        Object.keys(st).some(k => (st.getItem(k) || '').includes(id))), cfg.people[0].id);
      r.localKeys = await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('sfh-')).length);
      await fill(page, cfg.people[0], { urgent: true });
      await shot(page, '02-filled');
      await Promise.all([page.waitForURL('**/a/**'), page.click('#submit')]);
      r.tracking = (await page.textContent('#tracking')).trim();
      r.url = page.url();
      r.draftCleared = await page.evaluate(() => [localStorage, sessionStorage].every(st =>
        Object.keys(st).filter(k => k.startsWith('sfh-')).length === 0));
      await shot(page, '03-submitted');
    });

    // 2. Without JavaScript: the plain form post.
    await scenario('nojs', browser, { javaScriptEnabled: false }, async (page, r) => {
      await page.goto(cfg.base + '/h/' + cfg.posters.township);
      await fill(page, cfg.people[1]);
      await Promise.all([page.waitForURL('**/a/**'), page.click('#submit')]);
      r.tracking = (await page.textContent('#tracking')).trim();
      await shot(page, '04-nojs-submitted');
      // the status page, also without JavaScript
      await page.goto(cfg.base + '/s');
      await page.fill('#f-trackingNumber', r.tracking);
      await page.fill('#f-last4', cfg.people[1].phone.slice(-4));
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      r.status = (await page.textContent('#status-text')).trim();
      await shot(page, '05-status');
    });

    // 3. The answer to the first submit is lost on the way back; the script retries with the same key.
    await scenario('lost', browser, {}, async (page, r) => {
      const keys = [];
      let posts = 0;
      await page.route('**/h/' + cfg.posters.lost, async route => {
        if (route.request().method() !== 'POST') { return route.continue(); }
        posts++;
        keys.push(route.request().headers()['idempotency-key']);
        if (posts === 1) {
          await route.fetch();            // the server receives it and creates the application ...
          return route.abort('connectionreset'); // ... but the phone never hears back
        }
        return route.continue();
      });
      await page.goto(cfg.base + '/h/' + cfg.posters.lost);
      await fill(page, cfg.people[2]);
      await Promise.all([page.waitForURL('**/a/**', { timeout: 20000 }), page.click('#submit')]);
      r.tracking = (await page.textContent('#tracking')).trim();
      r.posts = posts;
      r.sameKey = keys.length >= 2 && keys.every(k => k && k === keys[0]);
      await shot(page, '06-lost-then-retried');
    });

    // 4. A wrong ID number: the error appears next to the field, with and without JavaScript.
    await scenario('wrongId', browser, {}, async (page, r) => {
      await page.goto(cfg.base + '/h/' + cfg.posters.township);
      await page.fill('#f-idNumber', cfg.wrongId);
      await page.press('#f-idNumber', 'Tab');
      r.inline = (await page.textContent('#e-idNumber .msg')).trim();
      r.inlineVisible = await page.isVisible('#e-idNumber');
      r.ariaInvalid = await page.getAttribute('#f-idNumber', 'aria-invalid');
      await fill(page, Object.assign({}, cfg.people[3], { id: cfg.wrongId }));
      await page.click('#submit');
      r.summaryFocused = await page.evaluate(() => document.activeElement && document.activeElement.id);
      r.summary = (await page.textContent('#error-summary')).trim();
      r.stayed = page.url().endsWith('/h/' + cfg.posters.township);
      await shot(page, '07-wrong-id-js');
    });
    await scenario('wrongIdNoJs', browser, { javaScriptEnabled: false }, async (page, r) => {
      await page.goto(cfg.base + '/h/' + cfg.posters.township);
      await fill(page, Object.assign({}, cfg.people[3], { id: cfg.wrongId }));
      await Promise.all([page.waitForNavigation(), page.click('#submit')]);
      r.inline = (await page.textContent('#e-idNumber .msg')).trim();
      r.summary = (await page.textContent('#error-summary')).trim();
      r.nameKept = await page.$eval('#f-name', i => i.value);
      r.focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
      r.title = await page.title();
      await shot(page, '08-wrong-id-nojs');
    });

    // 5. English when the browser asks for it.
    await scenario('english', browser, { locale: 'en-US', extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } },
      async (page, r) => {
        await page.goto(cfg.base + '/h/' + cfg.posters.township);
        r.lang = await page.getAttribute('html', 'lang');
        r.h1 = (await page.textContent('h1')).trim();
        await shot(page, '09-english');
      });

    // 6. Weight: everything the phone downloads for the form, as transferred (compressed, with headers).
    await scenario('weight', browser, {}, async (page, r) => {
      const responses = [];
      page.on('requestfinished', req => responses.push(req));
      await page.goto(cfg.base + '/h/' + cfg.posters.township, { waitUntil: 'networkidle' });
      let bytes = 0;
      const list = [];
      for (const req of responses) {
        const s = await req.sizes();
        const resp = await req.response();
        const n = s.responseBodySize + s.responseHeadersSize;
        bytes += n;
        list.push({ url: req.url(), bytes: n, encoding: resp && (await resp.allHeaders())['content-encoding'] || null });
      }
      out.weight = { bytes, requests: list };
      out.fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      // touch targets of the form's controls
      out.targets = await page.$$eval('#apply input:not([type=hidden]), #apply select, #apply textarea, #apply button, .choice label, a.tel',
        els => els.map(e => { const b = e.getBoundingClientRect(); return { id: e.id || e.getAttribute('for') || e.textContent.trim().slice(0, 20), w: b.width, h: b.height }; }));
    });

    // 7. Reflow: a 390 px phone zoomed to 200 % is 195 CSS px wide; WCAG's reflow width is 320.
    for (const width of [320, 195]) {
      await scenario('reflow' + width, browser, { viewport: { width, height: 700 } }, async (page, r) => {
        for (const p of ['/h/' + cfg.posters.township, '/a/' + cfg.trackingSample + '?d=620503114', '/s']) {
          await page.goto(cfg.base + p);
          const o = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          out.reflow[width + ' ' + p] = o;
        }
        await shot(page, '10-reflow-' + width);
      });
    }

    // 8. Accessibility: axe-core on each page (CSP bypassed in this context only, to inject axe).
    await scenario('axe', browser, { bypassCSP: true }, async (page, r) => {
      const pages = {
        form: cfg.base + '/h/' + cfg.posters.township,
        done: cfg.base + '/a/' + cfg.trackingSample + '?d=620503114',
        status: cfg.base + '/s',
        home: cfg.base + '/',
        unknown: cfg.base + '/h/ZZZZZZ',
      };
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url);
        out.axe[name] = await runAxe(page);
      }
      // the form showing errors (after a script-side check)
      await page.goto(pages.form);
      await page.click('#submit');
      out.axe.formErrors = await runAxe(page);
    });
  } finally {
    await browser.close();
  }
  fs.writeFileSync(path.join(cfg.outDir, 'results.json'), JSON.stringify(out, null, 2));
})().catch(e => {
  fs.writeFileSync(path.join(cfg.outDir, 'results.json'), JSON.stringify(Object.assign(out, { fatal: String(e && e.stack || e) }), null, 2));
  process.exit(1);
});

async function runAxe(page) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return res.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
}
