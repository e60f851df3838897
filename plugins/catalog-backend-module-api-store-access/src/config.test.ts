import { ConfigReader } from '@backstage/config';
import {
  readCatalogRefresh,
  readCommunityGroupName,
  readCommunityGroupRef,
} from './config';

describe('config', () => {
  it('defaults to api-store-community, refreshed every 3 seconds', () => {
    const config = new ConfigReader({});
    expect(readCommunityGroupName(config)).toBe('api-store-community');
    expect(readCommunityGroupRef(config)).toBe(
      'group:default/api-store-community',
    );
    expect(readCatalogRefresh(config)).toEqual({ seconds: 3 });
  });

  it('reads the configured group and interval', () => {
    const config = new ConfigReader({
      apiStoreAccess: {
        communityGroup: 'partners',
        catalogRefresh: { seconds: 10 },
      },
    });
    expect(readCommunityGroupRef(config)).toBe('group:default/partners');
    expect(readCatalogRefresh(config)).toEqual({ seconds: 10 });
  });

  it('refuses a ref or an invalid name', () => {
    for (const communityGroup of ['group:default/partners', 'has space']) {
      const config = new ConfigReader({ apiStoreAccess: { communityGroup } });
      expect(() => readCommunityGroupName(config)).toThrow(
        /expected a Group entity name/,
      );
    }
  });
});
