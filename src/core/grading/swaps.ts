// Prefixes that negate or reverse a word when added: "sync"/"async", "direct"/"redirect".
const ADDED_PREFIXES = [
  'a',
  'an',
  'un',
  'non',
  'de',
  'dis',
  'in',
  'im',
  'il',
  'ir',
  'anti',
  're',
  'mis',
  'no',
];

// Pairs that swap one meaning for its opposite: "inbound"/"outbound", "encrypt"/"decrypt".
const SWAPPED_PREFIXES: readonly (readonly [string, string])[] = [
  ['in', 'out'],
  ['in', 'ex'],
  ['im', 'ex'],
  ['in', 'un'],
  ['in', 'de'],
  ['en', 'de'],
  ['at', 'de'],
  ['up', 'down'],
  ['up', 'out'],
  ['pre', 'post'],
  ['pre', 'suf'],
  ['ap', 'pre'],
  ['min', 'max'],
  ['push', 'pull'],
  ['inc', 'dec'],
  ['over', 'under'],
  ['super', 'sub'],
  ['micro', 'macro'],
  ['front', 'back'],
  ['asc', 'desc'],
  ['inter', 'intra'],
  ['uni', 'multi'],
  ['up', 'down'],
];

const SWAPPED_SUFFIXES: readonly (readonly [string, string])[] = [
  ['in', 'out'],
  ['up', 'down'],
  ['on', 'off'],
  ['ful', 'less'],
];

// The shared part must be a real stem, so "in"/"on" alone is not read as a swap.
const SHORTEST_SHARED = 3;

function swapsPrefix(a: string, b: string, [x, y]: readonly [string, string]): boolean {
  for (const [p, q] of [
    [x, y],
    [y, x],
  ] as const) {
    if (a.startsWith(p) && b.startsWith(q)) {
      const rest = a.slice(p.length);
      if (rest.length >= SHORTEST_SHARED && rest === b.slice(q.length)) return true;
    }
  }
  return false;
}

function swapsSuffix(a: string, b: string, [x, y]: readonly [string, string]): boolean {
  for (const [p, q] of [
    [x, y],
    [y, x],
  ] as const) {
    if (a.endsWith(p) && b.endsWith(q)) {
      const rest = a.slice(0, -p.length);
      if (rest.length >= SHORTEST_SHARED && rest === b.slice(0, -q.length)) return true;
    }
  }
  return false;
}

/** True when one word is the other's opposite by a prefix or suffix ("import"/"export", "stateful"/"stateless"). */
export function isOppositeWord(typed: string, expected: string): boolean {
  const added = ADDED_PREFIXES.some(
    (prefix) =>
      (typed === prefix + expected && expected.length >= SHORTEST_SHARED) ||
      (expected === prefix + typed && typed.length >= SHORTEST_SHARED),
  );
  return (
    added ||
    SWAPPED_PREFIXES.some((pair) => swapsPrefix(typed, expected, pair)) ||
    SWAPPED_SUFFIXES.some((pair) => swapsSuffix(typed, expected, pair))
  );
}
