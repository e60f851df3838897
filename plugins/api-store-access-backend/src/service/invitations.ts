import { InputError } from '@backstage/errors';
import {
  InvitationResult,
  isValidEmail,
  normalizeEmail,
} from 'backstage-plugin-api-store-access-common';
import { MemberStore } from '../database/MemberStore';
import { SignUpRequestStore } from '../database/SignUpRequestStore';

/**
 * Invites addresses directly, whether or not self sign-up is enabled: each becomes an
 * approved request with source `invitation` and an invitation email. Addresses with an
 * active request or a membership are reported, not mailed again.
 */
export async function inviteMembers(
  deps: { requests: SignUpRequestStore; members: MemberStore },
  emails: string[],
  actor: string,
): Promise<InvitationResult> {
  const normalized = [...new Set(emails.map(normalizeEmail))];
  const invalid = normalized.filter(email => !isValidEmail(email));
  if (invalid.length > 0) {
    throw new InputError(
      `These are not email addresses: ${invalid
        .map(e => JSON.stringify(e))
        .join(', ')}`,
    );
  }
  const result: InvitationResult = { invited: [], alreadyActive: [] };
  for (const email of normalized) {
    if (await deps.members.existsForEmail(email)) {
      result.alreadyActive.push(email);
      continue;
    }
    const { created } = await deps.requests.create({
      email,
      displayName: null,
      status: 'approved',
      source: 'invitation',
      decision: 'approve',
      events: [{ actor, action: 'invited' }],
      messages: [
        {
          kind: 'invitation',
          recipient: email,
          payload: { email, displayName: '' },
        },
      ],
    });
    (created ? result.invited : result.alreadyActive).push(email);
  }
  return result;
}
