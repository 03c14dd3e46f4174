import type { GraderVerdict } from '../verdict.ts';
import { isFiller } from './extras.ts';
import type { Token } from './tokens.ts';

/** Splits at list separators: "A, B", "A and B", "A/B", "A + B", "A; B" all give [A, B]. */
export function splitItems(tokens: readonly Token[]): Token[][] {
  const items: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'separator') items.push([]);
    else items.at(-1)?.push(token);
  }
  return items.filter((item) => item.length > 0);
}

// Kuhn's augmenting paths: can every expected item take its own typed item through allowed pairs?
function hasPerfectMatching(allowed: readonly (readonly boolean[])[]): boolean {
  const takenBy: (number | undefined)[] = [];
  const assign = (expected: number, seen: Set<number>): boolean => {
    const row = allowed[expected] ?? [];
    for (let typed = 0; typed < row.length; typed++) {
      if (!row[typed] || seen.has(typed)) continue;
      seen.add(typed);
      const holder = takenBy[typed];
      if (holder === undefined || assign(holder, seen)) {
        takenBy[typed] = expected;
        return true;
      }
    }
    return false;
  };
  return allowed.every((_, expected) => assign(expected, new Set()));
}

function matchItems(
  typed: readonly (readonly Token[])[],
  expected: readonly (readonly Token[])[],
  compare: (typed: readonly Token[], expected: readonly Token[]) => GraderVerdict,
): GraderVerdict {
  if (typed.length !== expected.length) return 'wrong';
  const verdicts = expected.map((item) => typed.map((candidate) => compare(candidate, item)));
  if (hasPerfectMatching(verdicts.map((row) => row.map((verdict) => verdict === 'correct'))))
    return 'correct';
  if (hasPerfectMatching(verdicts.map((row) => row.map((verdict) => verdict !== 'wrong')))) return 'close';
  return 'wrong';
}

/**
 * A list answer matches when each expected item has its own typed item, in any order; a missing,
 * wrong or extra item makes it wrong. When every item is one word, plain spaces separate items too.
 */
export function compareLists(
  typed: readonly Token[],
  expected: readonly (readonly Token[])[],
  compare: (typed: readonly Token[], expected: readonly Token[]) => GraderVerdict,
): GraderVerdict {
  const verdict = matchItems(splitItems(typed), expected, compare);
  if (verdict !== 'wrong' || !expected.every((item) => item.length === 1)) return verdict;
  const words = typed.filter((token) => token.kind !== 'separator' && !isFiller(token));
  return matchItems(
    words.map((token) => [token]),
    expected,
    compare,
  );
}
