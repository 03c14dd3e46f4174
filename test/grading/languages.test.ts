import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

await loadLanguages(['en', 'es', 'fr', 'de']);

describe('accents in a deck language that writes them', () => {
  it('GIVEN the right word without its accent THEN it is close; an accepted spelling or a name stays correct', () => {
    expect(verdictOf('Pacífico', 'el Pacifico', { lang: 'es' })).toBe('close');
    expect(verdictOf('Brücke', 'Brucke', { lang: 'de' })).toBe('close');
    expect(verdictOf('Brücke', 'Bruecke', { lang: 'de' })).toBe('correct');
    expect(verdictOf('cœur', 'coeur', { lang: 'fr' })).toBe('correct');
    expect(verdictOf('lápiz', 'lapiz', { lang: 'es', accept: ['lapiz'] })).toBe('correct');
    const who = { lang: 'es', question: '¿Quién escribió "Cien años de soledad"?' };
    expect(verdictOf('Gabriel García Márquez', 'Gabriel Garcia Marquez', who)).toBe('correct');
    expect(verdictOf('café', 'cafe')).toBe('correct');
  });
});

describe('the kind of thing the question asks for', () => {
  it('GIVEN an answer without the words naming the kind asked for THEN it is right; another head is not', () => {
    const scale = { question: 'Which scale was historically used for earthquake magnitude?' };
    expect(verdictOf('Richter scale', 'Richter', scale)).toBe('correct');
    expect(verdictOf('Richter scale', 'Beaufort', scale)).toBe('wrong');
    expect(
      verdictOf('covalent bond', 'covalent', { question: 'What type of bond shares electron pairs?' }),
    ).toBe('correct');
    const vitamin = { question: 'Which vitamin does the skin make in sunlight?' };
    expect(verdictOf('vitamin D', 'D', vitamin)).toBe('correct');
    expect(verdictOf('vitamin D', 'C', vitamin)).toBe('wrong');
    const cells = { question: 'Which blood cells carry oxygen?' };
    expect(verdictOf('red blood cells', 'red cells', cells)).toBe('correct');
    expect(verdictOf('red blood cells', 'white cells', cells)).toBe('wrong');
    const agent = { question: 'What leavening agent is made from baking soda plus an acid?' };
    expect(verdictOf('baking powder', 'powder', agent)).toBe('wrong');
    const treaty = { question: 'Which treaty ended the First World War with Germany?' };
    expect(verdictOf('Treaty of Versailles', 'Versailles', treaty)).toBe('correct');
    expect(verdictOf('Treaty of Versailles', 'Paris', treaty)).toBe('wrong');
  });
});

describe('near words in the deck language', () => {
  it('GIVEN a dictionary word one letter away THEN it is another word, in English and other languages', () => {
    expect(verdictOf('median', 'media')).toBe('wrong');
    expect(verdictOf('pelo', 'polo', { lang: 'es' })).toBe('wrong');
    expect(verdictOf('vert', 'verre', { lang: 'fr' })).toBe('wrong');
    expect(verdictOf('Kuchen', 'Küche', { lang: 'de' })).toBe('wrong');
    expect(verdictOf('Austria', 'Australia')).toBe('wrong');
  });

  it('GIVEN a word WordNet knows and Hunspell does not THEN it is a word, not a slip', () => {
    expect(verdictOf('hypertension', 'hypotension')).toBe('wrong');
    expect(verdictOf('monopoly', 'monopsony')).toBe('wrong');
    expect(verdictOf('hypertension', 'hypertention')).toBe('close');
  });

  it('GIVEN a short word losing a letter inside it into no word THEN it is a slip; a lost final sound is not', () => {
    expect(verdictOf('ascorbic acid', 'ascorbic acd')).toBe('close');
    expect(verdictOf('mise en place', 'mis en place')).toBe('close');
    expect(verdictOf('neon', 'neo')).toBe('wrong');
    expect(verdictOf('ascorbic acid', 'ascorbic aid')).toBe('wrong');
  });

  it('GIVEN the whole name with one slip in one name THEN it is close, even when the slip spells a name', () => {
    const who = { question: 'Who wrote "Pride and Prejudice"?', vocabulary: ['Jane Austen', 'Mary Shelley'] };
    expect(verdictOf('Jane Austen', 'Jane Austin', who)).toBe('close');
    expect(verdictOf('Victor Hugo', 'Viktor Hugo', { ...who, lang: 'fr' })).toBe('close');
    expect(verdictOf('Jane Austen', 'Jane Eyre', who)).toBe('wrong');
    expect(verdictOf('Neil Armstrong', 'Louis Armstrong', who)).toBe('wrong');
  });

  it('GIVEN one letter more or changed at the end that makes no word THEN it is a slip, not a form', () => {
    expect(verdictOf('volcano', 'volcanoe')).toBe('close');
    expect(verdictOf('testator', 'testater')).toBe('close');
    expect(verdictOf('volcano', 'volcanoes')).toBe('correct');
    expect(verdictOf('index', 'indices')).toBe('correct');
  });

  it('GIVEN a final "e" that makes another word of the dictionary THEN it is wrong; a regular ending is not', () => {
    expect(verdictOf('tort', 'torte')).toBe('wrong');
    expect(verdictOf('la mer', 'la mère', { lang: 'fr' })).toBe('wrong');
    expect(verdictOf('vert', 'verte', { lang: 'fr' })).toBe('correct');
    expect(verdictOf('cache', 'caches')).toBe('correct');
  });

  it('GIVEN a slip that spells no word THEN it is close, even a lost first letter in a long word', () => {
    expect(verdictOf('pelo', 'pleo', { lang: 'es' })).toBe('close');
    expect(verdictOf('bicycle', 'bycicle')).toBe('close');
    expect(verdictOf('photosynthesis', 'fotosynthesis')).toBe('close');
    expect(verdictOf('photosynthesis', 'chemosynthesis')).toBe('wrong');
    // A short word takes no typo, but a key pressed twice that spells no word is a slip.
    expect(verdictOf('ohm', 'ohmm')).toBe('close');
    expect(verdictOf('ohm', 'ohn')).toBe('wrong');
    expect(verdictOf('to', 'too')).toBe('wrong');
    expect(verdictOf('64', '644')).toBe('wrong');
  });

  it('GIVEN a regular ending or the other side of the Atlantic THEN it is the same word', () => {
    expect(verdictOf('Straße', 'Straßen', { lang: 'de' })).toBe('correct');
    expect(verdictOf('grey', 'gray')).toBe('correct');
    expect(verdictOf('spectrum analyser', 'spectrum analyzer')).toBe('correct');
  });
});

describe('spelled-out numbers and umlauts', () => {
  it("GIVEN a whole number spelled in the card's language THEN it is that number; another number is not", () => {
    expect(verdictOf('16', 'sechzehn', { lang: 'de' })).toBe('correct');
    expect(verdictOf('siete', '7', { lang: 'es' })).toBe('correct');
    expect(verdictOf('1789', 'mille sept cent quatre-vingt-neuf', { lang: 'fr' })).toBe('correct');
    expect(verdictOf('1492', 'mil cuatrocientos noventa y dos', { lang: 'es' })).toBe('correct');
    expect(verdictOf('16', 'siebzehn', { lang: 'de' })).toBe('wrong');
    expect(verdictOf('siete', '8', { lang: 'es' })).toBe('wrong');
  });

  it('GIVEN umlauts spelled out, or a German spelling with an umlaut THEN it is the same spelling', () => {
    expect(verdictOf('Mädchen', 'Maedchen', { lang: 'de' })).toBe('correct');
    expect(verdictOf('der Schlüssel', 'Schluessel', { lang: 'de' })).toBe('correct');
    expect(
      verdictOf('Johann Wolfgang von Goethe', 'Göthe', { lang: 'de', question: 'Wer schrieb Faust?' }),
    ).toBe('correct');
    expect(verdictOf('Mädchen', 'Maedchn', { lang: 'de' })).toBe('close');
  });
});

describe('synonyms, dates and the question', () => {
  it('GIVEN the answer beside what it is a kind or part of THEN it is correct; beside another thing it is not', () => {
    expect(verdictOf('Lima', 'Lima, Peru')).toBe('correct');
    expect(verdictOf('London', 'London, England')).toBe('correct');
    expect(verdictOf('pancreas', 'the pancreas gland')).toBe('correct');
    expect(verdictOf('Lima', 'Lima, Quito')).toBe('wrong');
    expect(verdictOf('pancreas', 'pancreas liver')).toBe('wrong');
  });

  it('GIVEN the kind of place named in the deck language THEN it places the answer', () => {
    expect(verdictOf('Lima', 'la ciudad de Lima', { lang: 'es' })).toBe('correct');
    expect(verdictOf('Wien', 'die Stadt Wien', { lang: 'de' })).toBe('correct');
    expect(verdictOf('Loire', 'le fleuve Loire', { lang: 'fr' })).toBe('correct');
    expect(verdictOf('Wien', 'die Stadt Graz', { lang: 'de' })).toBe('wrong');
  });

  it('GIVEN a named place in another deck language and what holds it after a comma THEN it is placed; another place is not', () => {
    const capital = { lang: 'fr', question: 'Quelle ville est la capitale fédérale ?' };
    expect(verdictOf('Ottawa', 'Ottawa, Canada', capital)).toBe('correct');
    expect(verdictOf('Ottawa', 'Ottawa, Toronto', capital)).toBe('wrong');
    expect(verdictOf('Lima', 'Lima, Perú', { lang: 'es', question: '¿Qué ciudad fundó Pizarro?' })).toBe(
      'correct',
    );
  });

  it('GIVEN a rarer sense the question points to, or a symbol THEN that synonym is correct', () => {
    const support = { question: 'What is an upright cylindrical support in a building called?' };
    expect(verdictOf('column', 'pillar', support)).toBe('correct');
    expect(verdictOf('column', 'pillar')).toBe('wrong');
    expect(verdictOf('iron', 'Fe')).toBe('correct');
    expect(verdictOf('carbon dioxide', 'CO2')).toBe('correct');
    expect(verdictOf('iron', 'Fr')).toBe('wrong');
  });

  it('GIVEN a sense the question points to that names the typed word and the answer alike THEN it is correct, though rare for both', () => {
    const ship = { question: 'What is the left side of a ship called, facing the bow?' };
    expect(verdictOf('port', 'larboard', ship)).toBe('correct');
    expect(verdictOf('port', 'starboard', ship)).toBe('wrong');
    expect(verdictOf('port', 'larboard')).toBe('wrong');
  });

  it('GIVEN a place named with its marks, and the place that holds it after a comma THEN it is placed; another place is not', () => {
    const fifa = { question: 'In which Swiss city is FIFA headquartered?' };
    expect(verdictOf('Zürich', 'Zurich, Switzerland', fifa)).toBe('correct');
    expect(verdictOf('Zürich', 'Zürich, Switzerland', fifa)).toBe('correct');
    expect(verdictOf('Zürich', 'Zürich, Geneva', fifa)).toBe('wrong');
  });

  it("GIVEN a synonym made of the card's own words THEN the deck does not make it another answer; a surname stays a name", () => {
    expect(verdictOf('ice hockey', 'hockey', { vocabulary: ['ice hockey', 'love', '11'] })).toBe('correct');
    const who = {
      question: 'Who wrote the "Critique of Pure Reason"?',
      vocabulary: ['Immanuel Kant', 'Hegel'],
    };
    expect(verdictOf('Immanuel Kant', 'Kant', who)).toBe('correct');
    expect(verdictOf('Immanuel Kant', 'Kent', who)).toBe('wrong');
  });

  it('GIVEN an English synonym a teacher accepts THEN it is correct, but not one that is another answer in the deck', () => {
    expect(verdictOf('bicycle', 'bike')).toBe('correct');
    expect(verdictOf('enormous', 'huge')).toBe('correct');
    // A plural card answer finds its synonyms through its singular, as WordNet's morphy does.
    expect(verdictOf('white blood cells', 'leukocytes')).toBe('correct');
    expect(verdictOf('bicycles', 'bikes')).toBe('correct');
    expect(verdictOf('stack', 'heap', { vocabulary: ['stack', 'heap'] })).toBe('wrong');
  });

  it('GIVEN a date in another format THEN it is the same date; a missing day or a wrong year is not', () => {
    expect(verdictOf('5 May 1821', '1821-05-05')).toBe('correct');
    expect(verdictOf('5 May 1821', 'May 5, 1821')).toBe('correct');
    expect(verdictOf('5 May 1821', 'May 1821')).toBe('wrong');
    expect(verdictOf('5 May 1821', '5 May 1822')).toBe('wrong');
    const question = 'In which year did Columbus first reach the Americas?';
    expect(verdictOf('1492', 'October 1492', { question })).toBe('correct');
    expect(verdictOf('1492', '1492 AD', { question })).toBe('correct');
    expect(verdictOf('1492', 'A.D. 1492', { question })).toBe('correct');
    expect(verdictOf('1492', '1492 BC', { question })).toBe('wrong');
    expect(
      verdictOf('1989', '9. November 1989', { question: 'In welchem Jahr fiel die Mauer?', lang: 'de' }),
    ).toBe('correct');
  });

  it('GIVEN a month and a year in a language whose date reader wants a day THEN the year is read', () => {
    const mauer = { question: 'In welchem Jahr fiel die Mauer?', lang: 'de' };
    expect(verdictOf('1989', 'November 1989', mauer)).toBe('correct');
    expect(verdictOf('1989', 'im Nov. 1989', mauer)).toBe('correct');
    expect(verdictOf('1989', 'November 1988', mauer)).toBe('wrong');
    const bastille = { question: 'En quelle année a eu lieu la prise de la Bastille ?', lang: 'fr' };
    expect(verdictOf('1789', 'juillet 1789', bastille)).toBe('correct');
    expect(verdictOf('1789', 'juillet 1798', bastille)).toBe('wrong');
  });

  it('GIVEN an answer that only repeats the question THEN it is wrong', () => {
    expect(verdictOf('body mass index', 'BMI', { question: 'What does BMI stand for?' })).toBe('wrong');
    expect(verdictOf('Austria', 'Vienna', { question: "Which country's capital is Vienna?" })).toBe('wrong');
    // A number repeats the question as written, not by value.
    const fraction = { question: 'What fraction is 0.75?' };
    expect(verdictOf('3/4', '0.75', fraction)).toBe('wrong');
    expect(verdictOf('3/4', '3/4', fraction)).toBe('correct');
    expect(verdictOf('3/4', 'three quarters', fraction)).toBe('correct');
    expect(verdictOf('3/4', '6/8', fraction)).toBe('correct');
  });

  it('GIVEN words of the question around the answer THEN they are harmless context', () => {
    expect(verdictOf('Lima', 'Lima, Peru', { question: 'What is the capital of Peru?' })).toBe('correct');
    expect(verdictOf('11', '11 players', { question: 'How many players are on a team?' })).toBe('correct');
    expect(verdictOf('Danube', 'the Danube river')).toBe('correct');
  });
});

describe('names', () => {
  const question = 'Who wrote Hamlet?';
  it('GIVEN a "who" card THEN the surname alone, initials, titles and surname first name the person', () => {
    expect(verdictOf('William Shakespeare', 'Shakespeare', { question })).toBe('correct');
    expect(verdictOf('William Shakespeare', 'W. Shakespeare', { question })).toBe('correct');
    expect(verdictOf('William Shakespeare', 'Shakespeare, William', { question })).toBe('correct');
    expect(verdictOf('William Shakespeare', 'Shakespear', { question })).toBe('close');
    expect(verdictOf('Sigmund Freud', 'Dr Sigmund Freud', { question: 'Who founded psychoanalysis?' })).toBe(
      'correct',
    );
  });

  it('GIVEN a slip in a long surname that spells a common word THEN it is close; a short common word is wrong', () => {
    expect(verdictOf('Miguel de Cervantes', 'Servantes', { question: 'Who wrote Don Quixote?' })).toBe(
      'close',
    );
    const soledad = { question: '¿Quién escribió Cien años de soledad?', lang: 'es' };
    expect(verdictOf('Gabriel García Márquez', 'Gabriel García Marques', soledad)).toBe('close');
    expect(verdictOf('Sigmund Freud', 'fraud', { question: 'Who founded psychoanalysis?' })).toBe('wrong');
    expect(
      verdictOf('Charles Darwin', 'Charles Dickens', { question: 'Who wrote On the Origin of Species?' }),
    ).toBe('wrong');
  });

  it('GIVEN a first name alone, another person, or a surname shared in the deck THEN it is wrong', () => {
    expect(verdictOf('William Shakespeare', 'William', { question })).toBe('wrong');
    expect(
      verdictOf('Charles Darwin', 'Erasmus Darwin', { question: 'Who wrote On the Origin of Species?' }),
    ).toBe('wrong');
    const vocabulary = ['Sigmund Freud', 'Anna Freud'];
    expect(verdictOf('Sigmund Freud', 'Freud', { question: 'Who founded psychoanalysis?', vocabulary })).toBe(
      'wrong',
    );
  });
});
