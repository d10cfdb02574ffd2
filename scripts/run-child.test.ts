import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RUN_CHILD = fileURLToPath(new URL('./run-child.mjs', import.meta.url));

/** Whether a process id is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('scripts/run-child.mjs (how npm start runs the server)', () => {
  it('stops the child when the parent gets SIGTERM, and exits with the code the child chose', async () => {
    // The parent (as scripts/start.mjs) runs a child that prints its pid and waits; on SIGTERM the child exits 7.
    const childCode = "process.on('SIGTERM', () => process.exit(7)); console.log(process.pid); setInterval(() => {}, 1000);";
    const parentCode = `import { runChild } from ${JSON.stringify(RUN_CHILD)}; process.exit(await runChild(process.execPath, ['-e', ${JSON.stringify(childCode)}]));`;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', parentCode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const childPid = await new Promise<number>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))));
    expect(alive(childPid)).toBe(true);
    const exited = new Promise<number | null>((resolve) => parent.on('exit', (code) => resolve(code)));
    parent.kill('SIGTERM');
    expect(await exited).toBe(7);
    await expect.poll(() => alive(childPid)).toBe(false);
  });
});
