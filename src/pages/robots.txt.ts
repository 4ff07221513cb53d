/** `robots.txt`: everything may be crawled; points at the sitemap. */
import type { APIRoute } from 'astro';
import { absolute, href } from '../site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(href('sitemap.xml'), site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
