/**
 * Permissions, shared types and input rules of the API Store Access plugins.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './types';
export * from './email';
export * from './memberEntity';
