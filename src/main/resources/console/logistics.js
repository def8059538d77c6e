// Logistics: audit a shipment before it ships (a form, or JSON pasted), the decision trail of past audits, and the
// reference look-ups (tariff classification, dangerous goods, address validation).
import { api, describe } from './api.js';
import { h, clear, table, money, badge, when, toast, field, select } from './dom.js';

const SERVICES = ['GROUND', 'GROUND_SAVER', 'HOME_DELIVERY', 'THREE_DAY', 'SECOND_DAY_AIR', 'NEXT_DAY_AIR',
  'NEXT_DAY_AIR_SAVER', 'EXPRESS_SAVER', 'PRIORITY_OVERNIGHT', 'STANDARD_OVERNIGHT', 'GROUND_ADVANTAGE', 'PRIORITY_MAIL',
  'PRIORITY_MAIL_EXPRESS', 'FIRST_CLASS_INTERNATIONAL', 'PRIORITY_MAIL_INTERNATIONAL', 'EXPRESS_WORLDWIDE',
  'WORLDWIDE_EXPRESS', 'WORLDWIDE_SAVER', 'INTERNATIONAL_ECONOMY', 'INTERNATIONAL_PRIORITY', 'LTL'];

/** Every evidence entry, as the job page shows it: a screening finding's list, entry, score and clearance included. */
function evidence(f) {
  const entries = Object.entries(f.evidence || {});
  if (!entries.length) return '';
  return h('details', {}, h('summary', {}, (f.evidence && f.evidence.source) || 'evidence'),
    h('ul', { class: 'plain mono' }, entries.map(([k, v]) => h('li', {}, k + ': ' + v))));
}

function findingsTable(findings, id) {
  return findings.length ? table(['Rule', 'Severity', 'Category', 'Subject', 'Message', h('th', { class: 'num' }, 'Amount'), 'Evidence'],
    findings.map((f) => h('tr', { 'data-rule': f.ruleId }, h('td', { class: 'mono' }, f.ruleId), h('td', {}, badge(f.severity)), h('td', {}, f.category),
      h('td', { class: 'mono' }, f.subject ?? ''), h('td', {}, f.message, f.suggestion ? h('div', { class: 'muted' }, f.suggestion) : null),
      h('td', { class: 'num' }, money(f.amount)), h('td', {}, evidence(f)))), { id })
    : h('p', { id }, 'No findings.');
}

function verdict(result) {
  return h('div', { class: 'card', id: 'audit-result', role: 'status' },
    h('h2', {}, 'Verdict ', h('span', { class: 'verdict', id: 'verdict' }, badge(result.verdict))),
    h('p', { class: 'muted' }, 'Shipment ', result.shipmentId ?? '', ' · audit ', h('a', { href: '#/audits/' + encodeURIComponent(result.auditId || '') }, result.auditId || ''),
      ' · ', when(result.auditedAt)),
    findingsTable(result.findings || [], 'audit-findings'),
    result.billableWeight && result.billableWeight.length ? h('p', {}, 'Billable weight: ',
      result.billableWeight.map((b) => b.packageId + ' ' + b.value + ' ' + b.unit).join(', ')) : null);
}

function shipmentForm(out) {
  const today = new Date().toISOString().slice(0, 10);
  const f = {
    id: h('input', { id: 's-id', value: 'SHP-' + Date.now().toString().slice(-6), required: true }),
    shipDate: h('input', { id: 's-date', type: 'date', value: today, required: true }),
    carrier: select(['UPS', 'FEDEX', 'USPS', 'DHL'], { id: 's-carrier' }),
    service: select(SERVICES, { id: 's-service' }),
    fromPostal: h('input', { id: 's-from-postal', value: '43215', size: 8 }),
    fromCountry: h('input', { id: 's-from-country', value: 'US', size: 3 }),
    toName: h('input', { id: 's-to-name', value: 'Jane Roe' }),
    toStreet: h('input', { id: 's-to-street', value: '1745 T Street Southeast' }),
    toCity: h('input', { id: 's-to-city', value: 'Washington' }),
    toState: h('input', { id: 's-to-state', value: 'DC', size: 4 }),
    toPostal: h('input', { id: 's-to-postal', value: '20020', size: 8 }),
    toCountry: h('input', { id: 's-to-country', value: 'US', size: 3 }),
    residential: h('input', { id: 's-residential', type: 'checkbox', checked: true }),
    weight: h('input', { id: 's-weight', type: 'number', step: 'any', min: '0', value: '12.5', size: 6 }),
    unit: select(['LB', 'KG', 'OZ', 'G'], { id: 's-weight-unit' }),
    length: h('input', { id: 's-length', type: 'number', step: 'any', value: '20', size: 4 }),
    width: h('input', { id: 's-width', type: 'number', step: 'any', value: '12', size: 4 }),
    height: h('input', { id: 's-height', type: 'number', step: 'any', value: '10', size: 4 }),
    dimUnit: select(['IN', 'CM'], { id: 's-dim-unit' }),
    description: h('input', { id: 's-item', value: "Men's cotton knit t-shirt" }),
    hsCode: h('input', { id: 's-hs', value: '6109.10.0012', size: 14 }),
    origin: h('input', { id: 's-origin', value: 'BD', size: 3 }),
    quantity: h('input', { id: 's-qty', type: 'number', min: '1', value: '10', size: 4 }),
    value: h('input', { id: 's-value', value: '8.50', size: 7 }),
  };
  const build = () => ({
    id: f.id.value.trim(), shipDate: f.shipDate.value, carrier: f.carrier.value, service: f.service.value,
    shipFrom: { name: 'Shipping dock', company: null, street1: '100 Main St', city: 'Columbus', state: 'OH', postalCode: f.fromPostal.value.trim(), country: f.fromCountry.value.trim().toUpperCase(), residential: false },
    shipTo: { name: f.toName.value.trim(), company: null, street1: f.toStreet.value.trim(), city: f.toCity.value.trim(), state: f.toState.value.trim(),
      postalCode: f.toPostal.value.trim(), country: f.toCountry.value.trim().toUpperCase(), residential: f.residential.checked },
    packages: [{ id: 'P1', weight: { value: Number(f.weight.value), unit: f.unit.value },
      dimensions: { length: Number(f.length.value), width: Number(f.width.value), height: Number(f.height.value), unit: f.dimUnit.value }, packaging: 'BOX' }],
    items: [{ sku: 'SKU-1', description: f.description.value.trim(), hsCode: f.hsCode.value.trim(), countryOfOrigin: f.origin.value.trim().toUpperCase(),
      quantity: Number(f.quantity.value), unitValue: { amount: f.value.value.trim(), currency: 'USD' }, packageId: 'P1' }],
  });
  const json = h('textarea', { id: 's-json', 'aria-label': 'Shipment JSON', spellcheck: 'false' });
  const send = async (shipment) => {
    try {
      clear(out, verdict(await api('/v1/audits/shipments', { method: 'POST', json: shipment })));
      out.querySelector('#verdict').setAttribute('tabindex', '-1');
      out.querySelector('#verdict').focus();
    } catch (e) {
      clear(out, h('div', { class: 'card error', role: 'alert', id: 'audit-error' }, describe(e)));
    }
  };
  const form = h('form', { id: 'shipment-form' },
    h('div', { class: 'row' }, field('Shipment id', f.id), field('Ship date', f.shipDate), field('Carrier', f.carrier), field('Service', f.service)),
    h('div', { class: 'row' }, field('From ZIP', f.fromPostal), field('From country', f.fromCountry)),
    h('div', { class: 'row' }, field('To name', f.toName), field('Street', f.toStreet), field('City', f.toCity), field('State', f.toState),
      field('ZIP', f.toPostal), field('Country', f.toCountry), h('label', { class: 'inline' }, f.residential, 'Residential')),
    h('div', { class: 'row' }, field('Weight', f.weight), field('Unit', f.unit), field('Length', f.length), field('Width', f.width),
      field('Height', f.height), field('Unit', f.dimUnit)),
    h('div', { class: 'row' }, field('Item', f.description), field('HS code', f.hsCode), field('Origin', f.origin), field('Quantity', f.quantity),
      field('Unit value (USD)', f.value)),
    h('div', { class: 'row' }, h('button', { type: 'submit', id: 'audit-submit' }, 'Audit shipment'),
      h('button', { type: 'button', class: 'secondary', id: 'to-json', onclick: () => { json.value = JSON.stringify(build(), null, 2); json.focus(); } }, 'Edit as JSON')));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); send(build()); });
  const pasteForm = h('form', { id: 'json-form' }, field('Or paste a Shipment as JSON', json),
    h('button', { type: 'submit', id: 'audit-json' }, 'Audit this JSON'));
  pasteForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    let shipment;
    try { shipment = JSON.parse(json.value); } catch (e) { clear(out, h('div', { class: 'card error', role: 'alert' }, 'Not JSON: ' + e.message)); return; }
    send(shipment);
  });
  return h('div', { class: 'card' }, h('h2', {}, 'Audit a shipment'), form, pasteForm);
}

function trail() {
  const host = h('div', { id: 'trail' });
  const verdictSel = select([['', 'any verdict'], 'BLOCK', 'WARN', 'PASS'], { id: 'trail-verdict', 'aria-label': 'verdict' });
  const shipment = h('input', { id: 'trail-shipment', placeholder: 'shipment id', 'aria-label': 'shipment id' });
  const load = async (ev) => {
    if (ev) ev.preventDefault();
    const q = new URLSearchParams({ limit: 50 });
    if (verdictSel.value) q.set('verdict', verdictSel.value);
    if (shipment.value.trim()) q.set('shipmentId', shipment.value.trim());
    try {
      const { audits } = await api('/v1/audits?' + q);
      clear(host, audits.length ? table(['When', 'Shipment', 'Verdict', h('th', { class: 'num' }, 'Findings'), 'Caller'],
        audits.map((a) => h('tr', {}, h('td', {}, h('a', { href: '#/audits/' + encodeURIComponent(a.auditId) }, when(a.auditedAt))),
          h('td', {}, a.shipmentId ?? ''), h('td', {}, badge(a.verdict)), h('td', { class: 'num' }, (a.findings || []).length), h('td', {}, a.caller ?? ''))))
        : h('p', { class: 'muted' }, 'No decisions kept for this filter.'));
    } catch (e) { clear(host, h('p', { class: 'error' }, describe(e))); }
  };
  const form = h('form', { class: 'row' }, verdictSel, shipment, h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', load);
  load();
  return h('div', { class: 'card' }, h('h2', {}, 'Decision trail'), form, host);
}

function lookups() {
  const tariffOut = h('div', { id: 'tariff-results' });
  const q = h('input', { id: 'tariff-q', placeholder: 'cotton t-shirt', required: true });
  const schedule = select(['HS', 'HTSUS', 'EU_CN'], { id: 'tariff-schedule' });
  const tariff = h('form', { class: 'row' }, field('Goods description', q), field('Schedule', schedule), h('button', { type: 'submit' }, 'Classify'));
  tariff.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await api('/v1/reference/tariff/search?' + new URLSearchParams({ q: q.value, limit: 10, schedule: schedule.value }));
      clear(tariffOut, r.results.length ? table(['Code', 'Description', 'Why', h('th', { class: 'num' }, 'Score')], r.results.map((x) => h('tr', {},
        h('td', { class: 'mono' }, x.code), h('td', {}, x.description), h('td', { class: 'muted' }, (x.path || []).join(' › ')), h('td', { class: 'num' }, x.score))))
        : h('p', {}, 'No tariff line matches.'));
    } catch (e) { clear(tariffOut, h('p', { class: 'error' }, describe(e))); }
  });
  const hazOut = h('div', { id: 'hazmat-results' });
  const un = h('input', { id: 'hazmat-un', placeholder: 'UN3481', required: true, size: 8 });
  const haz = h('form', { class: 'row' }, field('UN number', un), h('button', { type: 'submit' }, 'Look up'));
  haz.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await api('/v1/reference/hazmat/' + encodeURIComponent(un.value.trim()));
      const entries = Array.isArray(r) ? r : (r.entries || r.results || [r]);
      clear(hazOut, table(['Entry'], entries.map((e) => h('tr', {}, h('td', {}, h('ul', { class: 'plain' },
        Object.entries(e).filter(([, v]) => v !== null && (typeof v !== 'object' || Array.isArray(v))).map(([k, v]) => h('li', {}, h('span', { class: 'muted' }, k + ': '), Array.isArray(v) ? v.join(', ') : String(v)))))))));
    } catch (e) { clear(hazOut, h('p', { class: 'error' }, describe(e))); }
  });
  const addrOut = h('div', { id: 'address-results' });
  const a = { street1: h('input', { id: 'a-street', placeholder: '1745 T Street Southeast' }), city: h('input', { id: 'a-city', placeholder: 'Washington' }),
    state: h('input', { id: 'a-state', size: 4, placeholder: 'DC' }), postalCode: h('input', { id: 'a-postal', size: 8, placeholder: '20020' }),
    country: h('input', { id: 'a-country', size: 3, value: 'US' }) };
  const addr = h('form', { class: 'row' }, field('Street', a.street1), field('City', a.city), field('State', a.state), field('ZIP', a.postalCode),
    field('Country', a.country), h('button', { type: 'submit' }, 'Validate'));
  addr.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { name: null, company: null, street1: a.street1.value.trim(), street2: null, city: a.city.value.trim(), state: a.state.value.trim() || null,
      postalCode: a.postalCode.value.trim(), country: a.country.value.trim().toUpperCase(), residential: null };
    try {
      const r = await api('/v1/reference/addresses/validate', { method: 'POST', json: body });
      clear(addrOut, h('p', {}, badge(r.valid ? 'PASS' : 'WARN'), ' ', r.valid ? 'valid' : 'not valid'),
        (r.issues || []).length ? h('ul', {}, r.issues.map((i) => h('li', {}, h('span', { class: 'mono' }, i.field ?? ''), ': ', i.message))) : null,
        r.normalized ? h('p', { class: 'muted' }, 'Normalised: ', [r.normalized.street1, r.normalized.city, r.normalized.state, r.normalized.postalCode, r.normalized.country].filter(Boolean).join(', ')) : null);
    } catch (e) { clear(addrOut, h('p', { class: 'error' }, describe(e))); }
  });
  return h('div', { class: 'grid' },
    h('div', { class: 'card' }, h('h2', {}, 'Tariff classification'), tariff, tariffOut),
    h('div', { class: 'card' }, h('h2', {}, 'Dangerous goods'), haz, hazOut),
    h('div', { class: 'card' }, h('h2', {}, 'Address validation'), addr, addrOut));
}

export async function home() {
  const out = h('div');
  return { node: h('div', {}, h('h1', {}, 'Logistics'), shipmentForm(out), out, trail(), lookups()) };
}

export async function audit(id) {
  const a = await api('/v1/audits/' + encodeURIComponent(id));
  return { node: h('div', {}, h('p', {}, h('a', { href: '#/logistics' }, '‹ Logistics')), h('h1', {}, 'Decision ', h('span', { class: 'mono' }, a.auditId)),
    verdict(a), h('div', { class: 'card' }, h('p', { class: 'muted' }, 'Caller ', a.caller ?? '', ' · packs ',
      Object.entries(a.rulePacks || {}).map(([k, v]) => k + ' v' + v).join(', ')),
    h('details', {}, h('summary', {}, 'The shipment as sent'), h('pre', {}, JSON.stringify(a.shipment, null, 2))))) };
}
