// Ledger page: runs POST /api/ledger/report on the server's ledger and draws revenue, cost and gross margin by group, the rows and
// the loss-makers. Money arrives as USD rounded to the cent.
'use strict';
(() => {
  const B = window.Burnrate;
  const form = document.getElementById('ledger-form');
  const writeUrl = B.bindUrl(form);
  const money = v => v === null || v === undefined ? null : Number(v);

  function rowsTable(rows, by) {
    const t = document.createElement('table');
    t.innerHTML = '<thead><tr>' + by.map(k => '<th></th>').join('') + '<th class="num">requests</th><th class="num">tokens</th><th class="num">revenue</th><th class="num">cost</th><th class="num">gross margin</th><th class="num">margin %</th></tr></thead>';
    t.querySelectorAll('thead th').forEach((th, i) => { if (i < by.length) th.textContent = by[i]; });
    const tbody = document.createElement('tbody');
    for (const r of rows) {
      const tr = document.createElement('tr');
      const cells = [...by.map(k => [r.key[k]]), [B.num(r.requests, 0), 'num'], [B.num(r.inputTokens + r.outputTokens, 0), 'num'], [B.usd(money(r.revenueUsd)), 'num'], [B.usd(money(r.costUsd)), 'num'], [B.usd(money(r.grossMarginUsd)), 'num'], [r.grossMarginPercent === null || r.grossMarginPercent === undefined ? '—' : B.num(r.grossMarginPercent, 1) + '%', 'num']];
      for (const [text, cls] of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        if (cls) td.className = cls;
        if (cls && money(r.grossMarginUsd) < 0 && text === B.usd(money(r.grossMarginUsd))) td.classList.add('bad');
        tr.append(td);
      }
      tbody.append(tr);
    }
    t.append(tbody);
    return t;
  }

  function draw(report) {
    const by = report.by;
    const label = r => by.map(k => r.key[k]).join(' · ');
    B.figures(document.getElementById('ledger-summary'), [
      ['revenue', B.usd(money(report.totals.revenueUsd))],
      ['cost', B.usd(money(report.totals.costUsd))],
      ['gross margin', B.usd(money(report.totals.grossMarginUsd)) + (report.totals.grossMarginPercent === null || report.totals.grossMarginPercent === undefined ? '' : ' (' + B.num(report.totals.grossMarginPercent, 1) + '%)')],
      ['period', (report.from || '—') + ' … ' + (report.to || '—')],
    ]);
    const rows = report.rows.slice(0, 40);
    B.chart('margin-chart', {
      type: 'bar',
      data: {
        labels: rows.map(label),
        datasets: [
          { label: 'revenue', data: rows.map(r => money(r.revenueUsd)), backgroundColor: '#1a7f37' },
          { label: 'cost', data: rows.map(r => money(r.costUsd)), backgroundColor: '#cf222e' },
          { label: 'gross margin', data: rows.map(r => money(r.grossMarginUsd)), backgroundColor: '#0969da' },
        ],
      },
      options: { indexAxis: 'y', plugins: { tooltip: { callbacks: { label: c => c.dataset.label + ': ' + B.usd(c.parsed.x) } } }, scales: { x: { ticks: { callback: v => B.usd(v) } } } },
    });
    document.getElementById('ledger-rows').replaceChildren(rowsTable(report.rows, by));
    document.getElementById('ledger-losses').replaceChildren(report.lossMakers.length ? rowsTable(report.lossMakers, by) : document.createTextNode('No group loses money.'));
  }

  async function run() {
    if (document.getElementById('no-ledger')) return;
    B.clearErrors(form);
    writeUrl();
    const body = { by: form.elements.by.value, top: Number(form.elements.top.value) };
    if (form.elements.from.value) body.from = form.elements.from.value;
    if (form.elements.to.value) body.to = form.elements.to.value;
    B.status('Querying the ledger…');
    try {
      const report = await B.api('/api/ledger/report', body);
      draw(report);
      B.status(report.rows.length + ' groups by ' + report.by.join(', ') + '.');
    } catch (e) {
      B.showProblem(e, form);
    }
  }

  form.addEventListener('change', run);
  form.addEventListener('submit', e => { e.preventDefault(); run(); });
  window.addEventListener('DOMContentLoaded', run);
})();
