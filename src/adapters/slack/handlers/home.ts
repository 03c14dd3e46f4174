import type { App } from '@slack/bolt';
import { oncePerEvent } from '../../../chat/once-per-event.ts';
import { personOf, placeOf } from '../identity.ts';
import { appHomeOpenedPayload } from '../payloads.ts';
import { renderHome } from '../render/home.ts';
import type { ListenerDeps } from './deps.ts';
import { guarded, tenantOf } from './guard.ts';
import { readerLocale } from './locale.ts';

/** The App Home tab, published afresh each time it is opened. */
export function registerHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ body }) => {
    await guarded(
      deps.log,
      { tenant: tenantOf(body), command: 'app_home_opened' },
      async () => {
        const payload = appHomeOpenedPayload.parse(body);
        if (payload.event.tab !== undefined && payload.event.tab !== 'home') return;
        const once = await oncePerEvent(deps, { platform: 'slack', id: payload.event_id }, async () => {
          const person = personOf(payload.team_id, payload.event.user);
          // The workspace's figures, as /mnemo stats gives them there: its hidden decks left out.
          const [stats, locale] = await Promise.all([
            deps.quiz.stats(person, placeOf(payload.team_id)),
            readerLocale(deps, person),
          ]);
          const view = renderHome(stats, deps.command, locale);
          await deps.api.call('views.publish', (client) =>
            client.views.publish({ user_id: payload.event.user, view }),
          );
        });
        if (once.skipped)
          deps.log.info({ eventId: payload.event_id }, 'slack event already handled; retry skipped');
        else await once.completed;
      },
      // Slack already has its 200 and nobody waits on a reply: the log line is all there is to do.
      async () => {},
    );
  });
}
