import type { Kysely } from 'kysely';
import type { Migration } from './helpers.js';

/**
 * Outreach sequences (issue 13, docs/sequences.md).
 *
 * - `outreach_templates`: a named subject and body with merge fields (versioned).
 * - `sequences`: a named sequence with its audience (passive or active), sender (a user), status (draft, active,
 *   paused); `sequence_steps` its ordered steps (an e-mail from a template, a wait of N business days, a manual task).
 * - `sequence_enrollments`: one per prospect and sequence (unique), with the next step, when it is due, and why it
 *   stopped.
 * - `sequence_messages`: one row per e-mail step of an enrollment (unique: a step is claimed once, before the send,
 *   so it is never sent twice), with its `Message-ID`, the prospect event it recorded, and its outcome.
 * - `outreach_suppressions`: opted-out and bounced addresses, kept as a SHA-256 of the lower-cased address so an
 *   erasure of the person leaves the opt-out standing and no later import or sequence can override it.
 * - `outreach_keys`: the company's signing key of opt-out links and the shared secret of the inbound e-mail webhook.
 */
export const sequences: Migration = {
  name: '021-sequences',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('outreach_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('sequences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
      .addColumn('sender_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('role_id', 'text', (c) => c.references('roles.id'))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('sequence_steps')
      .addColumn('sequence_id', 'text', (c) => c.notNull().references('sequences.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('template_id', 'text', (c) => c.references('outreach_templates.id'))
      .addColumn('business_days', 'integer')
      .addColumn('task', 'text')
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('sequence_steps_pk', ['sequence_id', 'position'])
      .execute();

    await db.schema
      .createTable('sequence_enrollments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sequence_id', 'text', (c) => c.notNull().references('sequences.id'))
      .addColumn('prospect_id', 'text', (c) => c.notNull().references('prospects.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('step_index', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('stop_reason', 'text')
      .addColumn('enrolled_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('sequence_enrollments_once').on('sequence_enrollments').columns(['sequence_id', 'prospect_id']).unique().execute();
    await db.schema.createIndex('sequence_enrollments_due').on('sequence_enrollments').columns(['status', 'due_at']).execute();
    await db.schema.createIndex('sequence_enrollments_prospect').on('sequence_enrollments').column('prospect_id').execute();

    await db.schema
      .createTable('sequence_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enrollment_id', 'text', (c) => c.notNull().references('sequence_enrollments.id'))
      .addColumn('step_index', 'integer', (c) => c.notNull())
      .addColumn('sender_id', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('prospect_event_id', 'text')
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('sequence_messages_step').on('sequence_messages').columns(['enrollment_id', 'step_index']).unique().execute();
    await db.schema.createIndex('sequence_messages_message_id').on('sequence_messages').column('message_id').unique().execute();
    await db.schema.createIndex('sequence_messages_sender_day').on('sequence_messages').columns(['sender_id', 'claimed_at']).execute();

    await db.schema
      .createTable('outreach_suppressions')
      .addColumn('address_hash', 'text', (c) => c.primaryKey())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('outreach_keys')
      .addColumn('company_id', 'text', (c) => c.primaryKey().references('companies.id'))
      .addColumn('signing_key', 'text', (c) => c.notNull())
      .addColumn('inbound_secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
