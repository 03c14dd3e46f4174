import type { LeaderboardRow } from '../core/community/ports.ts';
import { formatCount, formatShare, PALETTE, rect, shortName, svgDocument, text } from './svg.ts';

const LEADERBOARD_SIZE = { width: 1_000, height: 500 } as const; // px

const ROWS = { top: 84, height: 38, nameRight: 300, barLeft: 312, barRight: 860 } as const; // px
const MAX_ROWS = 10;

/** How a member is named in a picture: their display name, never a mention; a rank when the name is unknown. */
export function memberName(row: LeaderboardRow, rank: number): string {
  return row.displayName?.trim() ? shortName(row.displayName) : `Member #${rank}`;
}

/** The top members' reviews over a period as horizontal bars, names only. */
export function leaderboardSvg(rows: readonly LeaderboardRow[], period: string): string {
  const shown = rows.slice(0, MAX_ROWS);
  const most = Math.max(1, ...shown.map((row) => row.reviews));
  const parts = [
    text(32, 44, `Leaderboard · ${period}`, { size: 20, weight: 700 }),
    text(968, 44, `${formatCount(total(shown))} reviews by the top ${shown.length}`, {
      size: 13,
      fill: PALETTE.muted,
      anchor: 'end',
    }),
  ];
  if (shown.length === 0)
    parts.push(text(500, 260, 'No reviews yet.', { size: 16, fill: PALETTE.muted, anchor: 'middle' }));
  shown.forEach((row, i) => {
    const y = ROWS.top + i * ROWS.height;
    const width = Math.max(2, (row.reviews / most) * (ROWS.barRight - ROWS.barLeft));
    parts.push(
      text(ROWS.nameRight, y + 20, `${i + 1}. ${memberName(row, i + 1)}`, { size: 15, anchor: 'end' }),
      rect(ROWS.barLeft, y + 4, width, ROWS.height - 12, i === 0 ? PALETTE.levels[3] : PALETTE.levels[1]),
      text(ROWS.barLeft + width + 8, y + 20, formatCount(row.reviews), { size: 14, weight: 700 }),
      text(968, y + 20, `${formatShare(row.accuracy)} right`, {
        size: 12,
        fill: PALETTE.muted,
        anchor: 'end',
      }),
    );
  });
  return svgDocument(LEADERBOARD_SIZE.width, LEADERBOARD_SIZE.height, parts);
}

/** The leaderboard picture in words. */
export function leaderboardAlt(rows: readonly LeaderboardRow[], period: string): string {
  const shown = rows.slice(0, MAX_ROWS);
  if (shown.length === 0) return `Leaderboard, ${period}: no reviews yet.`;
  const ranks = shown.map(
    (row, i) => `${i + 1}. ${memberName(row, i + 1)}: ${formatCount(row.reviews)} reviews`,
  );
  return `Leaderboard, ${period}: ${ranks.join('; ')}.`;
}

function total(rows: readonly LeaderboardRow[]): number {
  return rows.reduce((sum, row) => sum + row.reviews, 0);
}
