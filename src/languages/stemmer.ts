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
  const { default: snowball } = await import('snowball-stemmers');
  const stemmer = snowball.newStemmer(algorithm);
  return (word) => stemmer.stem(word);
}
