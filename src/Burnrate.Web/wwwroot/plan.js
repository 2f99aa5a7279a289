// Plan page: runs POST /api/plan for an embedded example or an uploaded scenario, draws the fan chart (P5–P95, P10–P90, median,
// presets), the runway figures, the triggers and the tornado; sliders scale the main drivers and re-run the plan in place.
'use strict';
(() => {
  const B = window.Burnrate;
  const form = document.getElementById('plan-form');
  const slidersEl = document.getElementById('sliders');
  const yamlEl = document.getElementById('scenario-yaml');
  const query = new URLSearchParams(location.search);
  let whatIf = {};
  for (const [k, v] of query) if (k.startsWith('x.')) whatIf[k.slice(2)] = Number(v);
  const writeUrl = B.bindUrl(form, () => Object.fromEntries(Object.entries(whatIf).filter(([, v]) => v !== 1).map(([k, v]) => ['x.' + k, v])));
  // The drivers worth a slider: prices, growth, serving cost (∝ GPU price), opening cash, headcount.
  const main = /(pricePerMillionTokens|pricePerMonth|monthlyGrowth|costPerMillionTokens|^cash$|headcount)$/;

  function source() {
    const example = form.elements.example.value;
    return example ? { example } : { scenarioYaml: yamlEl.value };
  }

  async function loadDrivers() {
    const drivers = await B.api('/api/plan/drivers', source());
    slidersEl.replaceChildren();
    for (const d of drivers.filter(d => main.test(d.path))) {
      const wrap = document.createElement('div');
      const label = document.createElement('label');
      const name = document.createElement('span');
      name.textContent = d.path;
      const value = document.createElement('output');
      const input = document.createElement('input');
      input.type = 'range'; input.min = '0.5'; input.max = '1.5'; input.step = '0.05';
      input.value = String(whatIf[d.path] || 1);
      input.dataset.path = d.path;
      input.setAttribute('aria-label', 'scale ' + d.path);
      const show = () => { value.textContent = '×' + Number(input.value).toFixed(2) + ' = ' + B.num(d.central * Number(input.value), 4); };
      show();
      input.addEventListener('input', show);
      input.addEventListener('change', () => { whatIf[d.path] = Number(input.value); run(); });
      label.append(name, value);
      wrap.append(label, input);
      slidersEl.append(wrap);
    }
  }

  let running = null;
  async function run() {
    B.clearErrors(form);
    writeUrl();
    const factors = Object.fromEntries(Object.entries(whatIf).filter(([, v]) => v !== 1));
    const body = Object.assign(source(), { paths: Number(form.elements.paths.value), seed: Number(form.elements.seed.value), whatIf: factors });
    const ticket = running = {};
    B.status('Running ' + B.num(body.paths, 0) + ' paths…');
    try {
      const plan = await B.api('/api/plan', body);
      if (ticket !== running) return; // a newer run started
      draw(plan);
      B.status(plan.scenario + ': ' + B.num(plan.paths, 0) + ' paths, seed ' + plan.seed + '.');
    } catch (e) {
      if (ticket === running) B.showProblem(e, form);
    }
  }

  function draw(plan) {
    const last = plan.months.length - 1;
    const base = plan.presets.base;
    B.figures(document.getElementById('plan-summary'), [
      ['chance of running out of cash by ' + plan.months[last], B.pct(plan.cashOutProbability)],
      ['median cash-out month', plan.cashOutMonth.p50 || 'not within ' + plan.months[last]],
      ['median closing cash ' + plan.months[last], B.usd(plan.cash.p50[last])],
      ['runway now (base preset, months)', base.runwayMonths[0] === null ? 'unbounded' : B.num(base.runwayMonths[0], 1)],
    ]);
    document.getElementById('plan-summary').dataset.runway = plan.cash.p50[last];
    const band = (label, lo, hi, alpha) => [
      { label: label, data: lo, borderWidth: 0, pointRadius: 0, fill: false, backgroundColor: 'transparent' },
      { label: label + ' ', data: hi, borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: 'rgba(70,130,180,' + alpha + ')' },
    ];
    const colors = { best: '#228b22', base: '#000', worst: '#dc143c' };
    B.chart('fan-chart', {
      type: 'line',
      data: {
        labels: plan.months,
        datasets: [
          ...band('P5–P95', plan.cash.p5, plan.cash.p95, 0.2),
          ...band('P10–P90', plan.cash.p10, plan.cash.p90, 0.35),
          { label: 'P50', data: plan.cash.p50, borderColor: 'steelblue', borderWidth: 2, pointRadius: 0 },
          ...Object.entries(plan.presets).map(([name, p]) => ({ label: name, data: p.cash, borderColor: colors[name] || 'gray', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 })),
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { labels: { filter: i => !i.text.endsWith(' ') } }, tooltip: { callbacks: { label: c => c.dataset.label.trim() + ': ' + B.usd(c.parsed.y) } } },
        scales: { y: { ticks: { callback: v => B.usd(v) } } },
      },
    });
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th>trigger</th><th class="num">fires in</th><th>P10</th><th>P50</th><th>P90</th></tr></thead>';
    const tbody = document.createElement('tbody');
    for (const t of plan.triggers) {
      const tr = document.createElement('tr');
      for (const [text, cls] of [[t.name], [B.pct(t.firedProbability), 'num'], [t.month.p10 || '—'], [t.month.p50 || '—'], [t.month.p90 || '—']]) {
        const td = document.createElement('td');
        td.textContent = text;
        if (cls) td.className = cls;
        tr.append(td);
      }
      tbody.append(tr);
    }
    table.append(tbody);
    document.getElementById('triggers').replaceChildren(plan.triggers.length ? table : document.createTextNode('No triggers in this scenario.'));
    const baseline = base.cash[last];
    B.chart('tornado-chart', {
      type: 'bar',
      data: {
        labels: plan.tornado.map(t => t.driver),
        datasets: [
          { label: 'driver at P10', data: plan.tornado.map(t => [baseline, t.low]), backgroundColor: 'steelblue' },
          { label: 'driver at P90', data: plan.tornado.map(t => [baseline, t.high]), backgroundColor: 'orange' },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { tooltip: { callbacks: { label: c => c.dataset.label + ': ' + B.usd(c.raw[1]) } } },
        scales: { x: { ticks: { callback: v => B.usd(v) } }, y: { stacked: true } },
      },
    });
  }

  form.addEventListener('change', async e => {
    if (e.target.id === 'file') {
      const file = e.target.files[0];
      if (!file) return;
      yamlEl.value = await file.text();
      form.elements.example.value = '';
      whatIf = {};
      await start();
      return;
    }
    if (e.target.id === 'example') { whatIf = {}; await start(); return; }
    run();
  });
  form.addEventListener('submit', e => { e.preventDefault(); run(); });

  async function start() {
    try {
      await loadDrivers();
    } catch (e) {
      B.showProblem(e, form);
      return;
    }
    await run();
  }

  window.addEventListener('DOMContentLoaded', start);
})();
