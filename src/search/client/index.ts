/**
 * The search bundle (`search-ui.js`, built by `integrations/search-bundle.ts`): defines
 * `<search-box>`, which upgrades the boxes already on the page. Loaded when search opens.
 */
import { SearchBox } from './search-box.ts';

if (!customElements.get('search-box')) customElements.define('search-box', SearchBox);
