/** A row of `sign_up_requests` as the database returns it. */
export type RequestRow = {
  seq: number | string;
  id: string;
  email: string;
  active_email: string | null;
  display_name: string | null;
  status: string;
  source: string;
  assignee: string | null;
  decision: string | null;
  reason: string | null;
  created_at: number | string;
  updated_at: number | string;
};

/** The columns of a new sign-up request (unassigned, updated when it is created). */
export type NewRequestRow = Omit<
  RequestRow,
  'seq' | 'assignee' | 'created_at' | 'updated_at'
> & { created_at: number };
