import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Words a person reads come from the catalog (src/chat/i18n), not from text an adapter glues together. This
 * finds, in src/adapters, a template literal or a `'…' +` concatenation whose own text holds words (two words
 * with a space between), outside logs and errors for operators. ALLOWED lists what is not yet in the catalog
 * (issue #19's Languages section, see the i18n commit): shrink it, never grow it.
 */
const ALLOWED = new Set([
  // Operator-facing (refused API calls) and the console's help texts.
  'src/adapters/discord/api.ts',
  'src/adapters/discord/messenger.ts',
  'src/adapters/slack/send/messenger.ts',
  'src/adapters/console/console.ts',
  'src/adapters/console/render.ts',
]);

const OPERATOR_LINE = /\b(log|logger)\.(info|warn|error|debug)\b|new (Mnemo)?Error\(|throw |describeError/;
const WORDS = /[A-Za-z’']{2,} [A-Za-z’']{2,}/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Lines of `source` that build a sentence by templating or concatenation. */
function glued(source: string): string[] {
  const found: string[] = [];
  for (const line of source.split('\n')) {
    if (OPERATOR_LINE.test(line) || /^\s*(\*|\/\/|\/\*)/.test(line)) continue;
    for (const template of line.matchAll(/`([^`]*)`/g)) {
      const text = (template[1] ?? '').replace(/\$\{[^}]*\}/g, ' ');
      // A command with its options (`/quiz deck:${id}`) is no sentence.
      const command = text.trimStart().startsWith('/');
      if ((template[1] ?? '').includes('${') && !command && WORDS.test(text)) found.push(line.trim());
    }
    for (const quoted of line.matchAll(/(['"])((?:(?!\1).)*)\1\s*\+|\+\s*(['"])((?:(?!\3).)*)\3/g)) {
      if (WORDS.test(quoted[2] ?? quoted[4] ?? '')) found.push(line.trim());
    }
  }
  return found;
}

describe('adapters build no sentence from pieces', () => {
  it('GIVEN src/adapters THEN no file outside the allow list templates or concatenates words', () => {
    const offenders = filesUnder('src/adapters')
      .filter((path) => !ALLOWED.has(path))
      .flatMap((path) => glued(readFileSync(path, 'utf8')).map((line) => `${path}: ${line}`));
    expect(offenders).toEqual([]);
  });

  it('GIVEN a reply built by templating or concatenation THEN the scan finds it', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text the scan reads
    expect(glued('const text = `You have ${count} cards due.`;')).toHaveLength(1);
    expect(glued("const text = 'You rated ' + rating;")).toHaveLength(1);
    expect(glued("const text = say('card.rated', { rating });")).toEqual([]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text the scan reads
    expect(glued('log.warn({ err }, `slack: could not post ${id} anywhere`);')).toEqual([]);
  });
});
