// The console's shell: sign-in, the sections a key's roles allow, and a hash router (#/jobs/j-1) so the browser's
// back button and bookmarks work without the server knowing any console paths.
import { api, session, ApiError, describe } from './api.js';
import { h, clear, toast } from './dom.js';
import * as finance from './finance.js';
import * as compliance from './compliance.js';
import * as logistics from './logistics.js';
import * as analytics from './analytics.js';
import * as screening from './screening.js';

const SECTIONS = [
  { path: 'finance', text: 'Finance', roles: ['finance'], page: finance.home },
  { path: 'packs', text: 'Compliance', roles: ['rule-author'], page: compliance.home },
  { path: 'logistics', text: 'Logistics', roles: ['auditor'], page: logistics.home },
  // Searching and listing clearances need auditor; clearing and removing show only with rule-author as well.
  { path: 'screening', text: 'Screening', roles: ['auditor'], page: screening.home },
  { path: 'analytics', text: 'Analytics', roles: ['finance', 'auditor'], page: analytics.home },
];
const ROUTES = [
  [/^jobs\/([^/]+)$/, (m) => finance.job(m[1])],
  [/^packs\/([^/]+)$/, (m) => compliance.pack(m[1])],
  [/^audits\/([^/]+)$/, (m) => logistics.audit(m[1])],
];

let me = null;
let stopPage = null;

const may = (roles) => me && (me.roles.includes('admin') || roles.some((r) => me.roles.includes(r)));
export const can = (role) => may([role]);

async function whoAmI() {
  try {
    me = await api('/v1/me');
  } catch (e) {
    me = null;
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
  }
}

function signInPage(main, message) {
  const key = h('input', { type: 'password', id: 'api-key', autocomplete: 'off', required: true, size: 40 });
  const form = h('form', { class: 'card', id: 'sign-in' },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'Paste your ShipAudit API key. It is kept for this browser tab only (session storage) and sent as a bearer header.'),
    message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    h('div', { class: 'row' }, h('label', { for: 'api-key' }, 'API key', key), h('button', { type: 'submit' }, 'Sign in')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    session.signIn(key.value.trim());
    await whoAmI();
    if (!me) {
      session.signOut();
      signInPage(main, 'That key was not accepted.');
      return;
    }
    shell();
    route();
  });
  clear(main, form);
  key.focus();
}

function shell() {
  const nav = document.getElementById('nav');
  clear(nav, SECTIONS.filter((s) => may(s.roles)).map((s) => h('a', { href: '#/' + s.path, 'data-section': s.path }, s.text)));
  const who = document.getElementById('who');
  const banner = document.getElementById('banner');
  if (!me) {
    clear(who);
    banner.hidden = true;
    return;
  }
  if (!me.authEnabled) {
    banner.hidden = false;
    banner.textContent = 'Authentication is off on this service: anyone who can reach it may do everything, recorded as "anonymous".';
    clear(who, h('span', {}, 'anonymous (auth off)'));
  } else {
    banner.hidden = true;
    clear(who, h('span', { id: 'who-name' }, me.name + ' · ' + me.roles.join(', ')),
      h('button', { class: 'secondary', id: 'sign-out', onclick: () => { session.signOut(); me = null; shell(); route(); } }, 'Sign out'));
  }
}

async function route() {
  const main = document.getElementById('main');
  if (stopPage) { stopPage(); stopPage = null; }
  if (!me) { signInPage(main); return; }
  const path = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  const first = SECTIONS.find((s) => may(s.roles));
  const section = SECTIONS.find((s) => s.path === path);
  let page;
  if (section && may(section.roles)) page = () => section.page();
  for (const [re, fn] of ROUTES) {
    const m = path.match(re);
    if (m) page = () => fn(m);
  }
  if (!page) {
    if (first && path !== first.path) { location.replace('#/' + first.path); return; }
    clear(main, h('div', { class: 'card' }, h('h1', {}, 'Nothing to show'),
      h('p', {}, 'This key has no role the console serves (finance, rule-author, auditor or admin).')));
    return;
  }
  for (const a of document.querySelectorAll('#nav a')) {
    const current = path === a.dataset.section || path.startsWith(a.dataset.section === 'finance' ? 'jobs/' : a.dataset.section + '/')
      || (a.dataset.section === 'logistics' && path.startsWith('audits/'));
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  clear(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const view = await page();
    clear(main, view.node);
    stopPage = view.stop || null;
    const heading = main.querySelector('h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { session.signOut(); me = null; shell(); signInPage(main, 'Your key is no longer accepted.'); return; }
    clear(main, h('div', { class: 'card' }, h('h1', {}, 'Could not load this page'), h('p', { class: 'error', role: 'alert' }, describe(e))));
  }
}

/** Unhandled failures of buttons and polls end up here: shown, never silent. */
window.addEventListener('unhandledrejection', (ev) => { toast(describe(ev.reason), true); });
window.addEventListener('hashchange', route);

(async () => {
  try {
    await whoAmI();
  } catch (e) {
    toast(describe(e), true);
  }
  shell();
  route();
})();
