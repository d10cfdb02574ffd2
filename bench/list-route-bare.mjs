// The bare baseline for bench/list-route.ts: Fastify + better-sqlite3 and nothing else, doing what the
// authenticated `GET /api/v1/applications?roleId=` does at its core: the same API token lookup (SHA-256 of the
// secret, the token joined to its user, revoked tokens and disabled users refused), the same applications query
// and the same JSON body, with statements prepared once. No schemas, hooks, policy table or security headers.
// Usage: node bench/list-route-bare.mjs /path/to/closer.db  -> prints the URL it listens on.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(process.argv[2], { readonly: true });
db.pragma('busy_timeout = 5000');
const tokenUser = db.prepare(
  `SELECT u.id, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0`,
);
const byRole = db.prepare(`SELECT * FROM applications WHERE role_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?`);

const app = Fastify({ logger: false });
app.get('/api/v1/applications', async (request, reply) => {
  const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const user = m ? tokenUser.get(createHash('sha256').update(m[1]).digest('hex')) : undefined;
  if (!user) return reply.status(401).send({ code: 'UNAUTHENTICATED', message: 'The API token is invalid or revoked.' });
  const rows = byRole.all(request.query.roleId, 200, 0);
  return {
    items: rows.map((r) => ({
      id: r.id,
      candidateId: r.candidate_id,
      roleId: r.role_id,
      stage: r.stage,
      status: r.status,
      lossReason: r.loss_reason,
      labels: JSON.parse(r.labels),
      closedAt: r.closed_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    })),
  };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(address);
