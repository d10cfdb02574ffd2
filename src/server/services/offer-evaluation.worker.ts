import { parentPort } from 'node:worker_threads';
import { evaluateOffer } from '../../domain/compensation/index.js';
import { DomainError } from '../../domain/shared/errors.js';

/** Runs one offer evaluation off the server's event loop; errors go back as plain data to be re-thrown. */
parentPort?.on('message', (message: { id: number; body: unknown }) => {
  try {
    parentPort!.postMessage({ id: message.id, ok: true, result: evaluateOffer(message.body) });
  } catch (error) {
    const failure =
      error instanceof DomainError
        ? { kind: error.name, code: error.code, message: error.message, field: error.field }
        : { kind: 'Error', message: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage({ id: message.id, ok: false, error: failure });
  }
});
