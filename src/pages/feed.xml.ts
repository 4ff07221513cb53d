/** The Atom feed of the whole collection: the newest papers, with their dates and authors. */
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { atomFeed, feedResponse } from '../site/feed.ts';
import { getPapers } from '../site/papers.ts';
import { href } from '../site/urls.ts';

export const GET: APIRoute = async ({ site }) =>
  feedResponse(
    atomFeed(
      { title: SITE_TITLE, subtitle: SITE_DESCRIPTION, pageHref: href(), feedHref: href('feed.xml') },
      await getPapers(),
      site,
    ),
  );
