// Small SVG bar charts drawn with DOM calls (no inline styles, labels as text nodes).
const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * Horizontal bars, one per item {label, value (a number for the length), display (the exact text shown)}.
 * The chart has a title for screen readers and the same figures are always in a table next to it.
 */
export function barChart(title, items) {
  const rowH = 22, labelW = 150, width = 560, barW = width - labelW - 110;
  const max = Math.max(0, ...items.map((i) => i.value)) || 1;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${Math.max(1, items.length) * rowH + 8}`, role: 'img',
    'aria-label': title });
  svg.append(s('title', {}, title));
  items.forEach((item, n) => {
    const y = n * rowH + 4;
    const label = String(item.label ?? 'unknown');
    svg.append(s('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end' },
      label.length > 22 ? label.slice(0, 21) + '…' : label));
    svg.append(s('rect', { class: 'bar', x: labelW, y: y + 3, height: rowH - 8,
      width: Math.max(1, Math.round((item.value / max) * barW)) }));
    svg.append(s('text', { x: labelW + Math.round((item.value / max) * barW) + 6, y: y + 14 }, item.display));
  });
  if (!items.length) svg.append(s('text', { x: 10, y: 18 }, 'nothing to chart'));
  return svg;
}
