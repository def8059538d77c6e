// Root-cause analytics: findings and money by carrier, rule, category, week and lane over any period, across jobs and
// pre-ship audits, with a chart of the first dimension and the same answer as CSV.
import { api, download, describe } from './api.js';
import { h, clear, table, money, field, select } from './dom.js';
import { barChart } from './charts.js';

const DIMENSIONS = ['carrier', 'rule', 'category', 'week', 'lane', 'severity'];

export async function home() {
  const boxes = DIMENSIONS.map((d) => h('input', { type: 'checkbox', value: d, id: 'by-' + d, checked: d === 'carrier' }));
  const from = h('input', { type: 'date', id: 'a-from' });
  const to = h('input', { type: 'date', id: 'a-to' });
  const source = select([['all', 'jobs and pre-ship audits'], ['invoices', 'jobs (invoices, chargebacks)'], ['preship', 'pre-ship audits']], { id: 'a-source' });
  const out = h('div', { id: 'analytics-result' });
  const query = () => {
    const q = new URLSearchParams({ groupBy: boxes.filter((b) => b.checked).map((b) => b.value).join(','), source: source.value });
    if (from.value) q.set('from', from.value);
    if (to.value) q.set('to', to.value);
    return q;
  };
  const run = async (ev) => {
    if (ev) ev.preventDefault();
    try {
      const a = await api('/v1/analytics/findings?' + query());
      const first = a.groupBy[0];
      const label = (g) => a.groupBy.map((d) => g[d] ?? 'unknown').join(' · ');
      const groups = first === 'week' ? [...a.groups].sort((x, y) => String(x.week).localeCompare(String(y.week))) : a.groups;
      clear(out, h('p', {}, h('strong', { id: 'a-total' }, a.total.findings + ' findings'), ' · ',
        a.total.amounts.map((m) => money(m)).join(' + ') || '0', a.truncated ? ' (largest groups only)' : ''),
      a.groups.length ? h('div', { class: 'card' }, barChart('Money by ' + a.groupBy.join(', '),
        groups.slice(0, 25).map((g) => ({ label: label(g), value: Number(g.amount.amount), display: money(g.amount) + ' · ' + g.findings })))) : null,
      table([...a.groupBy, h('th', { class: 'num' }, 'Findings'), h('th', { class: 'num' }, 'Amount')],
        groups.map((g) => h('tr', {}, a.groupBy.map((d) => h('td', {}, g[d] ?? 'unknown')), h('td', { class: 'num' }, g.findings),
          h('td', { class: 'num' }, money(g.amount)))), { id: 'analytics-table' }));
    } catch (e) { clear(out, h('p', { class: 'error', role: 'alert' }, describe(e))); }
  };
  const form = h('form', { id: 'analytics-form' },
    h('fieldset', { class: 'row' }, h('legend', {}, 'Group by'), DIMENSIONS.map((d, i) => h('label', { class: 'inline' }, boxes[i], d))),
    h('div', { class: 'row' }, field('From', from), field('To', to), field('Findings from', source),
      h('button', { type: 'submit', id: 'a-run' }, 'Show'),
      h('button', { type: 'button', class: 'secondary', id: 'a-csv', onclick: () => download('/v1/analytics/findings?' + query() + '&format=csv', 'findings-analytics.csv').catch((e) => out.prepend(h('p', { class: 'error' }, describe(e)))) }, 'Export CSV')));
  form.addEventListener('submit', run);
  run();
  return { node: h('div', {}, h('h1', {}, 'Analytics'), h('div', { class: 'card' }, form), out) };
}
