// Shared dashboard helpers: calling the API (with the Bearer key when the server asks for one), RFC 7807 errors shown next to
// their fields, page state kept in the URL, number formatting. No framework; Chart.js draws the charts.
'use strict';
window.Burnrate = (() => {
  const keyName = 'burnrate-api-key';

  async function api(path, body) {
    for (let attempt = 0; attempt < 2; attempt++) {
      const headers = { 'Accept': 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const key = sessionStorage.getItem(keyName);
      if (key) headers['Authorization'] = 'Bearer ' + key;
      const response = await fetch(path, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
      if (response.status === 401 && attempt === 0) {
        const entered = window.prompt('This server needs its API key (Authorization: Bearer KEY):');
        if (!entered) throw new ApiError(401, { title: 'API key required' });
        sessionStorage.setItem(keyName, entered.trim());
        continue;
      }
      const text = await response.text();
      const data = text ? JSON.parse(text) : null;
      if (!response.ok) throw new ApiError(response.status, data || {});
      return data;
    }
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem.detail || problem.title || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  // Clears the error slots, then marks each field the problem names (errors: {field: [messages]}); the rest goes to the status line.
  function showProblem(error, form) {
    clearErrors(form);
    const errors = (error.problem && error.problem.errors) || {};
    const unplaced = [];
    for (const [field, messages] of Object.entries(errors)) {
      const slot = document.getElementById(field + '-error');
      const input = document.getElementById(field);
      if (slot) {
        slot.textContent = messages.join('; ');
        if (input) input.setAttribute('aria-invalid', 'true');
      } else {
        unplaced.push(field + ': ' + messages.join('; '));
      }
    }
    status((unplaced.length ? unplaced.join(' · ') : (Object.keys(errors).length ? 'Fix the marked fields.' : error.message)), true);
  }

  function clearErrors(form) {
    if (!form) return;
    form.querySelectorAll('.error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  }

  function status(text, bad) {
    const el = document.getElementById('status');
    el.textContent = text || '';
    el.classList.toggle('bad', !!bad);
  }

  // Fills named inputs from the query string, and returns a function that writes them back (replaceState: no history spam).
  function bindUrl(form, extra) {
    const query = new URLSearchParams(location.search);
    for (const el of form.elements) {
      if (el.name && query.has(el.name) && el.type !== 'file') el.value = query.get(el.name);
    }
    return () => {
      const q = new URLSearchParams();
      for (const el of form.elements) {
        if (el.name && el.type !== 'file' && el.value !== '') q.set(el.name, el.value);
      }
      if (extra) for (const [k, v] of Object.entries(extra())) if (v !== undefined && v !== null && v !== '') q.set(k, v);
      history.replaceState(null, '', location.pathname + '?' + q.toString());
    };
  }

  const usd = v => v === null || v === undefined ? '—' : (Math.abs(v) >= 1e6 ? '$' + (v / 1e6).toFixed(2) + 'M' : Math.abs(v) >= 1e3 ? '$' + (v / 1e3).toFixed(1) + 'k' : '$' + v.toFixed(2));
  const num = (v, digits) => v === null || v === undefined ? '—' : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 2 : digits });
  const pct = v => v === null || v === undefined ? '—' : (100 * v).toFixed(1) + '%';

  function figures(el, items) {
    el.replaceChildren(...items.map(([label, value]) => {
      const div = document.createElement('div');
      div.className = 'figure';
      const b = document.createElement('b');
      b.textContent = value;
      const span = document.createElement('span');
      span.textContent = label;
      div.append(b, span);
      return div;
    }));
  }

  // One chart per canvas: replaced when redrawn.
  const charts = new Map();
  function chart(id, config) {
    const old = charts.get(id);
    if (old) old.destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    const c = new window.Chart(document.getElementById(id), config);
    charts.set(id, c);
    document.getElementById(id).dataset.rendered = 'true';
    return c;
  }

  return { api, ApiError, showProblem, clearErrors, status, bindUrl, usd, num, pct, figures, chart, charts };
})();
