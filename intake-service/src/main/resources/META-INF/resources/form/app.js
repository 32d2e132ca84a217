/* Scan for Help form: inline checks, a draft kept in the tab, and retries that never create a second
   application (the Idempotency-Key lives until the server answers). The form works without this file.
   Phones are shared in families and village offices: the draft lives in sessionStorage (gone with the tab)
   and never holds the ID number. */
(function () {
  'use strict';
  var form = document.getElementById('apply');
  if (!form || !window.fetch || !window.JSON) { return; }
  var store = null;
  try { store = window.sessionStorage; store.setItem('sfh-t', '1'); store.removeItem('sfh-t'); } catch (e) { store = null; }
  var draftKey = 'sfh-draft:' + form.getAttribute('action');
  var idemKey = 'sfh-key:' + form.getAttribute('action');
  var keyInput = form.elements.idempotencyKey;
  var FIELDS = ['name', 'idNumber', 'phone', 'villageCode', 'difficulty', 'householdSize', 'description', 'urgent', 'consent'];
  var DRAFT = FIELDS.filter(function (n) { return n !== 'idNumber'; });
  var W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

  function el(id) { return document.getElementById(id); }
  function value(name) {
    var f = form.elements[name];
    if (!f) { return ''; }
    if (f.type === 'checkbox') { return f.checked ? 'on' : ''; }
    return f.value == null ? '' : String(f.value);
  }
  function checkId(v) {
    if (!/^[0-9]{17}[0-9X]$/.test(v)) { return 'format'; }
    var s = 0;
    for (var i = 0; i < 17; i++) { s += (v.charCodeAt(i) - 48) * W[i]; }
    if ('10X98765432'.charAt(s % 11) !== v.charAt(17)) { return 'check'; }
    var y = +v.substr(6, 4), m = +v.substr(10, 2), d = +v.substr(12, 2), b = new Date(y, m - 1, d);
    if (b.getFullYear() !== y || b.getMonth() !== m - 1 || b.getDate() !== d || b > new Date() || y < 1900) { return 'birth'; }
    return '';
  }
  /* The client's checks mirror the server's; the server's answer is the one that counts. */
  function check(name) {
    var f = name === 'difficulty' ? el('f-difficulty') : el('f-' + name);
    if (!f) { return ''; }
    var v = value(name).replace(/\s/g, '');
    if (name === 'idNumber') { v = v.toUpperCase(); }
    if (name === 'phone') { v = v.replace(/-/g, ''); }
    var req = f.getAttribute('data-req');
    if (req && !v) { return req; }
    if (name === 'idNumber' && v) { var p = checkId(v); return p ? f.getAttribute('data-' + p) : ''; }
    if (name === 'phone' && v && !/^1[3-9][0-9]{9}$/.test(v)) { return f.getAttribute('data-format'); }
    if (name === 'householdSize' && v && !(/^[0-9]{1,2}$/.test(v) && +v >= 1 && +v <= 20)) { return f.getAttribute('data-format'); }
    return '';
  }
  function show(name, msg) {
    var e = el('e-' + name);
    var input = name === 'difficulty' ? null : el('f-' + name);
    if (!e) { return; }
    e.querySelector('.msg').textContent = msg || '';
    e.hidden = !msg;
    var group = e.closest('.field');
    if (group) { group.classList.toggle('invalid', !!msg); }
    if (input) { if (msg) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); } }
  }
  function summary(errors) {
    var box = el('error-summary'), list = box.querySelector('ul'), names = Object.keys(errors);
    list.textContent = '';
    names.forEach(function (n) {
      var li = document.createElement('li'), a = document.createElement('a');
      a.href = '#' + (n === 'difficulty' ? 'f-difficulty-' + form.querySelector('[name=difficulty]').value
        : n === 'form' ? 'apply' : 'f-' + n);
      a.textContent = errors[n];
      li.appendChild(a); list.appendChild(li);
    });
    box.hidden = names.length === 0;
    if (names.length) { box.focus(); }
  }
  function saveDraft() {
    if (!store) { return; }
    var d = {};
    DRAFT.forEach(function (n) { d[n] = value(n); });
    try { store.setItem(draftKey, JSON.stringify({ at: Date.now(), d: d })); } catch (e) { /* full or private mode: no draft */ }
  }
  function restoreDraft() {
    if (!store) { return; }
    var raw = store.getItem(draftKey), d;
    try { d = raw && JSON.parse(raw); } catch (e) { d = null; }
    /* A draft holds personal data on a phone that may be shared: a day at most, even in a tab left open. */
    if (d && !(d.at > Date.now() - 864e5)) { clearDraft(); return; }
    d = d && d.d;
    if (!d || form.querySelector('[aria-invalid]')) { return; }
    var restored = false;
    DRAFT.forEach(function (n) {
      var f = form.elements[n], v = d[n];
      if (!f || !v) { return; }
      if (n === 'difficulty') {
        var r = el('f-difficulty-' + v); if (r && !r.checked) { r.checked = true; restored = true; }
      } else if (f.type === 'checkbox') {
        if (!f.checked) { f.checked = true; restored = true; }
      } else if (!f.value || (n === 'villageCode' && f.value !== v)) {
        f.value = v; restored = true;
      }
    });
    var k = store.getItem(idemKey);
    if (k) { keyInput.value = k; }
    if (restored) { el('draft').hidden = false; }
  }
  function clearDraft() {
    if (store) { store.removeItem(draftKey); store.removeItem(idemKey); }
  }
  function body() {
    var parts = [];
    for (var i = 0; i < form.elements.length; i++) {
      var f = form.elements[i];
      if (!f.name || ((f.type === 'checkbox' || f.type === 'radio') && !f.checked)) { continue; }
      parts.push(encodeURIComponent(f.name) + '=' + encodeURIComponent(f.value));
    }
    return parts.join('&');
  }

  restoreDraft();
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);
  ['name', 'idNumber', 'phone', 'householdSize'].forEach(function (n) {
    var f = el('f-' + n);
    if (f) { f.addEventListener('blur', function () { if (value(n)) { show(n, check(n)); } }); }
  });
  form.addEventListener('change', function (ev) {
    var n = ev.target.name;
    if (n === 'difficulty' || n === 'consent') { show(n, check(n)); }
  });

  var busy = false;
  var btn = el('submit'), status = el('sending');
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (busy) { return; }
    var errors = {};
    FIELDS.forEach(function (n) { var m = check(n); show(n, m); if (m) { errors[n] = m; } });
    summary(errors);
    if (Object.keys(errors).length) { return; }
    /* One key per application, kept (with the draft) until the server has answered. */
    if (store) {
      var k = store.getItem(idemKey);
      if (k) { keyInput.value = k; } else { try { store.setItem(idemKey, keyInput.value); } catch (e) { /* keep the page's key */ } }
    }
    send(0);
  });
  function send(attempt) {
    busy = true; btn.disabled = true;
    status.textContent = form.getAttribute('data-sending');
    var ctrl = window.AbortController ? new AbortController() : null;
    var timer = ctrl ? setTimeout(function () { ctrl.abort(); }, 30000) : null;
    fetch(form.getAttribute('action'), {
      method: 'POST', credentials: 'same-origin', signal: ctrl ? ctrl.signal : undefined,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Accept': 'application/json', 'Idempotency-Key': keyInput.value },
      body: body()
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, code: r.status, json: j }; });
    }).then(function (res) {
      if (timer) { clearTimeout(timer); }
      if (res.ok && res.json.next) {
        clearDraft();
        window.location.assign(res.json.next);
        return;
      }
      if (res.code === 403 && res.json.challenge) {
        /* A question to answer: the plain form post shows it in the page (no script needed for it). */
        form.submit();
        return;
      }
      busy = false; btn.disabled = false; status.textContent = '';
      if (res.code === 400 && res.json.errors) {
        Object.keys(res.json.errors).forEach(function (n) { show(n, res.json.errors[n]); });
        summary(res.json.errors);
        return;
      }
      throw new Error('status ' + res.code);
    }).catch(function () {
      if (timer) { clearTimeout(timer); }
      if (attempt < 1) { setTimeout(function () { send(attempt + 1); }, 2000); return; }
      busy = false; btn.disabled = false;
      status.textContent = form.getAttribute('data-net');
    });
  }
}());
