import { primaryTag } from './language.ts';
import { normalise } from './normalise.ts';

/** The words of one language that shape what a learner says around an answer. */
interface AsideWords {
  /** Said before an answer without changing it: a hedge, or a copula ("I think", "creo que", "c'est"). */
  readonly leads: readonly string[];
  /** Said after it, after a comma: "…, I think", "…, glaube ich". */
  readonly trails: readonly string[];
  /** Articles, prepositions and possessives: an apposition or a place phrase holds one ("king of the gods"). */
  readonly function: ReadonlySet<string>;
  /** Locative prepositions: what follows names where the answer is ("in the Himalayas", "en Afrique"). */
  readonly locative: ReadonlySet<string>;
  /** Words that join a second answer, take the first back or hedge between two: never an aside. */
  readonly blocking: ReadonlySet<string>;
}

// Typed as a learner types them; compared once normalised (lowercase, marks off, "c'est" as "c est").
const phrases = (...said: readonly string[]): readonly string[] => said.map(normalise);
const words = (text: string): ReadonlySet<string> => new Set(normalise(text).split(' '));

const ASIDE_WORDS: Readonly<Record<string, AsideWords>> = {
  en: {
    leads: phrases(
      'I think',
      'I believe',
      'I guess',
      "I'd say",
      'I would say',
      "I'm pretty sure",
      'maybe',
      'perhaps',
      'probably',
      'possibly',
      "it's",
      'it is',
      'it was',
      "that's",
      'that is',
      'they are',
      'it has',
      'they have',
      'there are',
    ),
    trails: phrases('I think', 'I believe', 'I guess'),
    function: words('the a an of in on at to for from by with like after its his her their named called per'),
    locative: words('in on at near'),
    blocking: words('or and nor not no never maybe perhaps probably possibly also wait'),
  },
  es: {
    leads: phrases(
      'creo que',
      'pienso que',
      'supongo que',
      'diría que',
      'quizás',
      'quizá',
      'tal vez',
      'probablemente',
    ),
    trails: phrases('creo', 'pienso', 'supongo'),
    function: words('el la los las lo un una de del en con por para como su sus al'),
    locative: words('en cerca'),
    blocking: words('o u y e ni no nunca quizás quizá tal vez también'),
  },
  fr: {
    leads: phrases(
      'je pense que',
      'je pense',
      'je crois que',
      'je crois',
      'peut-être',
      'probablement',
      "il s'agit de",
    ),
    trails: phrases('je crois', 'je pense', 'il me semble'),
    function: words("le la les l' un une des de du d' en dans à au aux avec pour par comme sa son ses"),
    locative: words('en dans à au aux près'),
    blocking: words('ou et ni ne pas non jamais peut-être aussi'),
  },
  de: {
    leads: phrases(
      'ich glaube',
      'ich denke',
      'ich meine',
      'vielleicht',
      'wahrscheinlich',
      'es ist',
      'das ist',
      'es war',
    ),
    trails: phrases('glaube ich', 'denke ich', 'meine ich'),
    function: words(
      'der die das den dem des ein eine einer einem eines im in am an auf aus von vom zum zur mit für wie sein seine ihr ihre pro',
    ),
    locative: words('in im am an bei'),
    blocking: words('oder und noch nicht kein keine keinen nein nie vielleicht auch'),
  },
  it: {
    leads: phrases('penso che', 'credo che', 'credo', 'penso', 'forse', 'probabilmente', 'si chiama'),
    trails: phrases('credo', 'penso'),
    function: words(
      "il lo la i gli le l' un una uno di del della dei degli delle in nel nella a al alla da dal con per come suo sua",
    ),
    locative: words('in nel nella a presso'),
    blocking: words('o oppure e ed né non mai forse anche'),
  },
  pt: {
    leads: phrases('acho que', 'penso que', 'creio que', 'talvez', 'provavelmente', 'se chama', 'chama-se'),
    trails: phrases('acho', 'creio', 'penso'),
    function: words('o a os as um uma de do da dos das em no na nos nas com por para como seu sua ao'),
    locative: words('em no na nos nas perto'),
    blocking: words('ou e nem não nunca talvez também'),
  },
};

// "es", "c'est", "è", "é" stand before an answer in these languages; "es" alone would also be read as a Spanish
// copula in English, so the copulas of a language count only in that language's decks.
const COPULAS: Readonly<Record<string, readonly string[]>> = {
  es: phrases('es', 'son', 'era', 'fue', 'se llama'),
  fr: phrases("c'est", 'ce sont', "c'était", "ça s'appelle"),
  de: phrases('es sind', 'das sind'),
  it: phrases('è', 'sono', 'era', 'fu'),
  pt: phrases('é', 'são', 'era', 'foi'),
};

// A symbol or an abbreviation beside the answer's words glosses them: "Au (gold)", "CO₂, carbon dioxide".
const SYMBOL = /^(?:\p{Lu}[\p{Ll}]?[\d₀-₉]*){1,3}$|^\p{Lu}{2,5}$|^[^\p{L}\p{N}\s]$/u;

/** One way to read a typed answer as the answer and an aside. */
export interface Aside {
  /** What is left to judge as the answer. */
  readonly core: string;
  /** Words after it, if any, that the grader must still find harmless (a place, a restatement). */
  readonly gloss?: string;
  /**
   * How the gloss is to be taken: `holds` must name what holds the answer ("Everest, Nepal"); `notElsewhere` must
   * not name another place of the kind that holds it ("the Nile, in South America"); `same` must be the answer
   * again in other words ("the Moon, Luna").
   */
  readonly check: 'none' | 'holds' | 'notElsewhere' | 'same';
}

function wordsOf(lang: string): readonly AsideWords[] {
  const own = ASIDE_WORDS[lang];
  const english = ASIDE_WORDS.en;
  return [own, english].filter(
    (found, index, all): found is AsideWords => !!found && all.indexOf(found) === index,
  );
}

function leadOf(text: string, lang: string): string | undefined {
  const said = normalise(text);
  const leads = [...wordsOf(lang).flatMap((kit) => kit.leads), ...(COPULAS[lang] ?? [])];
  return leads
    .filter((lead) => said.startsWith(`${lead} `))
    .sort((a, b) => b.length - a.length)
    .at(0);
}

// The original text after as many of its words as normalise into the lead ("c'est" is "c est").
function afterLead(text: string, lead: string): string | undefined {
  const typed = text.trim().split(/\s+/);
  for (let taken = 1; taken < typed.length; taken++) {
    const head = normalise(typed.slice(0, taken).join(' '));
    if (head === lead) return typed.slice(taken).join(' ');
    if (head.length > lead.length) return undefined;
  }
  return undefined;
}

/** Whether the text holds a word that joins a second answer, takes one back or hedges ("or", "not", "maybe"). */
export function blocks(text: string, lang: string): boolean {
  const said = normalise(text).split(' ');
  return wordsOf(lang).some((kit) => said.some((word) => kit.blocking.has(word)));
}

function isTrailingHedge(text: string, lang: string): boolean {
  const said = normalise(text);
  return wordsOf(lang).some((kit) => kit.trails.includes(said));
}

function startsWith(text: string, lang: string, set: 'function' | 'locative'): boolean {
  const first = normalise(text).split(' ')[0] ?? '';
  return wordsOf(lang).some((kit) => kit[set].has(first));
}

/** Whether the normalised word is an article, a preposition or a possessive of the deck's language or English. */
export function isFunctionWord(word: string, lang: string | undefined): boolean {
  return wordsOf(primaryTag(lang)).some((kit) => kit.function.has(word) || kit.locative.has(word));
}

function holdsFunctionWord(text: string, lang: string): boolean {
  const said = normalise(text).split(' ');
  return wordsOf(lang).some((kit) => said.some((word) => kit.function.has(word)));
}

/** The place a locative phrase names, its preposition and article left out: "in the Himalayas" → "Himalayas". */
export function namedPlace(text: string, lang: string): string | undefined {
  const typed = text.trim().split(/\s+/);
  let start = 0;
  while (start < typed.length - 1 && startsWith(typed[start] ?? '', lang, 'function')) start++;
  const rest = typed.slice(start);
  return rest.length > 0 && rest.every((word) => /^\p{Lu}/u.test(word)) ? rest.join(' ') : undefined;
}

// Signs of a formula or a unit: brackets, commas and dashes inside one are no asides ("J/(mol·K)", "1,602").
const MATH = /[=<>^*/·+]|\d[,.]\d/u;

// A gloss in brackets after a space, as words are glossed: "Au (gold)", not "P(1 + r/n)".
function bracketed(text: string): { outside: string; inside: string } | undefined {
  const found = /^(.*[\p{L}\p{N}.])\s+[([]([^()[\]]*\p{L}[^()[\]]*)[)\]]\s*[.!?]?$/u.exec(text.trim());
  if (!found?.[1] || !found[2] || MATH.test(found[1]) || /[()[\]]/.test(found[1])) return undefined;
  return { outside: found[1], inside: found[2] };
}

// An apposition after a comma and a space, or a dash between spaces: "Zeus, king of the gods".
function apposed(text: string): { head: string; tail: string } | undefined {
  const found = /^([^,;]+?)(?:,\s+|\s+[-–—]\s+)([^,;]+)$/u.exec(text.trim());
  if (!found?.[1] || !found[2] || MATH.test(text) || /[()[\]]/.test(text)) return undefined;
  return { head: found[1], tail: found[2] };
}

/**
 * The readings of a typed answer as the answer and something said around it, in the deck's language (and
 * English): a hedge or copula before it ("creo que Lima", "c'est la Seine", "ich glaube 1989"); a gloss in
 * brackets after it ("Au (gold)", "Zeus (Jupiter for the Romans)"), or the answer in brackets after a symbol;
 * an apposition after a comma or a dash ("Zeus, king of the gods", "mitochondria - the powerhouse of the cell"),
 * which holds an article or a preposition, as a noun phrase does, and is not a second answer; a place, after a
 * comma or a locative preposition, that must be found to hold the answer ("Everest, Nepal"); the answer said
 * again in other words ("the Moon, Luna"). Never an aside that joins a second answer, takes one back or hedges
 * between two ("Paris, or Lyon", "Paris, not Lyon", "Paris, maybe Lyon").
 */
export function asidesOf(answer: string, lang: string | undefined): readonly Aside[] {
  // Every aside stands apart from the answer by a space: a single word has none.
  if (!/\S\s+\S/u.test(answer)) return [];
  const tag = primaryTag(lang);
  const readings: Aside[] = [];
  const lead = leadOf(answer, tag);
  const rest = lead ? afterLead(answer, lead) : undefined;
  if (rest) readings.push({ core: rest, check: 'none' });

  const inBrackets = bracketed(answer);
  if (inBrackets && !blocks(inBrackets.inside, tag)) {
    readings.push({ core: inBrackets.outside, check: 'none' });
    if (SYMBOL.test(inBrackets.outside.trim())) readings.push({ core: inBrackets.inside, check: 'none' });
  }

  const apposition = apposed(answer);
  if (apposition && !blocks(apposition.tail, tag)) {
    const { head, tail } = apposition;
    const place = startsWith(tail, tag, 'locative') ? namedPlace(tail, tag) : undefined;
    if (isTrailingHedge(tail, tag)) readings.push({ core: head, check: 'none' });
    else if (place) readings.push({ core: head, gloss: place, check: 'notElsewhere' });
    else if (tail.trim().split(/\s+/).length > 1 && holdsFunctionWord(tail, tag))
      readings.push({ core: head, check: 'none' });
    else {
      readings.push({ core: head, gloss: tail, check: 'holds' });
      readings.push({ core: head, gloss: tail, check: 'same' });
    }
    if (SYMBOL.test(head.trim())) readings.push({ core: tail, check: 'none' });
  }
  return readings;
}

/**
 * The name after an article and one word that says who the person was: "the composer Beethoven", "l'écrivain
 * Victor Hugo", "der Philosoph Immanuel Kant", "el escritor Miguel de Cervantes". Undefined for anything else.
 */
export function nameAfterRole(answer: string, lang: string | undefined): string | undefined {
  const typed = answer
    .trim()
    .replace(/^([ldLD])['’]/u, '$1 ')
    .split(/\s+/);
  const [article = '', role = '', ...name] = typed;
  if (name.length === 0 || !/^\p{L}+$/u.test(role) || !/^\p{Lu}/u.test(name[0] ?? '')) return undefined;
  return isFunctionWord(normalise(article), lang) && !blocks(role, primaryTag(lang))
    ? name.join(' ')
    : undefined;
}
