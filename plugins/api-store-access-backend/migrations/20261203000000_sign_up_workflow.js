// @ts-check

/**
 * Settings, sign-up requests and their history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('api_store_access_settings', table => {
    table.comment('The self sign-up settings: a single row with id 1');
    table.integer('id').primary().notNullable();
    table.boolean('self_sign_up_enabled').notNullable().defaultTo(false);
    table.string('signature_line', 200).notNullable().defaultTo('');
    table.string('contact_email', 254).notNullable().defaultTo('');
    table.boolean('notify_all_admins').notNullable().defaultTo(false);
    table.string('approval_process', 16).notNullable().defaultTo('admin');
    table.text('auto_approve_domains').notNullable().defaultTo('[]');
    table.text('blocked_domains').notNullable().defaultTo('[]');
    table.boolean('send_rejection_email').notNullable().defaultTo(false);
    table.integer('version').notNullable().defaultTo(1);
    table.string('updated_by', 255).nullable();
    table.bigInteger('updated_at').nullable();
  });
  await knex('api_store_access_settings').insert({ id: 1 });

  await knex.schema.createTable('sign_up_requests', table => {
    table.comment('Sign-up requests, newest first by seq');
    table.bigIncrements('seq').primary();
    table.string('id', 36).notNullable().unique();
    table.string('email', 254).notNullable();
    table
      .string('active_email', 254)
      .nullable()
      .unique()
      .comment(
        'The email while the request is active, null once rejected or expired',
      );
    table.string('display_name', 200).nullable();
    table.string('status', 32).notNullable();
    table.string('source', 32).notNullable();
    table.string('assignee', 255).nullable();
    table.string('decision', 16).nullable();
    table.text('reason').nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.index(['status', 'seq'], 'sign_up_requests_status_seq_idx');
    table.index(['assignee', 'seq'], 'sign_up_requests_assignee_seq_idx');
    table.index(['email'], 'sign_up_requests_email_idx');
  });

  await knex.schema.createTable('sign_up_request_events', table => {
    table.comment('The history of every sign-up request');
    table.bigIncrements('seq').primary();
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('sign_up_requests')
      .onDelete('CASCADE');
    table.bigInteger('at').notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.text('detail').nullable();
    table.index(['request_id', 'seq'], 'sign_up_request_events_request_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sign_up_request_events');
  await knex.schema.dropTable('sign_up_requests');
  await knex.schema.dropTable('api_store_access_settings');
};
