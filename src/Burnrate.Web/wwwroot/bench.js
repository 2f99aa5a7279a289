// Bench page: opens a summary.json written by `burnrate bench --out` in the browser (the file never leaves the machine) and draws
// each concurrency level's latency distribution from its stored quantiles (min, P50, P90, P95, P99, P99.9, max) and throughput
// against concurrency.
'use strict';
(() => {
  const B = window.Burnrate;
  const form = document.getElementById('bench-form');
  const levels = [['min', 0], ['p50', 0.5], ['p90', 0.9], ['p95', 0.95], ['p99', 0.99], ['p999', 0.999], ['max', 1]];
  const palette = ['#0969da', '#cf222e', '#1a7f37', '#9a6700', '#8250df', '#bc4c00', '#57606a', '#116329'];

  function cdf(id, summary, key, title) {
    B.chart(id, {
      type: 'line',
      data: {
        datasets: summary.levels.filter(l => l[key] && l[key].count > 0).map((l, i) => ({
          label: 'concurrency ' + l.concurrency,
          data: levels.map(([q, p]) => ({ x: 1000 * l[key][q], y: p })),
          borderColor: palette[i % palette.length], pointRadius: 2, stepped: false,
        })),
      },
      options: {
        plugins: { title: { display: true, text: title }, tooltip: { callbacks: { label: c => c.dataset.label + ': P' + (100 * c.parsed.y).toFixed(1) + ' = ' + c.parsed.x.toFixed(1) + ' ms' } } },
        scales: { x: { type: 'linear', title: { display: true, text: 'ms' } }, y: { min: 0, max: 1, title: { display: true, text: 'share of requests' } } },
      },
    });
  }

  function draw(summary) {
    if (summary.kind !== 'burnrate-bench' || !Array.isArray(summary.levels)) {
      throw new Error('not a burnrate bench summary.json (expected "kind": "burnrate-bench" and "levels")');
    }
    const best = summary.levels.reduce((a, l) => (l.outputTokensPerSecond > a.outputTokensPerSecond ? l : a), summary.levels[0]);
    B.figures(document.getElementById('bench-summary'), [
      ['model', summary.model],
      ['levels', String(summary.levels.length)],
      ['best output tokens/s (concurrency ' + best.concurrency + ')', B.num(best.outputTokensPerSecond, 0)],
      ['USD per 1M output tokens there', best.costPerMillionOutputTokensUsd === undefined ? '—' : B.usd(best.costPerMillionOutputTokensUsd)],
    ]);
    cdf('ttft-chart', summary, 'ttftSeconds', 'Time to first token (distribution from stored quantiles)');
    cdf('tpot-chart', summary, 'tpotSeconds', 'Time per output token (distribution from stored quantiles)');
    B.chart('throughput-chart', {
      type: 'line',
      data: {
        labels: summary.levels.map(l => l.concurrency),
        datasets: [
          { label: 'output tokens/s', data: summary.levels.map(l => l.outputTokensPerSecond), borderColor: '#0969da', yAxisID: 'y' },
          { label: 'goodput output tokens/s (met the SLO)', data: summary.levels.map(l => l.goodputOutputTokensPerSecond), borderColor: '#1a7f37', borderDash: [6, 4], yAxisID: 'y' },
          { label: 'requests/s', data: summary.levels.map(l => l.requestsPerSecond), borderColor: '#cf222e', yAxisID: 'y2' },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { title: { display: true, text: 'concurrency' } },
          y: { title: { display: true, text: 'tokens/s' }, beginAtZero: true },
          y2: { position: 'right', title: { display: true, text: 'requests/s' }, beginAtZero: true, grid: { drawOnChartArea: false } },
        },
      },
    });
    B.status(summary.levels.length + ' levels against ' + summary.url + ' (' + summary.workload + ').');
  }

  let first = null;
  async function compare(second) {
    const panel = document.getElementById('compare-panel');
    try {
      const report = await B.api('/api/bench/compare', { a: first.summary, b: second.summary, aName: first.name, bName: second.name });
      const table = document.createElement('table');
      table.innerHTML = '<thead><tr><th>level</th><th>figure</th><th class="num">A</th><th class="num">B</th><th class="num">B vs A</th></tr></thead>';
      const tbody = document.createElement('tbody');
      for (const r of report.rows) {
        const tr = document.createElement('tr');
        const ms = r.metric.includes('Seconds.');
        const show = v => v === null || v === undefined ? '—' : ms ? B.num(1000 * v, 2) + ' ms' : B.num(v, 3);
        const change = r.relativeChange === null || r.relativeChange === undefined ? '—' : (r.relativeChange > 0 ? '+' : '') + (100 * r.relativeChange).toFixed(1) + '%';
        for (const [text, cls] of [[r.level], [r.metric], [show(r.a), 'num'], [show(r.b), 'num'], [change, 'num']]) {
          const td = document.createElement('td');
          td.textContent = text;
          if (cls) td.className = cls;
          tr.append(td);
        }
        tbody.append(tr);
      }
      table.append(tbody);
      const warnings = document.createElement('p');
      warnings.className = 'error';
      warnings.textContent = (report.warnings || []).join(' ');
      document.getElementById('compare').replaceChildren(warnings, table);
      panel.hidden = false;
    } catch (err) {
      if (err.problem && err.problem.errors && err.problem.errors.a) { err.problem.errors.summary = err.problem.errors.a; delete err.problem.errors.a; }
      B.showProblem(err, form);
    }
  }

  form.addEventListener('change', async e => {
    const file = e.target.files && e.target.files[0];
    if (!file) return;
    B.clearErrors(form);
    let summary;
    try {
      summary = JSON.parse(await file.text());
      if (e.target.id === 'summary') {
        draw(summary);
        first = { summary, name: file.name };
      }
    } catch (err) {
      document.getElementById(e.target.id + '-error').textContent = file.name + ': ' + err.message;
      e.target.setAttribute('aria-invalid', 'true');
      return;
    }
    if (e.target.id === 'b') {
      if (!first) { document.getElementById('b-error').textContent = 'open the baseline summary (A) first'; return; }
      await compare({ summary, name: file.name });
    }
  });
})();
