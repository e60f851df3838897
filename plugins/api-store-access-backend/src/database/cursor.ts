import { InputError } from '@backstage/errors';

const PREFIX = 'v1:';

/** Makes the opaque list cursor that continues after the row with this sequence number. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`, 'utf8').toString('base64url');
}

/** Reads a list cursor back; throws InputError when it was not made by {@link encodeCursor}. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isSafeInteger(seq) || seq < 1) {
    throw new InputError(
      'The cursor is not valid; use a nextCursor from a list',
    );
  }
  return seq;
}
