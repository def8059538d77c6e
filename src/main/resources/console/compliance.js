// Compliance: the rule packs, a pack's rules with their sources, its decision tables rendered (and editable) as
// tables with the DRL each compiles to, validating and deploying a candidate, the history with diffs, rollback.
import { api, describe, ApiError } from './api.js';
import { h, clear, table, badge, when, toast, field, select } from './dom.js';
import { Workbook, colLetters } from './xlsx.js';
import { lineDiff } from './diff.js';
import { can } from './app.js';

const fileUrl = (name, version, path) => '/v1/rule-packs/' + encodeURIComponent(name) + '/versions/'
  + encodeURIComponent(version) + '/files/' + path.split('/').map(encodeURIComponent).join('/');

export async function home() {
  const packs = await api('/v1/rule-packs');
  return { node: h('div', {}, h('h1', {}, 'Rule packs'), h('div', { class: 'card' }, table(
    ['Pack', 'Version', h('th', { class: 'num' }, 'Rules'), 'Activated', 'By'],
    packs.map((p) => h('tr', {}, h('td', {}, h('a', { href: '#/packs/' + encodeURIComponent(p.name) }, p.name)),
      h('td', {}, p.version), h('td', { class: 'num' }, p.rules), h('td', {}, when(p.activatedAt)), h('td', {}, p.activatedBy ?? ''))),
    { id: 'pack-list' }))) };
}

/** The validation report: errors at file and line (sheet, row, column for tables), scenarios, coverage. */
function report(r, heading) {
  const errors = r.errors || [];
  const sc = r.scenarios || { passed: 0, failed: 0, failures: [] };
  const cov = r.coverage || {};
  const where = (e) => e.sheet ? e.file + ' sheet ' + e.sheet + (e.row ? ', row ' + e.row : '') + (e.column ? ', column ' + e.column : '')
    : e.file + (e.line ? ' line ' + e.line : '');
  const gaps = [['without a scenario', cov.rulesWithoutScenario], ['never made to fire', cov.rulesNeverFiring],
    ['never kept silent', cov.rulesNeverSilent]].filter(([, l]) => l && l.length);
  return h('div', { class: 'card', id: 'validation', role: 'status' },
    h('h2', {}, heading, ' ', badge(r.valid ? 'PASS' : 'FAILED'), ' ', h('span', { id: 'validity' }, r.valid ? 'valid' : 'not valid')),
    errors.length ? h('div', {}, h('h3', {}, 'Errors'), h('ul', { class: 'errors', id: 'compile-errors' },
      errors.map((e) => h('li', { class: 'error' }, h('strong', { class: 'mono' }, where(e)), ': ', e.message)))) : null,
    h('h3', {}, 'Scenarios'),
    h('p', { id: 'scenario-counts' }, sc.passed + ' passed, ' + sc.failed + ' failed'),
    (sc.failures || []).length ? h('ul', { class: 'errors', id: 'scenario-failures' }, sc.failures.map((f) => h('li', {},
      h('strong', { class: 'mono' }, f.file), ' — ', f.description ?? '', h('ul', {}, (f.reasons || []).map((x) => h('li', { class: 'error' }, x)))))) : null,
    h('h3', {}, 'Coverage'),
    gaps.length ? h('ul', { id: 'coverage' }, gaps.map(([t, l]) => h('li', {}, 'Rules ' + t + ': ', h('span', { class: 'mono' }, l.join(', ')))))
      : h('p', { id: 'coverage' }, 'Every finding rule fires in a scenario and stays silent in another.'),
    (r.warnings || []).length ? h('div', {}, h('h3', {}, 'Warnings'), h('ul', {}, r.warnings.map((w) => h('li', {}, w)))) : null);
}

/** A sheet as an HTML table with spreadsheet row numbers and column letters; editable cells when asked. */
function sheetTable(wb, sheetName, path, editable, onEdit) {
  const { rows, maxCol } = wb.cells(sheetName);
  const cols = Array.from({ length: maxCol }, (_, i) => i + 1);
  return table([h('th', {}, ''), ...cols.map((c) => h('th', { scope: 'col' }, colLetters(c)))], rows.map((r) => h('tr', {},
    h('th', { scope: 'row' }, r.row),
    cols.map((c) => {
      const text = r.cells.get(c) ?? '';
      const ref = colLetters(c) + r.row;
      if (!editable) return h('td', { 'data-ref': ref }, text);
      const input = h('input', { value: text, 'data-ref': ref, 'aria-label': path + ' ' + sheetName + '!' + ref });
      input.addEventListener('change', () => { wb.set(sheetName, ref, input.value); input.parentElement.classList.add('changed'); onEdit(); });
      return h('td', {}, input);
    }))), { class: 'sheet' });
}

export async function pack(name) {
  const [p, history] = await Promise.all([api('/v1/rule-packs/' + encodeURIComponent(name)),
    api('/v1/rule-packs/' + encodeURIComponent(name) + '/history')]);
  const author = can('rule-author');
  // The candidate: path -> Blob, from picked files, the DRL editor and edited tables.
  const candidate = new Map();
  const candidateList = h('ul', { id: 'candidate-files' });
  const showCandidate = () => clear(candidateList, candidate.size ? [...candidate.keys()].map((k) => h('li', { class: 'mono' }, k,
    ' ', h('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove ' + k, onclick: () => { candidate.delete(k); showCandidate(); } }, 'remove')))
    : h('li', { class: 'muted' }, 'No changed files yet: edit a table or a DRL file above, or add files.'));
  const results = h('div', { id: 'results' });

  const rules = h('div', { class: 'card' }, h('h2', {}, 'Rules'), table(['Id', 'Rule', 'Source', 'File'],
    p.rules.map((r) => h('tr', {}, h('td', { class: 'mono' }, r.id), h('td', {}, r.name, r.description && r.description !== r.name ? h('div', { class: 'muted' }, r.description) : null),
      h('td', {}, r.source ?? ''), h('td', { class: 'mono' }, r.file ?? ''))), { id: 'rules-table' }));

  // DRL editor: one file at a time, its text kept in the candidate as it is typed.
  const editorPath = h('span', { class: 'mono', id: 'editor-path' });
  const editor = h('textarea', { id: 'drl-editor', spellcheck: 'false', 'aria-label': 'DRL source', disabled: true });
  editor.addEventListener('input', () => { candidate.set(editorPath.textContent, new Blob([editor.value], { type: 'text/plain' })); showCandidate(); });
  const editFile = async (path) => {
    editorPath.textContent = path;
    editor.value = await api(fileUrl(name, p.version, path), { as: 'text' });
    editor.disabled = false;
    editor.focus();
  };

  const files = h('div', { class: 'card', id: 'files' }, h('h2', {}, 'Files'));
  for (const f of p.files) {
    if (f.path.endsWith('.xlsx')) {
      const host = h('div', { 'data-table': f.path }, h('p', { class: 'muted' }, 'Reading ' + f.path + '…'));
      files.append(h('h3', { class: 'mono' }, f.path), host);
      (async () => {
        const wb = await Workbook.open(await api(fileUrl(name, p.version, f.path), { as: 'bytes' }));
        const sheets = h('div');
        const render = (editable) => clear(sheets, wb.sheets.map((s) => h('div', {}, h('p', { class: 'muted' }, 'Sheet ', s.name),
          sheetTable(wb, s.name, f.path, editable, () => { candidate.set(f.path, wb.save()); showCandidate(); }))));
        render(false);
        const edit = author ? h('button', { type: 'button', class: 'secondary', 'data-edit-table': f.path,
          onclick: (ev) => { render(true); ev.target.remove(); const first = sheets.querySelector('input'); if (first) first.focus(); } }, 'Edit cells') : null;
        const drl = p.tables && p.tables[f.path];
        clear(host, edit, sheets, drl ? h('details', {}, h('summary', {}, 'The DRL this table compiles to'), h('pre', { 'data-drl': f.path }, drl)) : null);
      })().catch((e) => clear(host, h('p', { class: 'error' }, 'Cannot read ' + f.path + ': ' + describe(e))));
    } else {
      const pre = h('pre', { hidden: true });
      const show = h('details', {}, h('summary', {}, 'Show'), pre);
      show.addEventListener('toggle', async () => { if (show.open && !pre.textContent) { pre.textContent = await api(fileUrl(name, p.version, f.path), { as: 'text' }); pre.hidden = false; } });
      files.append(h('div', { class: 'row' }, h('h3', { class: 'mono' }, f.path),
        author && /\.(drl|yaml|yml|md)$/.test(f.path) ? h('button', { type: 'button', class: 'secondary', 'data-edit-file': f.path, onclick: () => editFile(f.path).catch((e) => toast(describe(e), true)) }, 'Edit') : null), show);
    }
  }

  const picker = h('input', { type: 'file', multiple: true, id: 'candidate-picker', accept: '.drl,.xlsx,.yaml,.yml,.md' });
  picker.addEventListener('change', () => {
    for (const file of picker.files) {
      const dir = /\.drl$/.test(file.name) ? 'drl/' : /\.xlsx$/.test(file.name) ? 'tables/' : /\.ya?ml$/.test(file.name) && file.name !== 'pack.yaml' ? 'scenarios/' : '';
      candidate.set(dir + file.name, file);
    }
    picker.value = '';
    showCandidate();
  });
  const message = h('input', { id: 'deploy-message', size: 40, placeholder: 'Why this change (kept in the history)' });
  const formOf = () => {
    const form = new FormData();
    for (const [path, blob] of candidate) form.append(path, blob, path.split('/').pop());
    return form;
  };
  const validate = h('button', { type: 'button', id: 'validate' }, 'Validate');
  validate.addEventListener('click', async () => {
    if (!candidate.size) { toast('Change a file first.', true); return; }
    try {
      clear(results, report(await api('/v1/rule-packs/' + encodeURIComponent(name) + '/validate', { method: 'POST', form: formOf() }), 'Validation'));
      results.querySelector('h2').focus?.();
    } catch (e) { clear(results, h('p', { class: 'error', role: 'alert' }, describe(e))); }
  });
  const deploy = h('button', { type: 'button', id: 'deploy' }, 'Deploy');
  deploy.addEventListener('click', async () => {
    if (!candidate.size) { toast('Change a file first.', true); return; }
    const form = formOf();
    form.append('message', message.value.trim() || '(no message)');
    form.append('baseVersion', p.version);
    try {
      const v = await api('/v1/rule-packs/' + encodeURIComponent(name), { method: 'PUT', form });
      toast('Version ' + v.version + ' of ' + name + ' is active.');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      if (e instanceof ApiError && e.problem.report) clear(results, h('p', { class: 'error', role: 'alert' }, describe(e)), report(e.problem.report, 'Deploy refused'));
      else clear(results, h('p', { class: 'error', role: 'alert' }, describe(e)));
    }
  });
  showCandidate();
  const candidateCard = author ? h('div', { class: 'card', id: 'candidate' }, h('h2', {}, 'Change this pack'),
    h('p', { class: 'muted' }, 'Files changed here are sent as a candidate: the other files stay as in version ' + p.version + '.'),
    h('div', {}, h('p', {}, 'Editing: ', editorPath), editor),
    h('h3', {}, 'Candidate files'), candidateList,
    h('label', { for: 'candidate-picker', class: 'inline' }, 'Add files: ', picker),
    h('div', { class: 'row' }, validate, field('Deploy message', message), deploy), results) : null;

  return { node: h('div', {}, h('p', {}, h('a', { href: '#/packs' }, '‹ All packs')),
    h('h1', {}, 'Pack ', h('span', { class: 'mono' }, p.name), ' · version ', h('span', { id: 'pack-version' }, p.version)),
    h('div', { class: 'card' }, h('p', {}, p.summary ?? ''), h('p', { class: 'muted' }, 'Owner ', p.owner ?? '', ' · activated ', when(p.activatedAt), ' by ', p.activatedBy ?? '',
      p.message ? ' · “' + p.message + '”' : ''), h('p', { class: 'muted mono' }, 'content ', p.contentHash)),
    candidateCard, rules, files, historyCard(name, history, p.version, author)) };
}

function historyCard(name, history, activeVersion, author) {
  const versions = [...new Set(history.versions.map((v) => v.version))];
  const a = select(versions, { id: 'diff-from', 'aria-label': 'older version' });
  const b = select(versions, { id: 'diff-to', 'aria-label': 'newer version' });
  if (versions.length > 1) a.value = versions[1];
  const out = h('div', { id: 'diff' });
  const compare = h('button', { type: 'button', class: 'secondary', id: 'compare' }, 'Compare');
  compare.addEventListener('click', async () => {
    try {
      const [va, vb] = await Promise.all([a.value, b.value].map((v) => api('/v1/rule-packs/' + encodeURIComponent(name) + '/versions/' + encodeURIComponent(v))));
      const shaA = new Map(va.files.map((f) => [f.path, f.sha256]));
      const shaB = new Map(vb.files.map((f) => [f.path, f.sha256]));
      const paths = [...new Set([...shaA.keys(), ...shaB.keys()])].sort().filter((p) => shaA.get(p) !== shaB.get(p));
      if (!paths.length) { clear(out, h('p', {}, 'The two versions have the same files.')); return; }
      clear(out, await Promise.all(paths.map(async (path) => {
        const read = (v, has) => (has ? (path.endsWith('.xlsx') ? xlsxText(name, v, path) : api(fileUrl(name, v, path), { as: 'text' })) : Promise.resolve(''));
        const [ta, tb] = await Promise.all([read(a.value, shaA.has(path)), read(b.value, shaB.has(path))]);
        const d = lineDiff(ta, tb);
        return h('div', {}, h('h3', { class: 'mono' }, path, !shaA.has(path) ? ' (added)' : !shaB.has(path) ? ' (removed)' : ''),
          d ? h('pre', { class: 'diff' }, d.filter(([op], i) => op !== ' ' || d.slice(Math.max(0, i - 2), i + 3).some(([o]) => o !== ' '))
            .map(([op, line]) => h('span', { class: op === '+' ? 'add' : op === '-' ? 'del' : '' }, op + ' ' + line))) : h('p', {}, 'Too large to compare here.'));
      })));
    } catch (e) { clear(out, h('p', { class: 'error' }, describe(e))); }
  });
  const why = h('input', { id: 'rollback-message', size: 40, placeholder: 'Why roll back' });
  const rollback = author ? h('button', { type: 'button', class: 'danger', id: 'rollback' }, 'Roll back to the previous version') : null;
  if (rollback) rollback.addEventListener('click', async () => {
    try {
      const v = await api('/v1/rule-packs/' + encodeURIComponent(name) + '/rollback', { method: 'POST', json: why.value.trim() ? { message: why.value.trim() } : {} });
      toast('Rolled back: version ' + v.version + ' of ' + name + ' is active.');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) { toast(describe(e), true); }
  });
  return h('div', { class: 'card', id: 'history' }, h('h2', {}, 'History'),
    table(['Version', 'Action', 'By', 'When', 'Message', 'Content'], history.versions.map((v) => h('tr', {},
      h('td', {}, v.version, v.version === activeVersion ? ' (active)' : ''), h('td', {}, v.action), h('td', {}, v.author ?? ''),
      h('td', {}, when(v.at)), h('td', {}, v.message ?? ''), h('td', { class: 'mono' }, String(v.contentHash ?? '').slice(0, 12)))), { id: 'history-table' }),
    rollback ? h('div', { class: 'row' }, field('Rollback message', why), rollback) : null,
    h('h3', {}, 'Compare two versions'), h('div', { class: 'row' }, a, h('span', {}, 'with'), b, compare), out);
}

/** A workbook as lines "Sheet!B10 = value", so two versions of a table diff cell by cell. */
async function xlsxText(name, version, path) {
  const wb = await Workbook.open(await api(fileUrl(name, version, path), { as: 'bytes' }));
  const lines = [];
  for (const s of wb.sheets) for (const r of wb.cells(s.name).rows) for (const [c, v] of r.cells) if (v !== '') lines.push(s.name + '!' + colLetters(c) + r.row + ' = ' + v);
  return lines.join('\n');
}
