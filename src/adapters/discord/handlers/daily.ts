import { actorOf, placeOf } from '../identity.ts';
import type { CommandInteraction } from '../interaction.ts';
import { whisper } from '../reply.ts';
import {
  dailyListText,
  dailyRefusalText,
  dailySetText,
  dailyStoppedText,
  MANAGE_SERVER_ONLY,
} from '../views/daily.ts';
import { EVERY_DECK_CHOICE } from './autocomplete.ts';
import { answer, type HandlerContext, needsServer, type Outcome } from './context.ts';

/**
 * `/daily set | off | list`: a channel's question of the day. Members with Manage Server only, checked here
 * from this interaction's member permissions (a server's admins can override default_member_permissions).
 */
export async function dailyCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  const place = placeOf(interaction);
  if (!place) return needsServer();
  const actor = actorOf(interaction);
  if (!actor.isAdmin) return answer(whisper(MANAGE_SERVER_ONLY));
  const { options } = interaction;
  const channelId = String(options.channel ?? interaction.channelId ?? '');
  switch (interaction.subcommand) {
    case 'set': {
      const deck = String(options.deck ?? EVERY_DECK_CHOICE).trim();
      const set = await context.community.setDaily(place, actor, {
        channelId,
        localTime: String(options.time ?? '').trim(),
        timeZone: String(options.timezone ?? '').trim(),
        deckId: deck === EVERY_DECK_CHOICE || deck === '' ? null : deck,
      });
      return answer(whisper(set.ok ? dailySetText(set.daily) : dailyRefusalText(set)));
    }
    case 'off': {
      const stopped = await context.community.stopDaily(place, actor, channelId);
      return answer(
        whisper(stopped.ok ? dailyStoppedText(channelId, stopped.stopped) : dailyRefusalText(stopped)),
      );
    }
    default:
      return answer(whisper(dailyListText(await context.community.listDailies(place))));
  }
}
