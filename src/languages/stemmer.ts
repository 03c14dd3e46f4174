interface SnowballFactory {
  newStemmer(algorithm: string): { stem(word: string): string };
}

const ALGORITHMS: Readonly<Record<string, string>> = {
  en: 'english',
  es: 'spanish',
  fr: 'french',
  de: 'german',
  it: 'italian',
  pt: 'portuguese',
};

/** The language's Snowball stemmer (`snowball-stemmers`), for words the grader has folded. */
export async function snowballStemmer(lang: string): Promise<((word: string) => string) | undefined> {
  const algorithm = ALGORITHMS[lang];
  if (!algorithm) return undefined;
  // Required, not imported: the package marks itself an ES module without a default export, which
  // loaders read differently.
  const { createRequire } = await import('node:module');
  const snowball = createRequire(import.meta.url)('snowball-stemmers') as SnowballFactory;
  const stemmer = snowball.newStemmer(algorithm);
  return (word) => stemmer.stem(word);
}
