import { grade } from './src/core/grading/grade.ts';
import { languageKit } from './src/core/grading/language.ts';
import { loadLanguages } from './src/languages/load.ts';
await loadLanguages(['en', 'fr', 'it']);
const g = (expected: string, answer: string, lang: string) => console.log(lang, answer, '→', expected, grade({ expected, answer, lang }).verdict);
g('supernovae', 'supernova', 'en'); g('supernovae', 'supernovas', 'en'); g('mice', 'mouse', 'en'); g('criteria', 'criterion', 'en');
g('Seine', 'Siene', 'fr'); g('Vivaldi', 'Vivaldo', 'it');
const en = languageKit('en')!; console.log('supernova word', en.isWord('supernova'), en.isEntry('supernova'), en.isEntry('supernovae'));
console.log('siene', languageKit('fr')!.isWord('siene'));
