/**
 * Serves the topic colours (`map/palette.ts`) as a CSS module, `virtual:topic-colours.css`,
 * through a Vite plugin, so that they land in the site's one stylesheet like the rest of the
 * CSS: no inline style (the CSP allows none) and no second request.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_FILES } from '../lib/content-paths.ts';
import { parseTaxonomy } from '../lib/taxonomy.ts';
import { topicColoursCss } from '../map/palette.ts';

const ID = 'virtual:topic-colours.css';
// Vite treats a module as CSS by its extension; the \0 marks it as virtual to other plugins.
const RESOLVED = `\0${ID}`;

export default function topicColours(): AstroIntegration {
  return {
    name: 'neuron-papers:topic-colours',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'neuron-papers:topic-colours',
                resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
                load(id: string) {
                  if (id !== RESOLVED) return undefined;
                  const file = path.resolve(DATA_FILES.taxonomy);
                  // Watched, so that `astro dev` shows a new topic's colour.
                  this.addWatchFile(file);
                  return topicColoursCss(parseTaxonomy(readFileSync(file, 'utf8'), DATA_FILES.taxonomy));
                },
              },
            ],
          },
        });
      },
    },
  };
}
