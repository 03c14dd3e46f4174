import type { LeaderboardRow } from '../core/community/ports.ts';
import type { ProgressFigures } from '../core/progress/figures.ts';
import { leaderboardAlt, leaderboardSvg } from './leaderboard-svg.ts';
import { svgToPng } from './png.ts';
import { progressAlt, progressSvg } from './progress-svg.ts';

/** A picture to attach to a reply: the PNG, a file name, and the alt text that says what it shows. */
export interface Picture {
  png: Buffer;
  fileName: string;
  alt: string;
  svg: string;
}

/** /stats and `mnemo stats --png`: one person's progress. */
export async function progressPicture(figures: ProgressFigures): Promise<Picture> {
  const svg = progressSvg(figures);
  return { png: await svgToPng(svg), fileName: 'progress.png', alt: progressAlt(figures), svg };
}

/** /leaderboard: the top members over `period` ("the last 7 days"), names only. */
export async function leaderboardPicture(rows: readonly LeaderboardRow[], period: string): Promise<Picture> {
  const svg = leaderboardSvg(rows, period);
  return { png: await svgToPng(svg), fileName: 'leaderboard.png', alt: leaderboardAlt(rows, period), svg };
}
