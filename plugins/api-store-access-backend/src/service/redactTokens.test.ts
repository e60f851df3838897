import { Request } from 'express';
import { redactTokens } from './redactTokens';

describe('redactTokens', () => {
  it('masks the token in the logged URL and referrer, keeping req.url intact', () => {
    const req = {
      url: '/public/registrations/abcDEF123_-xyz',
      originalUrl:
        '/api/api-store-access/public/registrations/abcDEF123_-xyz?x=1',
      headers: { referer: 'http://portal/api-store/register/abcDEF123_-xyz' },
    } as unknown as Request;
    const next = jest.fn();
    redactTokens()(req, {} as any, next);
    expect(next).toHaveBeenCalledWith();
    expect(req.originalUrl).toBe(
      '/api/api-store-access/public/registrations/<redacted>?x=1',
    );
    expect(req.headers.referer).toBe(
      'http://portal/api-store/register/<redacted>',
    );
    expect(req.url).toBe('/public/registrations/abcDEF123_-xyz');
  });

  it('leaves other requests alone', () => {
    const req = {
      url: '/settings',
      originalUrl: '/api/api-store-access/settings',
      headers: { referer: 'http://portal/api-store-access' },
    } as unknown as Request;
    redactTokens()(req, {} as any, jest.fn());
    expect(req.originalUrl).toBe('/api/api-store-access/settings');
    expect(req.headers.referer).toBe('http://portal/api-store-access');
  });
});
