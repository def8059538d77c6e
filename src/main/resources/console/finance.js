// Finance: upload an invoice or chargebacks file (with a column mapping for unknown layouts), watch jobs run, read a
// job's summary and findings page by page, download the workbook and the disputes, retry a failed job.
import { api, download, describe } from './api.js';
import { h, clear, table, money, badge, when, toast, field, select } from './dom.js';
import { barChart } from './charts.js';
import { Workbook } from './xlsx.js';

const GENERIC = ['invoice_number', 'invoice_date', 'carrier', 'account_number', 'tracking_number', 'ship_date',
  'delivery_date', 'service', 'zone', 'sender_postal_code', 'recipient_company', 'recipient_address', 'recipient_city',
  'recipient_state', 'recipient_postal_code', 'recipient_country', 'residential', 'actual_weight', 'billed_weight',
  'weight_unit', 'length', 'width', 'height', 'dimension_unit', 'charge_code', 'charge_description', 'charge_amount',
  'freight', 'fuel_surcharge', 'residential_surcharge', 'delivery_area_surcharge', 'additional_handling',
  'large_package', 'address_correction', 'saturday_delivery', 'other_charges', 'currency'];
const CATEGORIES = ['ACCESSORIAL', 'DUPLICATE', 'RATE', 'SERVICE', 'CHARGEBACK', 'WEIGHT', 'ADDRESS', 'DATA', 'HS_CODE',
  'TRADE', 'HAZMAT', 'SCREENING', 'SYSTEM'];
const POLL_MS = 1000;

const active = (j) => j.status === 'QUEUED' || j.status === 'RUNNING';

/** Percent, rows per second and time left of a job, as the list and the job page show them. */
function progress(j) {
  const pct = j.rowsTotal ? Math.min(100, Math.floor((j.rowsDone / j.rowsTotal) * 100)) : (j.status === 'DONE' ? 100 : 0);
  let left = '';
  if (j.status === 'RUNNING' && j.rowsPerSecond && j.rowsTotal) {
    const secs = Math.max(0, Math.round((j.rowsTotal - j.rowsDone) / j.rowsPerSecond));
    left = secs >= 60 ? Math.floor(secs / 60) + ' min ' + (secs % 60) + ' s' : secs + ' s';
  }
  return { pct, rate: j.rowsPerSecond ? j.rowsPerSecond + ' rows/s' : '', left };
}

/** The first rows of a CSV or XLSX file, read in the browser for the mapping preview. */
async function firstRows(file, n) {
  if (/\.xlsx$/i.test(file.name)) {
    const wb = await Workbook.open(new Uint8Array(await file.arrayBuffer()));
    const { rows, maxCol } = wb.cells(wb.sheets[0].name);
    return rows.slice(0, n).map((r) => Array.from({ length: maxCol }, (_, i) => r.cells.get(i + 1) ?? ''));
  }
  const text = await file.slice(0, 256 * 1024).text();
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length && rows.length < n; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (rows.length < n && (cell || row.length)) { row.push(cell); rows.push(row); }
  return rows;
}

function mappingEditor(file, onSaved) {
  const box = h('div', { class: 'card', id: 'mapping-editor' }, h('h2', {}, 'Column mapping'), h('p', { class: 'muted' }, 'Reading the first rows…'));
  firstRows(file, 6).then((rows) => {
    if (!rows.length) { clear(box, h('p', { class: 'error' }, 'The file has no rows.')); return; }
    const header = rows[0];
    const selects = header.map((col, i) => select([['', '(ignore)'], ...GENERIC.map((g) => [g, g])],
      { 'aria-label': 'Generic column for ' + col, 'data-col': i }));
    // A header that already is a generic name (any case, spaces, _ or - ignored) is mapped to it.
    header.forEach((col, i) => {
      const norm = String(col).toLowerCase().replace(/[\s_-]/g, '');
      const g = GENERIC.find((x) => x.replace(/_/g, '') === norm);
      if (g) selects[i].value = g;
    });
    const name = h('input', { id: 'mapping-name', pattern: '[a-z0-9][a-z0-9-]{0,62}', required: true, placeholder: 'acme-dhl' });
    const carrier = h('input', { id: 'mapping-carrier', placeholder: 'DHL' });
    const save = h('button', { type: 'button', id: 'save-mapping' }, 'Save mapping');
    save.addEventListener('click', async () => {
      const columns = {};
      header.forEach((col, i) => { if (selects[i].value) columns[col] = selects[i].value; });
      try {
        const body = { name: name.value.trim(), columns };
        if (carrier.value.trim()) body.carrier = carrier.value.trim().toUpperCase();
        await api('/v1/mappings/' + encodeURIComponent(body.name), { method: 'PUT', json: body });
        toast('Mapping ' + body.name + ' saved; the job will use it.');
        onSaved('mapping:' + body.name);
      } catch (e) {
        toast(describe(e), true);
      }
    });
    clear(box, h('h2', {}, 'Column mapping'),
      h('p', { class: 'muted' }, 'Map each column of ', h('strong', {}, file.name), ' to a generic column (API.md, generic profile). The first rows are shown as read.'),
      table(header.map((col, i) => h('th', { scope: 'col' }, h('div', {}, col), selects[i])),
        rows.slice(1).map((r) => h('tr', {}, header.map((_, i) => h('td', {}, r[i] ?? ''))))),
      h('div', { class: 'row' }, field('Mapping name', name), field('Carrier (rows without one)', carrier), save));
  }).catch((e) => clear(box, h('p', { class: 'error', role: 'alert' }, 'Cannot preview this file: ' + describe(e))));
  return box;
}

function uploadCard(refresh) {
  let chosen = null;
  const input = h('input', { type: 'file', id: 'file-input', accept: '.csv,.xlsx,.jsonl,.json,.txt' });
  const chosenText = h('span', { id: 'chosen-file' }, 'No file chosen');
  const drop = h('div', { class: 'drop', id: 'drop-zone', role: 'button', tabindex: '0',
    'aria-label': 'Choose a file to audit, or drop one here' },
    h('strong', {}, 'Drop an invoice or chargebacks file here'), h('br'), 'or press Enter to choose one (.csv, .xlsx)');
  const kind = select([['invoices', 'Carrier invoice'], ['chargebacks', 'Retailer chargebacks'], ['shipments', 'Shipments (JSON lines)']], { id: 'kind' });
  const profile = select([['auto', 'auto (recognise the layout)'], 'fedex-billing', 'ups-billing', 'generic'], { id: 'profile' });
  const mapHost = h('div');
  const mapBtn = h('button', { type: 'button', class: 'secondary', id: 'map-columns', disabled: true }, 'Preview and map columns…');
  const submit = h('button', { type: 'submit', id: 'submit-job', disabled: true }, 'Audit this file');
  api('/v1/mappings').then((m) => {
    for (const name of m.mappings || []) profile.append(h('option', { value: 'mapping:' + name }, 'mapping:' + name));
  }).catch(() => { /* the upload still works with the built-in profiles */ });
  const choose = (file) => {
    chosen = file;
    chosenText.textContent = file ? file.name + ' (' + file.size.toLocaleString() + ' bytes)' : 'No file chosen';
    submit.disabled = mapBtn.disabled = !file;
    clear(mapHost);
  };
  input.addEventListener('change', () => choose(input.files[0] || null));
  drop.addEventListener('click', () => input.click());
  drop.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); input.click(); } });
  drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (ev) => { ev.preventDefault(); drop.classList.remove('over'); if (ev.dataTransfer.files[0]) choose(ev.dataTransfer.files[0]); });
  mapBtn.addEventListener('click', () => clear(mapHost, mappingEditor(chosen, (p) => {
    if (![...profile.options].some((o) => o.value === p)) profile.append(h('option', { value: p }, p));
    profile.value = p;
  })));
  const form = h('form', { class: 'card', id: 'upload' }, h('h2', {}, 'Audit a file'), drop,
    h('p', {}, 'File: ', chosenText), h('label', { for: 'file-input', class: 'inline' }, 'Or pick a file: ', input),
    h('div', { class: 'row' }, field('Kind', kind), field('Layout (profile)', profile), mapBtn, submit), mapHost);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!chosen) return;
    const body = new FormData();
    body.append('kind', kind.value);
    if (kind.value === 'invoices') body.append('profile', profile.value);
    body.append('file', chosen, chosen.name);
    submit.disabled = true;
    submit.textContent = 'Uploading…';
    try {
      const job = await api('/v1/jobs', { method: 'POST', form: body });
      location.hash = '#/jobs/' + encodeURIComponent(job.id);
    } catch (e) {
      toast(describe(e), true);
      submit.disabled = false;
      submit.textContent = 'Audit this file';
    }
  });
  return form;
}

function jobRow(j) {
  const p = progress(j);
  return h('tr', { 'data-job': j.id },
    h('td', {}, h('a', { href: '#/jobs/' + encodeURIComponent(j.id) }, j.fileName)),
    h('td', {}, badge(j.status)),
    h('td', {}, h('progress', { max: 100, value: p.pct, 'aria-label': 'progress of ' + j.fileName }), ' ', h('span', { class: 'nowrap' }, p.pct + ' %')),
    h('td', { class: 'hide-narrow' }, p.rate), h('td', { class: 'hide-narrow' }, p.left),
    h('td', { class: 'num' }, j.findings), h('td', { class: 'num' }, money(j.disputableAmount)),
    h('td', { class: 'hide-narrow' }, when(j.createdAt)));
}

export async function home() {
  const list = h('div', { id: 'jobs' });
  let timer;
  const refresh = async () => {
    const { jobs } = await api('/v1/jobs');
    clear(list, jobs.length ? table(['File', 'Status', 'Progress', h('th', { class: 'hide-narrow' }, 'Rate'),
      h('th', { class: 'hide-narrow' }, 'Time left'), h('th', { class: 'num' }, 'Findings'), h('th', { class: 'num' }, 'Disputable'),
      h('th', { class: 'hide-narrow' }, 'Created')], jobs.map(jobRow), { id: 'job-list' }) : h('p', { class: 'muted' }, 'No jobs yet.'));
    clearTimeout(timer);
    if (jobs.some(active)) timer = setTimeout(() => refresh().catch(() => {}), POLL_MS);
  };
  await refresh();
  return { node: h('div', {}, h('h1', {}, 'Finance'), uploadCard(refresh), h('div', { class: 'card' }, h('h2', {}, 'Jobs'), list)),
    stop: () => clearTimeout(timer) };
}

function summaryCharts(id) {
  const box = h('div', { class: 'grid', id: 'summary' });
  const dims = [['category', 'Disputable by category'], ['carrier', 'Disputable by carrier'], ['week', 'Disputable by ship week']];
  Promise.all(dims.map(([d]) => api('/v1/analytics/findings?groupBy=' + d + '&source=invoices&job=' + encodeURIComponent(id))))
    .then((answers) => clear(box, answers.map((a, i) => {
      const [dim, title] = dims[i];
      let groups = a.groups;
      if (dim === 'week') groups = [...groups].sort((x, y) => String(x.week).localeCompare(String(y.week)));
      return h('div', { class: 'card' }, h('h3', {}, title),
        barChart(title, groups.map((g) => ({ label: g[dim] ?? 'unknown', value: Number(g.amount.amount), display: money(g.amount) + ' · ' + g.findings }))));
    })))
    .catch((e) => clear(box, h('p', { class: 'error' }, 'Summary unavailable: ' + describe(e))));
  return box;
}

function findingsTable(id) {
  const state = { offset: 0, limit: 50, sort: 'row', rule: '', carrier: '', severity: '', category: '' };
  const rule = h('input', { id: 'filter-rule', placeholder: 'ACC-003', size: 9 });
  const carrier = h('input', { id: 'filter-carrier', placeholder: 'FEDEX', size: 9 });
  const severity = select([['', 'any'], 'BLOCK', 'WARN', 'INFO'], { id: 'filter-severity' });
  const category = select([['', 'any'], ...CATEGORIES], { id: 'filter-category' });
  const sort = select([['row', 'row'], ['-amount', 'amount, largest first'], ['amount', 'amount, smallest first'],
    ['rule', 'rule'], ['severity', 'severity'], ['category', 'category'], ['carrier', 'carrier']], { id: 'sort' });
  const host = h('div', { id: 'findings' });
  const status = h('span', { id: 'findings-count', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'secondary', id: 'prev-page' }, '‹ Previous');
  const next = h('button', { type: 'button', class: 'secondary', id: 'next-page' }, 'Next ›');
  const load = async () => {
    const q = new URLSearchParams({ limit: state.limit, offset: state.offset, sort: state.sort });
    for (const k of ['rule', 'carrier', 'severity', 'category']) if (state[k]) q.set(k, state[k]);
    try {
      const page = await api('/v1/jobs/' + encodeURIComponent(id) + '/findings?' + q);
      const header = (text, key) => h('th', { scope: 'col' }, h('button', { type: 'button', class: 'sort', 'data-sort': key,
        onclick: () => { state.sort = state.sort === key ? '-' + key : key; sort.value = state.sort; state.offset = 0; load(); } }, text));
      clear(host, table([header('Row', 'row'), header('Rule', 'rule'), header('Severity', 'severity'), header('Category', 'category'),
        header('Carrier', 'carrier'), 'Message', h('th', { class: 'num' }, header('Amount', 'amount')), 'Evidence'],
        page.findings.map((f) => h('tr', {},
          h('td', { class: 'num' }, f.row), h('td', { class: 'mono' }, f.ruleId), h('td', {}, badge(f.severity)),
          h('td', {}, f.category), h('td', {}, f.carrier ?? ''), h('td', {}, f.message, f.subject ? h('div', { class: 'muted mono' }, f.subject) : null),
          h('td', { class: 'num' }, money(f.amount)),
          h('td', {}, h('details', {}, h('summary', {}, 'evidence'), h('ul', { class: 'plain mono' },
            Object.entries(f.evidence || {}).map(([k, v]) => h('li', {}, k + ': ' + v))))))), { id: 'findings-table' }));
      const last = Math.min(page.offset + page.findings.length, page.total);
      status.textContent = page.total ? (page.offset + 1) + '–' + last + ' of ' + page.total + ' findings' : 'No findings match.';
      prev.disabled = page.offset === 0;
      next.disabled = last >= page.total;
    } catch (e) {
      clear(host, h('p', { class: 'error', role: 'alert' }, describe(e)));
    }
  };
  const apply = (ev) => {
    if (ev) ev.preventDefault();
    Object.assign(state, { rule: rule.value.trim().toUpperCase(), carrier: carrier.value.trim().toUpperCase(),
      severity: severity.value, category: category.value, sort: sort.value, offset: 0 });
    load();
  };
  prev.addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); load(); });
  next.addEventListener('click', () => { state.offset += state.limit; load(); });
  const filters = h('form', { class: 'row', id: 'filters' }, field('Rule', rule), field('Carrier', carrier), field('Severity', severity),
    field('Category', category), field('Sort', sort), h('button', { type: 'submit' }, 'Apply'));
  filters.addEventListener('submit', apply);
  sort.addEventListener('change', apply);
  load();
  return { node: h('div', { class: 'card' }, h('h2', {}, 'Findings'), filters, h('div', { class: 'pager' }, prev, next, status), host), reload: load };
}

export async function job(id) {
  const head = h('div', { id: 'job-head' });
  const body = h('div');
  let timer, shownDone = false;
  const downloads = h('div', { class: 'row', id: 'downloads' },
    h('button', { type: 'button', id: 'download-report', onclick: () => download('/v1/jobs/' + encodeURIComponent(id) + '/report', id + '-report.xlsx').catch((e) => toast(describe(e), true)) }, 'Annotated workbook (.xlsx)'),
    h('button', { type: 'button', id: 'download-disputes', onclick: () => download('/v1/jobs/' + encodeURIComponent(id) + '/disputes', id + '-disputes.csv').catch((e) => toast(describe(e), true)) }, 'Disputes (.csv)'),
    h('button', { type: 'button', class: 'secondary', id: 'download-findings', onclick: () => download('/v1/jobs/' + encodeURIComponent(id) + '/findings?format=csv', id + '-findings.csv').catch((e) => toast(describe(e), true)) }, 'Findings (.csv)'));
  const render = (j) => {
    const p = progress(j);
    const retry = j.status === 'FAILED' ? h('button', { type: 'button', id: 'retry', onclick: async () => {
      try { shownDone = false; render(await api('/v1/jobs/' + encodeURIComponent(id) + '/retry', { method: 'POST' })); poll(); } catch (e) { toast(describe(e), true); }
    } }, 'Retry from the last checkpoint') : null;
    clear(head, h('h1', {}, 'Job ', h('span', { class: 'mono' }, j.id)),
      h('div', { class: 'card' },
        h('p', {}, h('strong', { id: 'job-file' }, j.fileName), ' · ', j.kind, ' · ', j.profile, ' · ', badge(j.status)),
        h('p', {}, h('progress', { id: 'job-progress', max: 100, value: p.pct, 'aria-label': 'job progress' }), ' ',
          h('span', { id: 'job-percent' }, p.pct + ' %'), ' · ', (j.rowsDone ?? 0).toLocaleString(), ' of ',
          j.rowsTotal == null ? '?' : j.rowsTotal.toLocaleString(), ' rows', p.rate ? ' · ' + p.rate : '', p.left ? ' · ' + p.left + ' left' : ''),
        h('p', {}, 'Findings: ', h('strong', { id: 'job-findings' }, j.findings), ' · Disputable: ', h('strong', { id: 'job-disputable' }, money(j.disputableAmount))),
        j.failure ? h('p', { class: 'error', role: 'alert' }, 'Failed: ', j.failure) : null,
        j.unrecognisedCharges && j.unrecognisedCharges.lines ? h('p', { class: 'muted' }, j.unrecognisedCharges.lines + ' charge lines with descriptions the taxonomy does not know') : null,
        retry));
    if (!active(j) && !shownDone) {
      shownDone = true;
      const f = findingsTable(id);
      clear(body, j.status === 'DONE' ? h('div', { class: 'card' }, h('h2', {}, 'Downloads'), downloads) : null,
        h('h2', {}, 'Summary'), summaryCharts(id), f.node,
        h('div', { class: 'card', id: 'row-errors' }, h('h2', {}, 'Rows that could not be read'),
          (j.errors || []).length ? table(['Row', 'Column', 'Problem'], j.errors.map((e) => h('tr', {},
            h('td', { class: 'num' }, e.row), h('td', {}, e.column ?? ''), h('td', {}, e.message)))) : h('p', { class: 'muted' }, 'None.')));
    }
  };
  const poll = async () => {
    const j = await api('/v1/jobs/' + encodeURIComponent(id));
    render(j);
    clearTimeout(timer);
    if (active(j)) timer = setTimeout(() => poll().catch((e) => toast(describe(e), true)), POLL_MS);
    else shownDone = true;
  };
  const j = await api('/v1/jobs/' + encodeURIComponent(id));
  render(j);
  if (active(j)) timer = setTimeout(() => poll().catch((e) => toast(describe(e), true)), POLL_MS);
  return { node: h('div', {}, h('p', {}, h('a', { href: '#/finance' }, '‹ All jobs')), head, body), stop: () => clearTimeout(timer) };
}
