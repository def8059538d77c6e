// Reading and editing .xlsx decision tables in the browser, so a compliance user can change one cell and validate
// the result: the workbook's own zip entries are kept byte for byte except the edited sheet, so styles, merged cells
// and the RuleTable layout survive. Zip entries are inflated with the browser's DecompressionStream and the
// workbook is written back with stored (uncompressed) entries, which every zip reader, POI included, accepts.
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const u16 = (b, o) => b[o] | (b[o + 1] << 8);
const u32 = (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The entries of a zip file, in their order: [{name, data: Uint8Array}]. */
export async function unzip(bytes) {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (u32(bytes, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const out = [];
  const names = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (u32(bytes, p) !== 0x02014b50) throw new Error('damaged zip central directory');
    const method = u16(bytes, p + 10);
    const csize = u32(bytes, p + 20);
    const nlen = u16(bytes, p + 28), elen = u16(bytes, p + 30), clen = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nlen));
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const raw = bytes.subarray(start, start + csize);
    if (method !== 0 && method !== 8) throw new Error('zip entry ' + name + ' uses compression method ' + method);
    out.push({ name, data: method === 0 ? raw.slice() : await inflate(raw) });
    p += 46 + nlen + elen + clen;
  }
  return out;
}

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data) {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of the entries, stored. */
export function zip(entries) {
  const enc = new TextEncoder();
  const parts = [], central = [];
  let offset = 0;
  const header = (size) => { const b = new Uint8Array(size); return [b, new DataView(b.buffer)]; };
  for (const e of entries) {
    const name = enc.encode(e.name), crc = crc32(e.data), size = e.data.length;
    const [l, lv] = header(30);
    lv.setUint32(0, 0x04034b50, true); lv.setUint16(4, 20, true); lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, 0, true); lv.setUint16(10, 0, true); lv.setUint16(12, 0x21, true);
    lv.setUint32(14, crc, true); lv.setUint32(18, size, true); lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true); lv.setUint16(28, 0, true);
    parts.push(l, name, e.data);
    const [c, cv] = header(46);
    cv.setUint32(0, 0x02014b50, true); cv.setUint16(4, 20, true); cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true); cv.setUint16(10, 0, true); cv.setUint16(12, 0, true); cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true); cv.setUint32(20, size, true); cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true); cv.setUint32(42, offset, true);
    central.push(c, name);
    offset += 30 + name.length + size;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const [end, ev] = header(22);
  ev.setUint32(0, 0x06054b50, true); ev.setUint16(8, entries.length, true); ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true); ev.setUint32(16, offset, true);
  return new Blob([...parts, ...central, end], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

const xml = (bytes) => new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml');
const texts = (el) => Array.from(el.getElementsByTagNameNS(MAIN, 't')).map((t) => t.textContent).join('');

export function colNumber(letters) {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(n) {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An opened workbook: its sheets' cells as text, and edits that {@link Workbook#save} writes back. */
export class Workbook {
  static async open(bytes) {
    const entries = await unzip(bytes);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const get = (n) => { const e = byName.get(n); if (!e) throw new Error('not a workbook: no ' + n); return xml(e.data); };
    const strings = byName.has('xl/sharedStrings.xml')
      ? Array.from(get('xl/sharedStrings.xml').getElementsByTagNameNS(MAIN, 'si')).map(texts) : [];
    const rels = new Map(Array.from(get('xl/_rels/workbook.xml.rels').getElementsByTagName('Relationship'))
      .map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
    const sheets = Array.from(get('xl/workbook.xml').getElementsByTagNameNS(MAIN, 'sheet')).map((s) => {
      const target = rels.get(s.getAttributeNS(REL, 'id'));
      const path = target.startsWith('/') ? target.slice(1) : 'xl/' + target.replace(/^\.\//, '');
      return { name: s.getAttribute('name'), path, doc: get(path) };
    });
    return new Workbook(entries, strings, sheets);
  }

  constructor(entries, strings, sheets) {
    this.entries = entries;
    this.strings = strings;
    this.sheets = sheets;
    this.edited = new Set();
  }

  /** The cells of a sheet as {rows: [{row, cells: Map(col -> text)}], maxCol}. */
  cells(sheetName) {
    const sheet = this.sheet(sheetName);
    const rows = [];
    let maxCol = 1;
    for (const r of sheet.doc.getElementsByTagNameNS(MAIN, 'row')) {
      const cells = new Map();
      for (const c of r.getElementsByTagNameNS(MAIN, 'c')) {
        const ref = c.getAttribute('r');
        const col = colNumber(ref.replace(/\d+/g, ''));
        maxCol = Math.max(maxCol, col);
        cells.set(col, this.text(c));
      }
      rows.push({ row: Number(r.getAttribute('r')), cells });
    }
    return { rows, maxCol };
  }

  text(c) {
    const t = c.getAttribute('t');
    const v = c.getElementsByTagNameNS(MAIN, 'v')[0];
    if (t === 'inlineStr') return texts(c);
    if (!v) return '';
    if (t === 's') return this.strings[Number(v.textContent)] ?? '';
    if (t === 'b') return v.textContent === '1' ? 'TRUE' : 'FALSE';
    if (t === 'n' || t === null) {
      const n = Number(v.textContent);
      return Number.isFinite(n) ? String(n) : v.textContent;
    }
    return v.textContent;
  }

  sheet(name) {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error('no sheet ' + name);
    return s;
  }

  /** Sets one cell (ref like "G10"): a number stays a number where the cell held one, anything else is text. */
  set(sheetName, ref, value) {
    const sheet = this.sheet(sheetName);
    const doc = sheet.doc;
    const rowNo = Number(ref.replace(/[A-Z]+/g, ''));
    const col = colNumber(ref.replace(/\d+/g, ''));
    const data = doc.getElementsByTagNameNS(MAIN, 'sheetData')[0];
    let row = Array.from(data.getElementsByTagNameNS(MAIN, 'row')).find((r) => Number(r.getAttribute('r')) === rowNo);
    if (!row) {
      row = doc.createElementNS(MAIN, 'row');
      row.setAttribute('r', String(rowNo));
      const after = Array.from(data.children).find((r) => Number(r.getAttribute('r')) > rowNo);
      data.insertBefore(row, after || null);
    }
    let cell = Array.from(row.children).find((c) => c.getAttribute('r') === ref);
    const wasNumber = cell ? (cell.getAttribute('t') === null || cell.getAttribute('t') === 'n') && !!cell.getElementsByTagNameNS(MAIN, 'v')[0] : true;
    if (!cell) {
      cell = doc.createElementNS(MAIN, 'c');
      cell.setAttribute('r', ref);
      const after = Array.from(row.children).find((c) => colNumber(c.getAttribute('r').replace(/\d+/g, '')) > col);
      row.insertBefore(cell, after || null);
    }
    cell.replaceChildren();
    cell.removeAttribute('t');
    const text = String(value);
    if (text === '') {
      // an empty cell: no value at all, as a spreadsheet stores it
    } else if (wasNumber && /^-?\d+(\.\d+)?$/.test(text.trim())) {
      const v = doc.createElementNS(MAIN, 'v');
      v.textContent = text.trim();
      cell.append(v);
    } else {
      cell.setAttribute('t', 'inlineStr');
      const is = doc.createElementNS(MAIN, 'is');
      const t = doc.createElementNS(MAIN, 't');
      t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
      t.textContent = text;
      is.append(t);
      cell.append(is);
    }
    this.edited.add(sheet.path);
  }

  /** The workbook with its edits, as a Blob ready to upload. */
  save() {
    const enc = new TextEncoder();
    const entries = this.entries.map((e) => {
      const s = this.sheets.find((x) => x.path === e.name);
      return s && this.edited.has(s.path)
        ? { name: e.name, data: enc.encode(new XMLSerializer().serializeToString(s.doc)) } : e;
    });
    return zip(entries);
  }
}
