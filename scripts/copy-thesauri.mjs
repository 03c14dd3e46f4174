// `npm run build` compiles src/ to dist/; the thesauri are data that src/languages/thesaurus.ts reads beside
// itself, so they go beside the compiled loader too (dist/languages/thesauri), for the image and plain Node alike.
import { cpSync } from 'node:fs';

cpSync('src/languages/thesauri', 'dist/languages/thesauri', { recursive: true });
