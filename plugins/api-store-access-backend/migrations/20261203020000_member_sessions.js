// @ts-check

/**
 * Member sessions (hashed tokens) and the lockout counters of members.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('api_store_access_sessions', table => {
    table.comment(
      'Member sessions; only the SHA-256 hash of the cookie token is stored',
    );
    table.string('token_hash', 64).primary();
    table.string('member_id', 36).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('expires_at').notNullable();
    table.bigInteger('revoked_at').nullable();
    table.index(['member_id'], 'api_store_access_sessions_member_idx');
  });
  await knex.schema.alterTable('api_store_access_members', table => {
    table.integer('failed_attempts').notNullable().defaultTo(0);
    table.bigInteger('first_failed_at').nullable();
    table.bigInteger('locked_until').nullable();
    table.index(['updated_at'], 'api_store_access_members_updated_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('api_store_access_members', table => {
    table.dropIndex(['updated_at'], 'api_store_access_members_updated_idx');
    table.dropColumn('locked_until');
    table.dropColumn('first_failed_at');
    table.dropColumn('failed_attempts');
  });
  await knex.schema.dropTable('api_store_access_sessions');
};
