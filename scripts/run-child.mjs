// Runs one child process in the foreground and passes on the signals that stop it, so stopping `npm start`
// (SIGTERM from a process manager or `kill`, SIGINT, SIGHUP) stops the server too instead of orphaning it.
import { spawn } from 'node:child_process';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Starts `command args` with inherited stdio and resolves with its exit code (128 + signal number when a signal
 * ended it). Until it exits, SIGINT, SIGTERM and SIGHUP sent to this process are sent on to the child.
 * @example process.exit(await runChild(process.execPath, ['server.js'], { cwd }))
 */
export function runChild(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of FORWARDED) process.off(s, forward);
      resolvePromise(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143));
    });
  });
}
