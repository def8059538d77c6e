// Building the page from data. Every text from the service goes in as a text node or textContent, never as HTML,
// so a file name or a finding message holding <script> is shown, not run.

/** h('td', {class: 'num'}, 'text', childNode, ...): attributes by name, 'on…' listeners, children as text or nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'selected' || k === 'multiple') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function table(headers, rows, attrs) {
  return h('div', { class: 'scroll' }, h('table', attrs || {},
    h('thead', {}, h('tr', {}, headers.map((x) => (x instanceof Node ? x : h('th', { scope: 'col' }, x))))),
    h('tbody', {}, rows)));
}

export function money(m) {
  return m && m.amount !== undefined && m.amount !== null ? m.amount + ' ' + (m.currency || '') : '';
}

export function badge(text) {
  return h('span', { class: 'badge ' + String(text).replace(/[^A-Z_]/g, '') }, text);
}

export function when(ts) {
  if (!ts) return '';
  const d = new Date(ts);
  return isNaN(d) ? String(ts) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

let toastTimer;
export function toast(message, bad) {
  const t = document.getElementById('toast');
  t.textContent = message;
  t.className = 'toast show' + (bad ? ' bad' : '');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.className = 'toast'; }, bad ? 9000 : 4000);
}

/** A labelled control: <label>Text <input ...></label>. */
export function field(text, control) {
  return h('label', {}, text, control);
}

export function select(options, attrs) {
  return h('select', attrs || {}, options.map((o) => {
    const [value, text] = Array.isArray(o) ? o : [o, o];
    return h('option', { value }, text);
  }));
}
