// The one way the console talks to the service: the public HTTP contract, a bearer key from session storage,
// never a cookie (credentials: 'omit') and never the key in a URL.
const KEY = 'shipaudit.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** A refused call: the HTTP status and the problem+json body (or a body of a validation report on 422). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

export async function api(path, { method = 'GET', json, form, as } = {}) {
  const headers = {};
  const key = session.key();
  if (key) headers.Authorization = 'Bearer ' + key;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  const r = await fetch(path, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  const type = r.headers.get('Content-Type') || '';
  if (!r.ok) {
    let problem = { status: r.status, title: r.statusText };
    if (type.includes('json')) {
      try { problem = await r.json(); } catch (e) { /* keep the status line */ }
    }
    throw new ApiError(r.status, problem);
  }
  if (as === 'blob') return r.blob();
  if (as === 'bytes') return new Uint8Array(await r.arrayBuffer());
  if (as === 'text') return r.text();
  return type.includes('json') ? r.json() : r.text();
}

/** Fetches with the key, then saves the answer as a file: a plain link could not carry the bearer header. */
export async function download(path, fileName) {
  const blob = await api(path, { as: 'blob' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** A problem's words for people: detail plus each error's path and message. */
export function describe(err) {
  if (!(err instanceof ApiError)) return String(err && err.message ? err.message : err);
  const p = err.problem;
  const parts = [p.detail || p.title || ('HTTP ' + err.status)];
  for (const e of p.errors || []) {
    if (e && (e.path || e.message)) parts.push((e.path ? e.path + ': ' : '') + (e.message || ''));
  }
  return parts.join(' — ');
}
