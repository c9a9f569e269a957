// Page object and helpers for team sync: a team database on the PouchDB
// Server that scripts/test starts (KBR_COUCH), reached by the app through
// the static server's /couch/ proxy, as in the README's deployment.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

export const COUCH = process.env.KBR_COUCH || '';
const ADMIN = 'admin:kbr-admin';
const TEAM_DB = fileURLToPath(new URL('../../../scripts/team-db', import.meta.url));

/** A fresh team database (scripts/team-db) whose members are `names`, each
 * made unique to this test (tests run side by side on one server); the
 * password of `anna` is `anna-pw`. Returns the database and the names. */
export function makeTeam(names, { validation = false } = {}) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const db = `team-${tag}`;
  const args = ['--server', COUCH, '--admin', ADMIN, '--db', db];
  const user = Object.fromEntries(names.map((n) => [n, `${n}-${tag}`]));
  for (const n of names) args.push('--user', `${user[n]}:${n}-pw`);
  if (!validation) args.push('--no-validation');
  execFileSync('python3', [TEAM_DB, ...args], { stdio: 'pipe' });
  return { db, user };
}

/** The admin's request to the server, straight past the app. */
export async function couch(method, path, body) {
  const res = await fetch(`${COUCH}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(ADMIN).toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** The live documents of team database `db`, read by the admin. */
export async function docsOf(db) {
  const answer = await couch('GET', `/${db}/_all_docs?include_docs=true`);
  return (answer.body?.rows || []).map((r) => r.doc).filter((d) => d && !d._deleted);
}

/** Waits until the server holds client `name` (its client document). */
export async function onServer(db, name) {
  await expect.poll(async () => (await docsOf(db)).some((d) => d.kind === 'client' && d.record?.name === name),
    { timeout: 15_000 }).toBe(true);
}

/** Takes the server away (every request cut off) or brings it back. */
export async function serverDown(page, down) {
  await page.request.post(`/__couch/${down ? 'down' : 'up'}`);
}

/** Browser network lines ("Failed to load resource: … 404") are the
 * protocol's normal answers (a checkpoint not there yet) or provoked
 * failures, not app errors: left out of a page's console errors. */
export function quietNetwork(errors) {
  const kept = errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e));
  errors.splice(0, errors.length, ...kept);
}

export class TeamPage {
  constructor(page) {
    this.page = page;
    this.panel = page.getByTestId('team');
    this.status = page.getByTestId('sync-status');
  }

  /** Connects this browser to team database `db` as `name`. */
  async connect(db, name, password, { expectError = false } = {}) {
    await this.page.goto('./#/data');
    const form = this.page.getByTestId('team-connect');
    await form.getByTestId('team-url').fill(`/couch/${db}`);
    await form.getByTestId('team-name').fill(name);
    await form.getByTestId('team-password').fill(password);
    await form.getByTestId('team-submit').click();
    if (expectError) return;
    const connected = this.page.getByTestId('team-connected');
    const error = this.page.getByTestId('team-error');
    await expect(connected.or(error)).toBeVisible({ timeout: 20_000 });
    if (await error.isVisible()) throw new Error(`connect refused: ${await error.textContent()}`);
    await expect(connected).toContainText(name);
  }

  /** Waits until the status line says everything is exchanged. */
  async synced(timeout = 15_000) {
    await expect(this.status).toHaveAttribute('data-state', 'synced', { timeout });
  }

  async state() {
    return this.status.getAttribute('data-state');
  }
}
