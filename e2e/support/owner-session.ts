import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { newContext } from './browser.js';
import { setUpWorkspace, signInThroughApi } from './factories.js';
import { startServer } from './server.js';
import type { TestServer } from './server.js';

export interface OwnerSession {
  server: TestServer;
  /** The owner's signed-in browser context. */
  context: BrowserContext;
  page: Page;
  csrfToken: string;
}

/**
 * Gives every test of the enclosing `describeBrowser` its own server and workspace, with the owner signed in
 * through the API and a fresh page; closes them after the test. Call the returned function inside a test.
 * @example const session = ownerSessionPerTest(browser); it('...', async () => { const { page } = session(); });
 */
export function ownerSessionPerTest(browser: () => Browser): () => OwnerSession {
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;
  let session: OwnerSession | undefined;

  beforeEach(async () => {
    server = await startServer();
    const owner = await setUpWorkspace(server.baseUrl);
    context = await newContext(browser(), server.baseUrl);
    const csrfToken = await signInThroughApi(context, owner);
    session = { server, context, csrfToken, page: await context.newPage() };
  });

  afterEach(async () => {
    await context?.close();
    await server?.close();
    server = context = session = undefined;
  });

  return () => {
    if (!session) throw new Error('The owner session exists only inside a test.');
    return session;
  };
}
