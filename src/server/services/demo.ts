import { randomUUID } from 'node:crypto';
import { DEMO_COMPANY, DEMO_OWNER, DEMO_TEAM } from '../../domain/demo/workspace.js';
import { seededRandom } from '../../domain/shared/random.js';
import { getCompany, inTransaction, insertUser, recordAudit, type Company, type Store, type Tx, type UserRecord } from '../../storage/index.js';
import { setUpWorkspace, type NewSession } from './accounts.js';
import { contributeInterviewsDemo } from './interviews-demo.js';
import { contributeOfferDraftDemo } from './offer-draft.js';
import { contributePipelineDemo } from './pipeline-demo.js';
import { contributeScopingDemo } from './scoping.js';
import { hashPassword } from './passwords.js';
import { randomSecret } from './secrets.js';

export interface DemoContext {
  company: Company;
  users: Record<string, UserRecord>;
  now: Date;
  rng: () => number;
}

/** One capability's demo data, written in the workspace's transaction, so every screen has data to show. */
export type DemoContributor = (tx: Tx, ctx: DemoContext) => Promise<void>;

/**
 * The demo data, in the order it is written: a new capability adds its contributor here. The order matters: the
 * contributors share one seeded generator (the demo is the same every time), the interviews and offers give the
 * pipeline's events their records, and the offer-draft figures read the company the scoping inputs updated.
 */
const DEMO_CONTRIBUTORS: readonly DemoContributor[] = [contributePipelineDemo, contributeInterviewsDemo, contributeScopingDemo, contributeOfferDraftDemo];

const DEMO_SEED = 20_251_125;

export async function createDemoWorkspace(store: Store, now: Date, ttlHours: number): Promise<{ user: UserRecord; session: NewSession; credentials: { email: string; password: string } }> {
  // The demo is public knowledge; its passwords are not: each workspace gets its own, shown once.
  const password = randomSecret(12);
  const { user, company, session } = await setUpWorkspace(store, { company: DEMO_COMPANY, owner: { ...DEMO_OWNER, password }, isDemo: true }, now, ttlHours);
  const teamHash = await hashPassword(randomSecret(12));
  await inTransaction(store.db, async (tx) => {
    const users: Record<string, UserRecord> = { owner: user };
    for (const person of DEMO_TEAM) {
      const u = await insertUser(tx, { id: randomUUID(), companyId: company.id, email: person.email, name: person.name, role: person.role, passwordHash: teamHash, disabled: false }, now);
      await recordAudit(tx, { actorId: user.id, action: 'user.create', entity: 'user', entityId: u.id, fields: ['email', 'name', 'role', 'password'], at: now });
      users[person.key] = u;
    }
    const demo: DemoContext = { company: (await getCompany(tx))!, users, now, rng: seededRandom(DEMO_SEED) };
    for (const contribute of DEMO_CONTRIBUTORS) await contribute(tx, demo);
  });
  return { user, session, credentials: { email: DEMO_OWNER.email, password } };
}
