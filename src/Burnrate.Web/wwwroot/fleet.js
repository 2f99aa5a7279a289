// Fleet page: runs POST /api/fleet for an embedded fleet example or an uploaded fleet YAML and draws the capacity each option
// holds or uses month by month (stacked), the cost by option, the options table and the contracts across demand scenarios.
'use strict';
(() => {
  const B = window.Burnrate;
  const form = document.getElementById('fleet-form');
  const yamlEl = document.getElementById('fleet-yaml');
  const writeUrl = B.bindUrl(form);
  const palette = ['#0969da', '#1a7f37', '#9a6700', '#cf222e', '#8250df', '#bc4c00', '#57606a', '#116329', '#0550ae'];

  function cell(tr, text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.append(td);
  }

  function table(head, rows) {
    const t = document.createElement('table');
    const thead = document.createElement('thead');
    const hr = document.createElement('tr');
    for (const [h, cls] of head) { const th = document.createElement('th'); th.textContent = h; if (cls) th.className = cls; hr.append(th); }
    thead.append(hr);
    const tbody = document.createElement('tbody');
    for (const r of rows) { const tr = document.createElement('tr'); r.forEach(([text, cls]) => cell(tr, text, cls)); tbody.append(tr); }
    t.append(thead, tbody);
    return t;
  }

  function draw(fleet) {
    B.figures(document.getElementById('fleet-summary'), [
      ['status', fleet.status + (fleet.gapPercent > 0 ? ' (gap ' + B.num(fleet.gapPercent, 3) + '%)' : '')],
      ['cost over ' + fleet.horizonMonths + ' months from ' + fleet.start, B.usd(fleet.totalCostUsd)],
      ['USD per 1M tokens served', '$' + B.num(fleet.costPerMillionTokensUsd, 4)],
      ['tokens served', B.num(fleet.servedTokens / 1e12, 2) + 'T'],
    ]);
    const months = fleet.months.map(m => m.month);
    const held = fleet.options.filter(o => o.kind !== 'api');
    B.chart('capacity-chart', {
      type: 'line',
      data: {
        labels: months,
        datasets: held.map((o, i) => ({ label: o.name + ' (' + o.kind + ')', data: o.averageUnitsByMonth, fill: true, stack: 'units', borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length] + '88', pointRadius: 0 })),
      },
      options: { interaction: { mode: 'index', intersect: false }, scales: { y: { stacked: true, beginAtZero: true, title: { display: true, text: 'units (replicas)' } } } },
    });
    B.chart('cost-chart', {
      type: 'bar',
      data: { labels: fleet.options.map(o => o.name), datasets: [{ label: 'cost over the horizon', data: fleet.options.map(o => o.costUsd), backgroundColor: fleet.options.map((o, i) => palette[i % palette.length]) }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false }, tooltip: { callbacks: { label: c => B.usd(c.parsed.x) } } }, scales: { x: { ticks: { callback: v => B.usd(v) } } } },
    });
    document.getElementById('fleet-options').replaceChildren(table(
      [['option'], ['kind'], ['cost', 'num'], ['utilization', 'num'], ['tokens served', 'num'], ['one more unit of cap saves', 'num']],
      fleet.options.map(o => [[o.name], [o.kind], [B.usd(o.costUsd), 'num'], [B.pct(o.utilization), 'num'], [B.num(o.servedTokens / 1e9, 1) + 'B', 'num'], [o.marginalValueUsd === undefined || o.marginalValueUsd === null ? '—' : B.usd(o.marginalValueUsd), 'num']])));
    const contracts = fleet.contracts || [];
    document.getElementById('fleet-contracts').replaceChildren(contracts.length === 0
      ? document.createTextNode(form.elements.contracts.value === 'true' ? 'This fleet has no contracts.' : 'Choose "evaluate contracts: yes" to weigh the file\'s contracts across its demand scenarios.')
      : table([['contract'], ['best commitment', 'num'], ['expected cost', 'num'], ['worst cost', 'num'], ['expected regret', 'num'], ['expected saving', 'num']],
        contracts.map(c => [[c.name], [B.num(c.bestCommitment, 2) + ' ' + c.commitmentUnit, 'num'], [B.usd(c.expectedCostUsd), 'num'], [B.usd(c.worstCostUsd), 'num'], [B.usd(c.regretUsd), 'num'], [B.usd(c.expectedSavingUsd), 'num']])));
    document.getElementById('capacity-chart').dataset.cost = String(fleet.totalCostUsd);
  }

  let running = null;
  async function run() {
    B.clearErrors(form);
    document.getElementById('fleetYaml-error').textContent = '';
    writeUrl();
    const example = form.elements.example.value;
    const body = Object.assign(example ? { example } : { fleetYaml: yamlEl.value }, { solver: form.elements.solver.value, contracts: form.elements.contracts.value === 'true' });
    const ticket = running = {};
    B.status('Solving…');
    try {
      const fleet = await B.api('/api/fleet', body);
      if (ticket !== running) return;
      draw(fleet);
      B.status(fleet.name + ': ' + fleet.status + ', ' + fleet.model.variables + ' variables, ' + fleet.model.backend + '.');
    } catch (e) {
      if (ticket === running) B.showProblem(e, form.parentElement);
    }
  }

  form.addEventListener('change', async e => {
    if (e.target.id === 'file') {
      const file = e.target.files[0];
      if (!file) return;
      yamlEl.value = await file.text();
      form.elements.example.value = '';
    }
    run();
  });
  form.addEventListener('submit', e => { e.preventDefault(); run(); });
  window.addEventListener('DOMContentLoaded', run);
})();
