/** A channel's post of a question of the day: its day, and where it is once posted. */
export interface DailyPost {
  localDate: string;
  channelId: string;
  messageTs: string;
}

/** A post as Slack's action codes carry it: `<date>/<channel>/<ts>`, or `<date>` before it is posted. */
export function postText(post: { localDate: string; channelId?: unknown; messageTs?: unknown }): string {
  const { localDate, channelId, messageTs } = post;
  return typeof channelId === 'string' && typeof messageTs === 'string'
    ? `${localDate}/${channelId}/${messageTs}`
    : localDate;
}

/** The post a carried text names; the message clicked when it names only the day. */
export function dailyPostOf(
  post: string | null,
  clicked: { channelId?: string | undefined; messageTs?: string | undefined } = {},
): DailyPost | null {
  const [localDate, channelId = clicked.channelId, messageTs = clicked.messageTs] = post?.split('/') ?? [];
  return localDate && channelId && messageTs ? { localDate, channelId, messageTs } : null;
}
