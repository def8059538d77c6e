// Restricted-party screening: search a name against the loaded lists (auditors), clear a candidate as a false match
// with the reason (rule authors, who act as compliance officers), and the clearances with who cleared what, when and
// why. A cleared pair is reported as INFO (SCR-003) by every later pre-ship audit; removing the clearance undoes that.
import { api, describe } from './api.js';
import { h, clear, table, when, toast, field, select } from './dom.js';
import { can } from './app.js';

/** The party a clearance is recorded for: the name as searched, as a person or a company like the listed entry. */
function partyOf(query, hit) {
  const party = hit.type === 'individual' ? { name: query.name } : { company: query.name };
  if (query.country) party.country = query.country;
  return party;
}

function partyText(p) {
  if (!p || typeof p !== 'object') return String(p ?? '');
  return [p.name, p.company, p.city, p.country].filter(Boolean).join(', ');
}

function list(items) {
  return (items || []).length ? h('ul', { class: 'plain' }, items.map((x) => h('li', {}, x))) : '';
}

function clearForm(query, hit, done) {
  const reason = h('textarea', { id: 'clear-reason', required: true, maxlength: 2000, rows: 3, class: 'short',
    placeholder: 'Why the party is not the listed one: the documents checked, by whom, when' });
  const form = h('form', { class: 'card', id: 'clear-form' },
    h('h3', {}, 'Clear as a false match'),
    h('p', {}, 'Party ', h('strong', {}, partyText(partyOf(query, hit))), ' against ', hit.list, ' entry ',
      h('span', { class: 'mono' }, hit.entryId), ' (', hit.name, ').'),
    field('Reason', reason),
    h('div', { class: 'row' }, h('button', { type: 'submit', id: 'clear-submit' }, 'Record clearance'),
      h('button', { type: 'button', class: 'secondary', id: 'clear-cancel', onclick: () => form.remove() }, 'Cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const c = await api('/v1/screening/clearances', { method: 'POST',
        json: { party: partyOf(query, hit), list: hit.list, entryId: hit.entryId, reason: reason.value.trim() } });
      toast('Cleared: ' + hit.list + ' ' + hit.entryId + ' (' + c.id + ')');
      form.remove();
      done();
    } catch (e) {
      clear(form.querySelector('.error') || form.appendChild(h('p', { class: 'error', role: 'alert' })), describe(e));
    }
  });
  return form;
}

function search(onCleared) {
  const out = h('div', { id: 'screening-results' });
  const name = h('input', { id: 'scr-name', required: true, maxlength: 256, placeholder: 'Example Front Trading' });
  const country = h('input', { id: 'scr-country', size: 3, maxlength: 2, placeholder: 'AE' });
  const type = select([['', 'person or company'], 'individual', 'entity', 'vessel', 'aircraft'], { id: 'scr-type' });
  const minScore = h('input', { id: 'scr-min', type: 'number', min: '0', max: '1', step: '0.01', size: 5, placeholder: 'default' });
  const author = can('rule-author');
  const form = h('form', { class: 'row', id: 'screening-form' }, field('Name', name), field('Country', country),
    field('Type', type), field('Min score', minScore), h('button', { type: 'submit', id: 'scr-search' }, 'Screen'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const query = { name: name.value.trim(), country: country.value.trim().toUpperCase() };
    const q = new URLSearchParams({ name: query.name, limit: 20 });
    if (query.country) q.set('country', query.country);
    if (type.value) q.set('type', type.value);
    if (minScore.value.trim()) q.set('minScore', minScore.value.trim());
    try {
      const { results } = await api('/v1/screening/search?' + q);
      const pending = h('div', { id: 'clear-host' });
      clear(out, results.length ? table(['List', 'Entry', 'Listed name', 'Matched', h('th', { class: 'num' }, 'Score'), 'Level',
        'Programs', 'Why', author ? '' : null].filter((x) => x !== null),
      results.map((r) => h('tr', { 'data-entry': r.list + ':' + r.entryId },
        h('td', {}, r.list), h('td', { class: 'mono' }, r.entryId), h('td', {}, r.name, h('div', { class: 'muted' }, r.type)),
        h('td', {}, r.matchedName, r.matchedQuality ? h('div', { class: 'muted' }, r.matchedQuality) : null),
        h('td', { class: 'num' }, Number(r.score).toFixed(3)), h('td', {}, r.level ?? 'below threshold'),
        h('td', {}, (r.programs || []).join(', ')), h('td', { class: 'muted' }, list(r.reasons)),
        author ? h('td', {}, h('button', { type: 'button', class: 'secondary', 'data-clear': r.list + ':' + r.entryId,
          onclick: (ev) => {
            const button = ev.currentTarget;
            // Once recorded the button says so, so the same pair is not cleared twice from one search.
            clear(pending, clearForm(query, r, () => { button.disabled = true; button.textContent = 'Cleared'; onCleared(); }));
            pending.querySelector('textarea').focus();
          } },
        'Clear as false match')) : null)), { id: 'candidates' })
        : h('p', { id: 'no-candidates' }, 'No listed party matches at this score.'), pending);
    } catch (e) { clear(out, h('p', { class: 'error', role: 'alert' }, describe(e))); }
  });
  return h('div', { class: 'card' }, h('h2', {}, 'Screen a party'), form, out);
}

function clearances() {
  const host = h('div', { id: 'clearances' });
  const removed = h('input', { type: 'checkbox', id: 'clr-removed' });
  const author = can('rule-author');
  const load = async () => {
    try {
      const r = await api('/v1/screening/clearances' + (removed.checked ? '?removed=true' : ''));
      clear(host, r.clearances.length ? table(['Party', 'List', 'Entry', 'Reason', 'Cleared by', 'When', ''],
        r.clearances.map((c) => h('tr', { 'data-clearance': c.id },
          h('td', {}, partyText(c.party)), h('td', {}, c.list), h('td', { class: 'mono' }, c.entryId), h('td', {}, c.reason),
          h('td', {}, c.clearedBy), h('td', { class: 'nowrap' }, when(c.clearedAt)),
          h('td', {}, c.removedAt ? h('span', { class: 'muted' }, 'removed by ', c.removedBy, ' ', when(c.removedAt))
            : author ? h('button', { type: 'button', class: 'danger', 'data-remove': c.id, onclick: () => remove(c) }, 'Remove') : ''))),
      { id: 'clearances-table' }) : h('p', { class: 'muted', id: 'no-clearances' }, 'No clearances in force.'));
    } catch (e) { clear(host, h('p', { class: 'error', role: 'alert' }, describe(e))); }
  };
  // Removing needs no confirmation step: it is recorded (who, when), and clearing again restores it.
  const remove = async (c) => {
    try {
      await api('/v1/screening/clearances/' + encodeURIComponent(c.id), { method: 'DELETE' });
      toast('Removed clearance ' + c.id + ': later audits report ' + c.list + ' ' + c.entryId + ' again');
    } catch (e) { toast(describe(e), true); }
    load();
  };
  removed.addEventListener('change', load);
  load();
  return { load, node: h('div', { class: 'card' }, h('h2', {}, 'Clearances'),
    h('p', { class: 'muted' }, 'A cleared party and entry is reported as INFO by every later audit, naming who cleared it and why.'),
    h('label', { class: 'inline' }, removed, 'Show removed ones too'), host) };
}

export async function home() {
  const cleared = clearances();
  return { node: h('div', {}, h('h1', {}, 'Screening'), search(cleared.load), cleared.node) };
}
