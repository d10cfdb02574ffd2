import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { App } from '../context.js';
import type { Store } from '../../storage/index.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';

/**
 * The web build is served by one wildcard route that looks files up per request (app.ts): files come back as they
 * are, the app's own paths get the app shell, the API keeps its JSON 404, and nothing outside the folder is served.
 */
for (const dialect of dialectsUnderTest()) {
  describe(`serving the web build [${dialect.name}]`, () => {
    let store: Store;
    let app: App;
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'closer-web-'));
      const webRoot = join(dir, 'web');
      mkdirSync(join(webRoot, 'assets'), { recursive: true });
      writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Closer shell</title>');
      writeFileSync(join(webRoot, 'assets', 'app-1a2b.js'), 'console.log("app");');
      writeFileSync(join(dir, 'secret.txt'), 'not for the web');
      store = await dialect.createStore();
      app = await buildApp({ db: store, config: { secureCookies: false, webRoot } });
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('answers a file of the build with its bytes and type, to GET and HEAD', async () => {
      const get = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
      expect(get.statusCode).toBe(200);
      expect(get.headers['content-type']).toMatch(/javascript/);
      expect(get.body).toBe('console.log("app");');
      const head = await app.inject({ method: 'HEAD', url: '/assets/app-1a2b.js' });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
    });

    it('answers the app shell at / and at the app\'s own paths, and a JSON 404 under /api/ and to other methods', async () => {
      for (const url of ['/', '/roles/123', '/assets/missing.js']) {
        const res = await app.inject({ method: 'GET', url });
        expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 200, 'text/html; charset=utf-8']);
        expect(res.body).toContain('Closer shell');
      }
      const api = await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
      expect([api.statusCode, api.json().code]).toEqual([404, 'ROUTE_NOT_FOUND']);
      const post = await app.inject({ method: 'POST', url: '/roles', payload: {} });
      expect([post.statusCode, post.json().code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    });

    it('serves nothing from outside the build folder', async () => {
      for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.body, url).not.toContain('not for the web');
      }
    });
  });
}
