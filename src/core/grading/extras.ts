import { stem } from './stem.ts';
import type { Token } from './tokens.ts';

function stems(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(stem));
}

// What a learner says before an answer without changing it: "it's a", "I think the", "it is called".
const FILLER = stems(`
  a an the it its is are this that thats these those they theyre i think believe guess probably answer
  called named known as use using just simply basically about approximately around roughly circa ca
  aproximadamente alrededor cerca environ pres etwa ungefahr rund примерно около 約 约 大约
  in
  el la los las lo un una unos unas es en
  le les l une des est c
  der die das den dem des ein eine einen ist im
  il lo gli uno e nel
  o os as um uma uns umas no na em
  ο η το οι τα ενας μια ενα
  het een
  ett et
  az egy
`);

// The platform a card is about; naming it, or leaving it out, changes nothing ("docker volume", "compose").
const CONTEXT = stems('docker kubernetes k8s python sql type message git');

// Further words that may stand before an answer to place it ("port 443", "HTTP 404", "worker node").
const QUALIFIERS = stems(`
  kube database db data linux git apache kafka redis http https tcp udp port status code error worker
  running web
`);

// Kinds of thing a place, person or idea is, named with it ("the river Nile", "planet Jupiter", "Lima, Peru"),
// in the four languages decks use ("la ciudad de Lima", "die Stadt Wien", "le fleuve Loire").
const KINDS = stems(`
  city town capital river mount mountain lake sea ocean island planet country republic kingdom state
  galaxy god goddess hero doctrine of empire
  ciudad capital rio monte lago mar oceano isla planeta pais republica reino imperio dios de
  ville fleuve riviere mont lac mer ocean ile planete pays republique royaume empire dieu
  stadt hauptstadt fluss berg see meer ozean insel planet land republik konigreich reich gott
  citta fiume monte lago mare oceano isola pianeta paese repubblica regno impero dio di
  cidade rio monte lago mar oceano ilha planeta pais republica reino imperio deus do da
`);

// Generic nouns that may follow an answer without changing it ("bridge network", "REST API", "404 error").
const HEADS = stems(`
  command cmd file keyword statement clause query instruction directive port protocol suite status code
  error object resource type function method class module library package tool pattern principle model
  mode network address number hypervisor engine mechanism feature operation algorithm technique process
  option flag field value version architecture service request api call syntax concept approach strategy
  setting variable key lock probe join build database db server cache container tcp udp into from
  framework application app system policy theorem deployment release
`);

// Generic category nouns a card's answer may lose when the question already says them
// ("inner" for "INNER JOIN", "MAC" for "MAC address").
const DROPPABLE_HEADS = stems(`
  join build pattern protocol command statement clause instruction keyword network file address theorem
  deployment release strategy algorithm technique mechanism policy
`);

const TRAILING_FILLER = stems('i think guess believe');

// Leading articles of English, Spanish, French, German, Italian, Portuguese, Dutch, Greek, Swedish and
// Hungarian ("l" is French and Italian "l'" once normalise has split it from its word).
const ARTICLES = new Set(
  `a an the el la los las un una le les l une des du der die das den dem ein eine il lo gli uno o os um uma
  het een ο η το οι τα en ett az`.split(/\s+/),
);

/** A leading article of one of those languages ("the", "la", "die"), as normalise writes it. */
export function isArticle(word: string): boolean {
  return ARTICLES.has(word);
}

function wordIn(set: ReadonlySet<string>, token: Token | undefined): boolean {
  return token?.kind === 'word' && set.has(token.stem);
}

export function mayLead(token: Token | undefined): boolean {
  return wordIn(FILLER, token) || wordIn(CONTEXT, token) || wordIn(QUALIFIERS, token) || wordIn(KINDS, token);
}

export function mayTrail(token: Token | undefined): boolean {
  return (
    wordIn(HEADS, token) || wordIn(CONTEXT, token) || wordIn(TRAILING_FILLER, token) || wordIn(KINDS, token)
  );
}

/** A word naming the kind of a place or thing ("river", "Stadt", "lago"): an answer with one names no person. */
export function namesAKind(token: Token | undefined): boolean {
  return wordIn(KINDS, token);
}

export function isFiller(token: Token | undefined): boolean {
  return wordIn(FILLER, token);
}

/** The card's answer without the words a learner may leave out because the question says them. */
export function shortenedForms(form: readonly Token[]): { tokens: readonly Token[]; droppedHead: boolean }[] {
  const forms = [{ tokens: form, droppedHead: false }];
  if (form.length < 2) return forms;
  const first = form[0];
  if (wordIn(CONTEXT, first) || (first?.kind === 'word' && isArticle(first.text))) {
    forms.push({ tokens: form.slice(1), droppedHead: false });
  }
  if (wordIn(DROPPABLE_HEADS, form.at(-1))) forms.push({ tokens: form.slice(0, -1), droppedHead: true });
  return forms;
}
