// A Hearth of its own on an empty database, as a council first starts it:
// `hearth setup` prints the first administrator's set-up code, then `hearth
// serve` answers on a free port of 127.0.0.1. For the journeys that begin with
// nothing; every other spec shares the demo server scripts/test.sh starts.
import { createHmac } from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Hearth } from './support';

export const STAFF_PASSWORD = 'copper kettle drizzle lantern';

export class FreshCouncil {
  /** The base32 second-factor key of each account that set one up. */
  readonly keys = new Map<string, string>();

  private constructor(
    readonly origin: string,
    /** The first administrator's one-time set-up code, as `hearth setup` printed it. */
    readonly adminCode: string,
    readonly adminEmail: string,
    readonly bin: string,
    readonly env: NodeJS.ProcessEnv,
    private readonly server: ChildProcess,
    private readonly dir: string,
  ) {}

  static async start(council: string, admin: { name: string; email: string }): Promise<FreshCouncil> {
    const bin = process.env.HEARTH_E2E_BIN;
    if (!bin) throw new Error('HEARTH_E2E_BIN is not set: scripts/test.sh sets it to the built hearth binary');
    const dir = mkdtempSync(join(tmpdir(), 'hearth-fresh-'));
    const port = await freePort();
    const env = { ...process.env, HEARTH_DATA_DIR: dir, HEARTH_ADDR: `127.0.0.1:${port}`, RUST_LOG: 'warn' };
    delete env.DATABASE_URL;
    const printed = execFileSync(bin, ['setup', '--council', council, '--name', admin.name, '--email', admin.email], {
      env,
      encoding: 'utf8',
    });
    const code = printed.match(/\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/)?.[0];
    expect(code, `hearth setup printed a set-up code:\n${printed}`).toBeTruthy();
    expect(printed).toContain('/set-up');
    const server = spawn(bin, ['serve'], { env, stdio: 'ignore' });
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${origin}/login`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 120) throw new Error(`hearth serve did not answer on ${origin} within 60 s`);
      await new Promise((r) => setTimeout(r, 500));
    }
    return new FreshCouncil(origin, code!, admin.email, bin, env, server, dir);
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  stop(): void {
    this.server.kill('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Sets a password with a set-up code on /set-up, and a second factor when the
   * council asks for one (managers and administrators). */
  async setUp(hearth: Hearth, login: string, code: string): Promise<void> {
    const { page } = hearth;
    await hearth.open(this.url('/set-up'), 200);
    await expect(hearth.h1('Set up your staff account')).toBeVisible();
    await page.getByLabel('Set-up code', { exact: true }).fill(code);
    await page.getByLabel('Choose a password', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByLabel('Type the password again', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Set my password', exact: true }).click();
    await expect(hearth.signOutButton).toBeVisible();
    const heading = page.locator('main h1');
    await expect(heading).toBeVisible();
    if ((await heading.innerText()).trim() !== 'Set up a second factor') return;
    await hearth.checkA11y();
    const key = (await page.locator('.secret-key code').innerText()).replace(/\s/g, '');
    this.keys.set(login, key);
    await page.getByLabel('Code from the app', { exact: true }).fill(totp(key, Date.now() / 1000));
    await page.getByRole('button', { name: 'Turn on the second factor', exact: true }).click();
    await expect(hearth.h1('Keep your recovery codes')).toBeVisible();
    await page.getByRole('link', { name: 'I have kept my codes', exact: true }).click();
    await expect(page.locator('main h1')).not.toHaveText('Keep your recovery codes');
    await hearth.settle();
  }

  /** Signs in someone with no second factor (social workers, practitioners, parents). */
  async login(hearth: Hearth, login: string, password = STAFF_PASSWORD): Promise<void> {
    const { page } = hearth;
    await hearth.open(this.url('/login'), 200);
    await page.getByLabel('Email or username', { exact: true }).fill(login);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(hearth.signOutButton, `signing in as ${login}`).toBeVisible();
    await expect(page.locator('main h1')).toBeVisible();
    await hearth.checkA11y();
  }

  /** As an administrator: adds a member of staff and returns their set-up code. */
  async addStaff(
    hearth: Hearth,
    who: { name: string; email: string; role: string; team: string; workerRef?: string },
  ): Promise<string> {
    const { page } = hearth;
    await hearth.open(this.url('/accounts/new'), 200);
    await page.getByLabel('Full name', { exact: true }).fill(who.name);
    await page.getByLabel('Work email', { exact: true }).fill(who.email);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: who.role });
    await page.getByLabel('Team', { exact: true }).selectOption({ label: who.team });
    if (who.workerRef) {
      await page.getByLabel('Case system worker ID (optional)', { exact: true }).fill(who.workerRef);
    }
    await page.getByRole('button', { name: 'Add and make a set-up code', exact: true }).click();
    await expect(hearth.h1(who.name)).toBeVisible();
    return (await page.getByTestId('set-up-code').innerText()).trim();
  }

  async addTeam(hearth: Hearth, team: string): Promise<void> {
    const { page } = hearth;
    await hearth.open(this.url('/teams'), 200);
    await expect(page.getByText(/no teams yet/i).first()).toBeVisible();
    await page.getByLabel('Team name', { exact: true }).fill(team);
    await page.getByRole('button', { name: 'Add team', exact: true }).click();
    await expect(hearth.h1(team)).toBeVisible();
  }
}

/** The code an authenticator app shows for a base32 key at a time (RFC 6238). */
export function totp(key: string, unixSeconds: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of key.toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const secret = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
