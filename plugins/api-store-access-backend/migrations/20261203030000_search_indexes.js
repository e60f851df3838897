// @ts-check

/**
 * Trigram indexes for substring search of emails and display names on PostgreSQL, so a
 * search of a large Approval Tasks queue does not scan every row. Other databases (and a
 * PostgreSQL without the pg_trgm extension) keep the plain scan.
 */

/** @type {{ transaction: boolean }} */
exports.config = { transaction: false };

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  try {
    await knex.raw('create extension if not exists pg_trgm');
  } catch {
    // Without the extension (no permission to create it), search still works, unindexed.
    return;
  }
  await knex.raw(
    'create index if not exists sign_up_requests_email_trgm_idx on sign_up_requests using gin (email gin_trgm_ops)',
  );
  await knex.raw(
    'create index if not exists sign_up_requests_display_name_trgm_idx on sign_up_requests using gin (lower(display_name) gin_trgm_ops)',
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw('drop index if exists sign_up_requests_display_name_trgm_idx');
  await knex.raw('drop index if exists sign_up_requests_email_trgm_idx');
};
