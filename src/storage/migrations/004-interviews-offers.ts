import type { Kysely } from 'kysely';
import { bigInt, type Migration } from './helpers.js';

/** Interviews, scorecards, offers, approvals, notifications outbox (owned by the interviews and offers work). */
export const interviewsOffers: Migration = {
  name: '004-interviews-offers',
  async up(db: Kysely<any>, ctx) {
    await db.schema
      .createTable('interviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', 'text', (c) => c.notNull())
      .addColumn('final', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pedigree_blind', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
      .addColumn('completed_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('interviews_application').on('interviews').columns(['application_id', 'scheduled_at']).execute();

    // Who is on an interview: the "sees only interviews assigned to them" query is an index lookup.
    await db.schema
      .createTable('interview_interviewers')
      .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('interview_interviewers_pk', ['interview_id', 'user_id'])
      .execute();
    await db.schema.createIndex('interview_interviewers_user').on('interview_interviewers').columns(['user_id', 'interview_id']).execute();

    await db.schema
      .createTable('scorecards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
      .addColumn('interviewer_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
      .addColumn('ratings', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('recommendation', 'text')
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('submitted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      // One card per interviewer and interview, even when two tabs autosave at once.
      .addUniqueConstraint('scorecards_one_per_interviewer', ['interview_id', 'interviewer_id'])
      .execute();
    await db.schema.createIndex('scorecards_interviewer').on('scorecards').columns(['interviewer_id', 'status']).execute();

    await db.schema
      .createTable('offers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('current_version', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('extended_at', 'text')
      .addColumn('responded_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('offers_application').on('offers').column('application_id').execute();
    await db.schema.createIndex('offers_status').on('offers').columns(['status', 'updated_at']).execute();

    // Every version of an offer is kept; the terms are never changed in place, only the approval state moves.
    await db.schema
      .createTable('offer_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('base', bigInt(ctx), (c) => c.notNull())
      .addColumn('bonus_target', bigInt(ctx), (c) => c.notNull().defaultTo(0))
      .addColumn('sign_on', bigInt(ctx), (c) => c.notNull().defaultTo(0))
      .addColumn('equity_kind', 'text', (c) => c.notNull())
      .addColumn('equity_shares', bigInt(ctx), (c) => c.notNull())
      .addColumn('fully_diluted_shares', bigInt(ctx), (c) => c.notNull())
      .addColumn('strike', 'double precision')
      .addColumn('last_post_money', bigInt(ctx), (c) => c.notNull())
      .addColumn('terms', 'text', (c) => c.notNull())
      .addColumn('evaluation', 'text')
      .addColumn('inside_band', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('band_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('approval_status', 'text', (c) => c.notNull().defaultTo('none'))
      .addColumn('approval_mode', 'text')
      .addColumn('approver_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('submitted_by', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('offer_versions_number', ['offer_id', 'version'])
      .execute();

    // Exactly one decision per approver and version: the database refuses a second one, whatever the race.
    await db.schema
      .createTable('offer_approvals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('offer_version_id', 'text', (c) => c.notNull().references('offer_versions.id'))
      .addColumn('approver_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('offer_approvals_one_per_approver', ['offer_version_id', 'approver_id'])
      .execute();
    await db.schema.createIndex('offer_approvals_approver').on('offer_approvals').column('approver_id').execute();

    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('application_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .addColumn('digested_at', 'text')
      // The same breach is notified once per person, however often the scan runs and on however many instances.
      .addUniqueConstraint('notifications_once', ['user_id', 'dedupe_key'])
      .execute();
    await db.schema.createIndex('notifications_user_time').on('notifications').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('notification_preferences')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('email', 'integer', (c) => c.notNull())
      .addColumn('chat', 'integer', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('last_digest_on', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('notification_id', 'text')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  },
};
