// @ts-check

/**
 * The outbox of emails, registration links, community members and email templates.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('api_store_access_outbox', table => {
    table.comment(
      'Emails written with the change that causes them, then delivered',
    );
    table.bigIncrements('seq').primary();
    table.string('id', 36).notNullable().unique();
    table.string('kind', 32).notNullable();
    table
      .text('recipient')
      .notNullable()
      .comment(
        'An email address, or entity refs (comma separated) resolved at delivery',
      );
    table.string('subject', 500).notNullable().defaultTo('');
    table.text('payload').notNullable().defaultTo('{}');
    table.string('request_id', 36).nullable();
    table.string('status', 16).notNullable().defaultTo('pending');
    table.integer('attempts').notNullable().defaultTo(0);
    table.bigInteger('next_attempt_at').notNullable();
    table.bigInteger('locked_until').nullable();
    table.text('last_error').nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('sent_at').nullable();
    table.index(
      ['status', 'next_attempt_at'],
      'api_store_access_outbox_due_idx',
    );
    table.index(['request_id'], 'api_store_access_outbox_request_idx');
  });

  await knex.schema.createTable(
    'api_store_access_registration_links',
    table => {
      table.comment(
        'One-time registration links, stored only as SHA-256 hashes',
      );
      table.string('token_hash', 64).primary();
      table
        .string('request_id', 36)
        .notNullable()
        .references('id')
        .inTable('sign_up_requests')
        .onDelete('CASCADE');
      table.bigInteger('created_at').notNullable();
      table.bigInteger('expires_at').notNullable();
      table.bigInteger('used_at').nullable();
      table.bigInteger('voided_at').nullable();
      table.index(
        ['request_id'],
        'api_store_access_registration_links_request_idx',
      );
      table.index(
        ['expires_at'],
        'api_store_access_registration_links_expiry_idx',
      );
    },
  );

  await knex.schema.createTable('api_store_access_members', table => {
    table.comment('Registered community members');
    table.bigIncrements('seq').primary();
    table.string('id', 36).notNullable().unique();
    table.string('email', 254).notNullable().unique();
    table.string('display_name', 200).nullable();
    table.text('password_hash').notNullable();
    table.string('status', 16).notNullable().defaultTo('active');
    table.string('request_id', 36).nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('api_store_access_email_templates', table => {
    table.comment(
      'Email templates an admin changed; the defaults live in code',
    );
    table.string('kind', 32).primary();
    table.string('subject', 500).notNullable();
    table.text('html').notNullable();
    table.text('text').notNullable();
    table.string('logo_url', 2048).notNullable().defaultTo('');
    table.string('updated_by', 255).nullable();
    table.bigInteger('updated_at').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('api_store_access_email_templates');
  await knex.schema.dropTable('api_store_access_members');
  await knex.schema.dropTable('api_store_access_registration_links');
  await knex.schema.dropTable('api_store_access_outbox');
};
