import {
  SignUpRequestSource,
  SignUpRequestStatus,
} from 'backstage-plugin-api-store-access-common';

/** The words shown for each sign-up request status. */
export const statusLabels: Record<SignUpRequestStatus, string> = {
  pending_approval: 'Pending approval',
  in_review: 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  registered: 'Registered',
  expired: 'Expired',
};

/** The words shown for each sign-up request source. */
export const sourceLabels: Record<SignUpRequestSource, string> = {
  'self-sign-up': 'Self sign-up',
  invitation: 'Invitation',
};
