import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/outreach/', import.meta.url));

describe('closer outreach lint', () => {
  it('passes the cash-first example with exit 0', async () => {
    const io = captureIo();
    expect(await main(['outreach', 'lint', `${EXAMPLES}cash-first.yaml`, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ findings: [], errors: 0, warnings: 0, infos: 0 });
  });

  it('exits 2 on the equity-first text for passive candidates and names the rules', async () => {
    const io = captureIo();
    expect(await main(['outreach', 'lint', `${EXAMPLES}equity-first.txt`, '--json'], io)).toBe(2);
    const result = JSON.parse(io.out()) as { findings: { rule: string; severity: string }[]; errors: number };
    expect(result.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['outreach.equity-first:error', 'outreach.no-infra-signal:info']);
    const human = captureIo();
    expect(await main(['outreach', 'lint', `${EXAMPLES}equity-first.txt`], human)).toBe(2);
    expect(human.out()).toContain('outreach.equity-first  at body');
  });

  it('makes the same text a warning (exit 0) for an active audience, read from stdin', async () => {
    const io = captureIo({ stdin: 'Subject: Hi\n\nOur mission is big. Base salary is not decided.' });
    expect(await main(['outreach', 'lint', '-', '--audience', 'active', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ errors: 0, warnings: 1, infos: 1 });
  });

  it('exits 2 on a bad audience, an unknown field or an unreadable file', async () => {
    expect(await main(['outreach', 'lint', `${EXAMPLES}cash-first.yaml`, '--audience', 'everyone'], captureIo())).toBe(2);
    expect(await main(['outreach', 'lint', '-', '--json'], captureIo({ stdin: 'subject: a\nbody: b\ncolour: red\n' }))).toBe(2);
    expect(await main(['outreach', 'lint', `${EXAMPLES}missing.yaml`], captureIo())).toBe(2);
  });
});
