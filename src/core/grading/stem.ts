const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['indices', 'index'],
  ['matrices', 'matrix'],
  ['vertices', 'vertex'],
  ['children', 'child'],
  ['analyses', 'analysis'],
  ['schemata', 'schema'],
  ['criteria', 'criterion'],
]);

// Words whose final "s" is not a plural: "https" is not several "http", "kubernetes" not several "kubernete".
const NOT_PLURAL = new Set(
  'https ftps sftps wss dns tls aws gcs ms ns os ios js ts cors dos ddos qos nas sas cms gps sms iops sns sqs ecs eks efs nfs zfs hdfs yes bus gas has was this its plus minus bonus kubernetes postgres redis jenkins express always perhaps lens atlas chaos kudos macos ajax'.split(
    ' ',
  ),
);

// Consonants English doubles before -ing/-ed: "mapping" is "map", "committed" is "commit", "installing" stays "install".
const UNDOUBLED = /([bdgmnprt])\1$/;

// Words whose British and American spellings differ beyond the regular endings.
const AMERICAN: ReadonlyMap<string, string> = new Map([
  ['grey', 'gray'],
  ['greys', 'grays'],
  ['programme', 'program'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['analogue', 'analog'],
  ['aluminium', 'aluminum'],
  ['tyre', 'tire'],
]);

/** American spelling, so that "normalisation" and "normalization", "colour" and "color" are one word. */
export function american(word: string): string {
  const irregular = AMERICAN.get(word);
  if (irregular) return irregular;
  const our = word.length >= 5 ? word.replace(/([a-z]{2})our(s|ed|ing|ful|ite|ites)?$/, '$1or$2') : word;
  if (our.length < 7) return our.replace(/^(cen|met|lit|fib|thea)tre(s?)$/, '$1ter$2');
  // "barometre", "kilometre": every measuring "-metre" is American "-meter".
  if (/.{3}metres?$/.test(our)) return our.replace(/metre(s?)$/, 'meter$1');
  return our
    .replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing|er|ers)$/, 'yz$1')
    .replace(/(cen|met|lit|fib|thea)tre(s?)$/, '$1ter$2');
}

/** Drops a plural's final "s" ("policies" → "policy", "players" → "player"). */
export function singular(word: string): string {
  if (word.length < 3 || NOT_PLURAL.has(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word)) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

function undouble(word: string): string {
  return UNDOUBLED.test(word) ? word.slice(0, -1) : word;
}

function withoutSuffix(word: string): string {
  if (word.endsWith('ization')) return word.slice(0, -5);
  if (word.length >= 8 && /enc[ey]$/.test(word)) return `${word.slice(0, -2)}t`;
  if (word.length >= 7 && word.endsWith('ly')) return word.slice(0, -2);
  if (word.length >= 5 && word.endsWith('ied')) return `${word.slice(0, -3)}i`;
  if (word.length >= 6 && word.endsWith('ing')) return undouble(word.slice(0, -3));
  if (word.length >= 5 && word.endsWith('ed')) return undouble(word.slice(0, -2));
  // Only long agent nouns: "balancer" is "balancing", but "server" is not "serve".
  if (word.length >= 7 && word.endsWith('er')) return undouble(word.slice(0, -2));
  return word;
}

/**
 * A light stemmer: enough that plurals, simple inflections and British spellings meet
 * ("indexes" and "index", "caching" and "cache", "normalisation" and "normalize").
 * Words with digits are names ("ipv4", "k8s") and keep their shape.
 */
export function stem(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (/\d/.test(word)) return word;
  const stripped = withoutSuffix(withoutSuffix(singular(american(word))));
  if (stripped.length < 4) return stripped;
  // A final "e" or "y" varies with the ending: "cache"/"caching", "cookie"/"cookies"/"policy"/"policies".
  if (stripped.endsWith('e')) return stripped.slice(0, -1);
  return stripped.endsWith('y') ? `${stripped.slice(0, -1)}i` : stripped;
}
