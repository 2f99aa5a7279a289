// Cost-model page: POST /api/infer with a concurrency sweep (and a configuration side by side), POST /api/optimize for the cheapest
// configurations under TTFT/TPOT objectives and the cost–latency Pareto frontier. Figures in base units from the API; shown in ms and $.
'use strict';
(() => {
  const B = window.Burnrate;
  const inferForm = document.getElementById('infer-form');
  const optimizeForm = document.getElementById('optimize-form');
  const sweep = [1, 2, 4, 8, 16, 32, 64, 128, 256];
  const writeUrl = B.bindUrl(inferForm, () => Object.fromEntries([...optimizeForm.elements].filter(e => e.name).map(e => [e.name, e.value])));
  const query = new URLSearchParams(location.search);
  for (const el of optimizeForm.elements) if (el.name && query.has(el.name)) el.value = query.get(el.name);
  const ms = v => v === null || v === undefined ? '—' : B.num(1000 * v, 1) + ' ms';
  const perM = v => v === null || v === undefined ? '—' : '$' + B.num(v, 4);

  function table(head, rows) {
    const t = document.createElement('table');
    const tr = document.createElement('tr');
    for (const [h, cls] of head) { const th = document.createElement('th'); th.textContent = h; if (cls) th.className = cls; tr.append(th); }
    const thead = document.createElement('thead');
    thead.append(tr);
    const tbody = document.createElement('tbody');
    for (const r of rows) {
      const row = document.createElement('tr');
      for (const [text, cls] of r) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; row.append(td); }
      tbody.append(row);
    }
    t.append(thead, tbody);
    return t;
  }

  function inferBody() {
    const f = inferForm.elements;
    const body = { model: f.model.value, gpu: f.gpu.value, gpus: Number(f.gpus.value), weights: f.weights.value, input: Number(f.input.value), output: Number(f.output.value), concurrency: Number(f.concurrency.value), sweepConcurrency: sweep };
    if (f.compareModel.value) body.compare = [{ model: f.compareModel.value, gpu: f.compareGpu.value, weights: f.compareWeights.value }];
    return body;
  }

  function drawInfer(r) {
    B.figures(document.getElementById('infer-summary'), [
      ['time to first token', ms(r.ttftSeconds)],
      ['time per output token', ms(r.tpotSeconds)],
      ['output tokens/s', B.num(r.outputTokensPerSecond, 0)],
      ['USD per 1M input tokens', perM(r.costPerMillionInputTokensUsd)],
      ['USD per 1M output tokens', perM(r.costPerMillionOutputTokensUsd)],
      ['memory', r.fitsInMemory ? 'fits (' + B.num(r.memoryPerGpuBytes / 1e9, 1) + ' GB per device)' : 'does not fit: short ' + B.num(r.memoryShortfallPerGpuBytes / 1e9, 1) + ' GB per device'],
      ['decode is bound by', r.decodeBound || '—'],
    ]);
    document.getElementById('infer-summary').dataset.cost = String(r.costPerMillionOutputTokensUsd);
    const points = r.sweep || [];
    B.chart('sweep-chart', {
      type: 'line',
      data: {
        labels: points.map(p => p.concurrency),
        datasets: [
          { label: 'output tokens/s', data: points.map(p => p.outputTokensPerSecond), borderColor: '#0969da', yAxisID: 'y' },
          { label: 'USD per 1M output tokens', data: points.map(p => p.costPerMillionOutputTokensUsd), borderColor: '#cf222e', borderDash: [6, 4], yAxisID: 'y2' },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { title: { display: true, text: 'requests in flight' } },
          y: { beginAtZero: true, title: { display: true, text: 'tokens/s' } },
          y2: { position: 'right', type: 'logarithmic', title: { display: true, text: 'USD per 1M output tokens' }, grid: { drawOnChartArea: false } },
        },
      },
    });
    B.chart('latency-chart', {
      type: 'line',
      data: {
        labels: points.map(p => p.concurrency),
        datasets: [
          { label: 'TTFT ms', data: points.map(p => p.ttftSeconds === null || p.ttftSeconds === undefined ? null : 1000 * p.ttftSeconds), borderColor: '#8250df' },
          { label: 'TPOT ms', data: points.map(p => p.tpotSeconds === null || p.tpotSeconds === undefined ? null : 1000 * p.tpotSeconds), borderColor: '#1a7f37' },
        ],
      },
      options: { interaction: { mode: 'index', intersect: false }, scales: { x: { title: { display: true, text: 'requests in flight' } }, y: { type: 'logarithmic', title: { display: true, text: 'ms' } } } },
    });
    const compare = r.compare || [];
    document.getElementById('infer-compare').replaceChildren(compare.length === 0 ? document.createTextNode('') : table(
      [['configuration'], ['TTFT', 'num'], ['TPOT', 'num'], ['output tokens/s', 'num'], ['USD per 1M output', 'num'], ['saving vs first', 'num']],
      compare.map(c => [[c.model + ' ' + c.gpus + '×' + c.gpu + ' ' + c.weights], [ms(c.ttftSeconds), 'num'], [ms(c.tpotSeconds), 'num'], [B.num(c.outputTokensPerSecond, 0), 'num'], [perM(c.costPerMillionOutputTokensUsd), 'num'], [c.savingVsFirst === null || c.savingVsFirst === undefined ? '—' : B.pct(c.savingVsFirst), 'num']])));
  }

  let running = null;
  async function infer() {
    B.clearErrors(inferForm);
    writeUrl();
    const ticket = running = {};
    try {
      const r = await B.api('/api/infer', inferBody());
      if (ticket !== running) return;
      drawInfer(r);
      B.status(r.model + ' on ' + r.gpus + '×' + r.gpu + ' ' + r.weights + ', ' + r.concurrency + ' in flight.');
    } catch (e) {
      if (ticket === running) B.showProblem(e, inferForm);
    }
  }

  async function optimize() {
    B.clearErrors(optimizeForm);
    writeUrl();
    const f = optimizeForm.elements;
    const body = { models: [inferForm.elements.model.value], sloTtft: f.sloTtft.value, sloTpot: f.sloTpot.value, maxDevices: Number(f.maxDevices.value), input: Number(inferForm.elements.input.value), output: Number(inferForm.elements.output.value), top: 10 };
    const allowed = f.gpusAllowed.value.split(',').map(s => s.trim()).filter(s => s);
    if (allowed.length) body.gpusAllowed = allowed;
    B.status('Searching…');
    try {
      const r = await B.api('/api/optimize', body);
      B.figures(document.getElementById('optimize-summary'), [
        ['configurations evaluated', B.num(r.evaluated, 0)],
        ['meet the objectives', B.num(r.feasible, 0)],
        ['cheapest', r.best ? r.best.gpus + '×' + r.best.gpu + ' ' + r.best.weights + ', ' + r.best.concurrency + ' in flight' : 'none'],
        ['its USD per 1M output tokens (all-in)', r.best ? perM(r.best.costPerMillionOutputTokensAllInUsd) : '—'],
      ]);
      const label = c => c.gpus + '×' + c.gpu + ' ' + c.weights + '/' + c.kv + ' c=' + c.concurrency;
      const point = c => ({ x: 1000 * c.tpotSeconds, y: c.costPerMillionOutputTokensAllInUsd, c });
      B.chart('pareto-chart', {
        type: 'scatter',
        data: {
          datasets: [
            { label: 'Pareto frontier', data: r.pareto.map(point), borderColor: '#cf222e', backgroundColor: '#cf222e', showLine: true, pointRadius: 4 },
            { label: 'cheapest listed', data: r.cheapest.map(point), borderColor: '#0969da', backgroundColor: '#0969da88', pointRadius: 5 },
          ],
        },
        options: {
          plugins: { tooltip: { callbacks: { label: ctx => label(ctx.raw.c) + ': TPOT ' + ms(ctx.raw.c.tpotSeconds) + ', TTFT ' + ms(ctx.raw.c.ttftSeconds) + ', ' + perM(ctx.raw.c.costPerMillionOutputTokensAllInUsd) + '/1M out' } } },
          scales: { x: { title: { display: true, text: 'TPOT ms' } }, y: { type: 'logarithmic', title: { display: true, text: 'USD per 1M output tokens (all-in)' } } },
        },
      });
      document.getElementById('optimize-cheapest').replaceChildren(table(
        [['configuration'], ['TTFT', 'num'], ['TPOT', 'num'], ['output tokens/s', 'num'], ['USD per 1M output (all-in)', 'num']],
        r.cheapest.map(c => [[label(c)], [ms(c.ttftSeconds), 'num'], [ms(c.tpotSeconds), 'num'], [B.num(c.outputTokensPerSecond, 0), 'num'], [perM(c.costPerMillionOutputTokensAllInUsd), 'num']])));
      B.status(B.num(r.feasible, 0) + ' of ' + B.num(r.evaluated, 0) + ' configurations meet TTFT ≤ ' + f.sloTtft.value + ' and TPOT ≤ ' + f.sloTpot.value + '.');
    } catch (e) {
      B.showProblem(e, optimizeForm);
    }
  }

  inferForm.addEventListener('change', infer);
  inferForm.addEventListener('submit', e => { e.preventDefault(); infer(); });
  optimizeForm.addEventListener('submit', e => { e.preventDefault(); optimize(); });
  window.addEventListener('DOMContentLoaded', async () => { await infer(); await optimize(); });
})();
