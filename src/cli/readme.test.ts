import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { dialectsUnderTest } from '../test-support/dialects.js';
import { main } from './main.js';
import { captureIo } from '../test-support/cli-io.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(new URL('README.md', `file://${ROOT}`), 'utf8');

/** The `$ npx closer ...` lines of the README, continuation lines joined and comments dropped. */
function readmeCommands(): string[] {
  const lines = README.split('\n');
  const commands: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!lines[i]!.startsWith('$ ')) continue;
    let line = lines[i]!.slice(2);
    while (/\\\s*(#.*)?$/.test(line.replace(/#[^"']*$/, '')) && i + 1 < lines.length) line = line.replace(/\\\s*(#.*)?$/, ' ') + lines[(i += 1)]!.trim();
    commands.push(line);
  }
  return commands;
}

/** Shell words: quotes group, `#` outside quotes starts a comment. */
function words(command: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const ch of command) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word = (word ?? '') + ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '#' && word === undefined) break;
    else if (/\s/.test(ch)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) out.push(word);
  return out;
}

describe('README: every command, as written, on a fresh database', () => {
  it('lists the commands it promises, with the example files it ships', () => {
    const commands = readmeCommands();
    expect(commands.map((c) => words(c).filter((w) => !w.includes('=')).slice(0, 3).join(' '))).toEqual([
      'npx closer setup',
      'npx closer user',
      'npx closer token',
      'npx closer today',
      'npx closer offer',
      'npx closer threshold',
      'npx closer market',
      'npx closer scope',
      'npx closer check',
    ]);
    for (const file of README.matchAll(/\bexamples\/[\w.-]+/g)) expect(() => readFileSync(`${ROOT}${file[0]}`)).not.toThrow();
  });

  for (const dialect of dialectsUnderTest()) {
    it(`runs each one and exits 0 [${dialect.name}]`, async () => {
      const store = await dialect.createStore();
      const app = await buildApp({ db: store, config: { secureCookies: false } });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const env: NodeJS.ProcessEnv = {
        ...(store.dialect === 'sqlite' ? { CLOSER_DB: store.location } : { DATABASE_URL: store.url }),
        CLOSER_URL: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
      };
      let token = '';
      try {
        for (const command of readmeCommands()) {
          const argv = words(command);
          const commandEnv = { ...env };
          while (argv[0]?.includes('=')) {
            const [name, value] = argv.shift()!.split('=') as [string, string];
            commandEnv[name] = value === 'cl_...' ? token : value;
          }
          expect(argv.slice(0, 2), command).toEqual(['npx', 'closer']);
          const io = { ...captureIo({ env: commandEnv, prompts: ['a long enough password', 'a long enough password'] }), cwd: ROOT };
          const code = await main(argv.slice(2), io);
          expect(code, `${command}\n${io.err()}`).toBe(0);
          if (argv[2] === 'token') token = io.out().split('\n')[0]!;
          if (argv[2] === 'setup') expect(io.out()).toContain('Set up Acme Vision');
          if (argv[2] === 'user') expect(io.out()).toMatch(/One-time password: \S{10,}/);
          if (argv[2] === 'today') expect(JSON.parse(io.out())).toMatchObject({ items: [], total: 0 });
          if (argv[2] === 'scope') expect(io.out()).toContain('Primary:');
        }
        expect(token).toMatch(/^cl_/);
      } finally {
        await app.close();
        await store.close();
      }
    });
  }

  it('the closer command starts from a fresh clone (bin/closer.mjs runs the TypeScript through tsx)', () => {
    const out = execFileSync(process.execPath, ['bin/closer.mjs', 'check', 'examples/plan-clean.yaml'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('0 error(s), 0 warning(s), 0 note(s)');
  });
});
