import { LinkChecker } from 'linkinator';
import { describe, expect, it } from 'vitest';
import { url } from '../support/site.ts';

describe('links', () => {
  it('a crawl of the whole site from its home page finds no broken internal link, anchor or asset', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: url(),
      recurse: true,
      checkFragments: true,
      concurrency: 16,
      // External sites are not ours to test (and this machine has no network); only the site's own origin.
      linksToSkip: [`^(?!${url().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`],
    });
    const broken = result.links
      .filter((link) => link.state === 'BROKEN')
      .map((link) => `${link.url} (status ${link.status}) linked from ${link.parent}`);
    expect(broken, broken.join('\n')).toEqual([]);
    // The crawl really walked the site: every paper page and more.
    expect(result.links.filter((link) => link.state === 'OK').length).toBeGreaterThan(119);
  });
});
