import { ResponseError } from '@backstage/errors';

/** The HTTP status of a failed call, if it was one. */
export function statusOf(error: unknown): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}

/** The server's own message for a failed call, or the error's message. */
export function messageOf(error: unknown): string {
  if (ResponseError.is(error)) {
    const serverMessage = error.body?.error?.message;
    return serverMessage || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
