import { chooseLocale, type Locale } from '../../../chat/i18n/locale.ts';
import type { Person } from '../../../core/people.ts';
import type { ListenerDeps } from './deps.ts';

/** The language a person reads: their choice in settings, else their Slack language (asked only then). */
export async function readerLocale(
  deps: Pick<ListenerDeps, 'quiz' | 'locales'>,
  person: Person,
): Promise<Locale> {
  const chosen = await deps.quiz.language(person);
  if (chosen !== null) return chosen;
  const [teamId = '', userId = ''] = person.externalId.split(':');
  const tag = await deps.locales.of(teamId, userId);
  // Kept for their DM reminders, which no click of theirs comes with.
  await deps.quiz.noteAppLocale(person, tag);
  return chooseLocale(null, tag);
}
