/**
 * Sets the site's origin (`site`) from the environment when Astro knows which command runs:
 * a production build never silently publishes localhost (`config/deploy.ts`, `buildSite`).
 */
import type { AstroIntegration } from 'astro';
import { buildSite } from '../config/deploy.ts';

export default function siteUrl(): AstroIntegration {
  return {
    name: 'neuron-papers:site-url',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        updateConfig({ site: buildSite(process.env, command, (message) => logger.warn(message)) });
      },
    },
  };
}
