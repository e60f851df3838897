import { memberEntityName, memberUserEntityRef } from './memberEntity';

const VALID_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

describe('memberEntityName', () => {
  it('keeps a readable name where the email allows it', () => {
    expect(memberEntityName('jane.doe@example.com')).toBe(
      'jane.doe_at_example.com',
    );
    expect(memberUserEntityRef('jane.doe@example.com')).toBe(
      'user:default/jane.doe_at_example.com',
    );
  });

  it('makes valid, distinct names from emails that sanitise alike', () => {
    const emails = [
      'a+b@example.com',
      'a-b@example.com',
      'a=b@example.com',
      "o'brien@example.com",
      '_x_@example.com',
      `${'long'.repeat(20)}@example.com`,
      `${'long'.repeat(20)}x@example.com`,
    ];
    const names = emails.map(memberEntityName);
    for (const name of names) {
      expect(name).toMatch(VALID_NAME);
      expect(name.length).toBeLessThanOrEqual(63);
    }
    expect(new Set(names).size).toBe(emails.length);
    expect(memberEntityName('a+b@example.com')).toMatch(
      /^a-b_at_example\.com-[0-9a-f]{8}$/,
    );
  });
});
