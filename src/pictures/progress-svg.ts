import { weekdayOf } from '../core/progress/calendar.ts';
import type { ProgressFigures } from '../core/progress/figures.ts';
import {
  formatCount,
  formatShare,
  MONTHS,
  PALETTE,
  rect,
  shortDate,
  shortName,
  svgDocument,
  text,
} from './svg.ts';

const PROGRESS_SIZE = { width: 1_000, height: 500 } as const; // px

const HEATMAP = { left: 70, top: 122, cell: 13, step: 16 } as const; // px
const CHART = { top: 306, bottom: 450, barSpace: 130 } as const; // px: bars grow up from the bottom
const DUE_AREA = { left: 40, right: 476 } as const;
const RETENTION_AREA = { left: 524, right: 968 } as const;

/** One person's progress as SVG: the year's heatmap, the next 30 days' load, 12 weeks of retention, the key numbers. */
export function progressSvg(figures: ProgressFigures): string {
  return svgDocument(PROGRESS_SIZE.width, PROGRESS_SIZE.height, [
    ...header(figures),
    ...heatmap(figures),
    ...dueBars(figures),
    ...retentionBars(figures),
    text(
      32,
      484,
      `Retention: the share of reviews not rated Again. Weeks start on Monday; days are in ${figures.timeZone}.`,
      { size: 11, fill: PALETTE.muted },
    ),
  ]);
}

/** What the picture shows, in words: the alt text that goes with it. */
export function progressAlt(figures: ProgressFigures): string {
  const { stats } = figures;
  const thisWeek = figures.weeks.at(-1)?.retention ?? null;
  return [
    `${title(figures)}: ${formatCount(figures.reviewsThisYear)} reviews on ${formatCount(figures.activeDays)} days over the last 365 days`,
    `${formatCount(stats.reviewedToday)} reviews today`,
    `${formatCount(figures.dueNext30)} cards due in the next 30 days (${formatCount(figures.due[0]?.due ?? 0)} today)`,
    retentionWords(thisWeek, 'this week'),
    retentionWords(stats.retention30d, 'over 30 days'),
    `streak ${days(stats.streak)}.`,
  ].join('; ');
}

function retentionWords(share: number | null, when: string): string {
  return share === null ? `no reviews ${when}` : `retention ${formatShare(share)} ${when}`;
}

function title(figures: ProgressFigures): string {
  const name = figures.person.displayName;
  return name ? `Progress of ${shortName(name)}` : 'Your progress';
}

function days(count: number): string {
  return `${formatCount(count)} day${count === 1 ? '' : 's'}`;
}

function header(figures: ProgressFigures): string[] {
  const { stats } = figures;
  return [
    text(32, 38, title(figures), { size: 20, weight: 700 }),
    text(968, 38, `${figures.today} · ${figures.timeZone}`, { size: 13, fill: PALETTE.muted, anchor: 'end' }),
    text(
      32,
      64,
      [
        `Reviews today: ${formatCount(stats.reviewedToday)}`,
        `Due today: ${formatCount(stats.dueToday)}`,
        `Retention over 30 days: ${formatShare(stats.retention30d)}`,
        `Streak: ${days(stats.streak)}`,
        `All reviews: ${formatCount(stats.totalReviews)}`,
      ].join('   ·   '),
      { size: 14 },
    ),
  ];
}

function heatmap(figures: ProgressFigures): string[] {
  const first = figures.days[0]?.date ?? figures.today;
  const lead = weekdayOf(first);
  const most = Math.max(0, ...figures.days.map((day) => day.reviews));
  const parts = [
    text(
      32,
      98,
      `${formatCount(figures.reviewsThisYear)} reviews on ${days(figures.activeDays)} in the last 365 days`,
      { size: 14, weight: 700 },
    ),
  ];
  for (const [row, name] of [
    [0, 'Mon'],
    [2, 'Wed'],
    [4, 'Fri'],
  ] as const)
    parts.push(text(32, HEATMAP.top + row * HEATMAP.step + 10, name, { size: 10, fill: PALETTE.muted }));
  figures.days.forEach((day, i) => {
    const column = Math.floor((i + lead) / 7);
    const row = (i + lead) % 7;
    const x = HEATMAP.left + column * HEATMAP.step;
    if (day.date.endsWith('-01'))
      parts.push(text(x, HEATMAP.top - 6, MONTHS[Number(day.date.slice(5, 7)) - 1] ?? '', muted10));
    const noun = day.reviews === 1 ? 'review' : 'reviews';
    parts.push(
      rect(
        x,
        HEATMAP.top + row * HEATMAP.step,
        HEATMAP.cell,
        HEATMAP.cell,
        shade(day.reviews, most),
        `${day.date}: ${day.reviews} ${noun}`,
      ),
    );
  });
  const legendY = HEATMAP.top + 7 * HEATMAP.step + 10;
  const legendRight = HEATMAP.left + 53 * HEATMAP.step;
  const swatches = [PALETTE.empty, ...PALETTE.levels];
  parts.push(text(legendRight - swatches.length * HEATMAP.step - 6, legendY + 10, 'Less', muted10End));
  swatches.forEach((colour, i) => {
    const x = legendRight - (swatches.length - i) * HEATMAP.step;
    parts.push(rect(x, legendY, HEATMAP.cell - 2, HEATMAP.cell - 2, colour));
  });
  parts.push(text(legendRight + 4, legendY + 10, 'More', muted10));
  return parts;
}

const muted10 = { size: 10, fill: PALETTE.muted } as const;
const muted10End = { ...muted10, anchor: 'end' } as const;

/** GitHub's four greens, by quarters of the busiest day; no review is grey. */
function shade(reviews: number, most: number): string {
  if (reviews <= 0 || most <= 0) return PALETTE.empty;
  const level = Math.min(PALETTE.levels.length, Math.ceil((reviews / most) * PALETTE.levels.length));
  return PALETTE.levels[level - 1] ?? PALETTE.empty;
}

function dueBars(figures: ProgressFigures): string[] {
  const today = figures.due[0]?.due ?? 0;
  const parts = [
    text(
      DUE_AREA.left - 8,
      286,
      `Due in the next 30 days: ${formatCount(figures.dueNext30)} (today: ${formatCount(today)})`,
      { size: 14, weight: 700 },
    ),
    baseline(DUE_AREA),
  ];
  const most = Math.max(1, ...figures.due.map((day) => day.due));
  const step = (DUE_AREA.right - DUE_AREA.left) / figures.due.length;
  figures.due.forEach((day, i) => {
    const x = DUE_AREA.left + i * step;
    const height = (day.due / most) * CHART.barSpace;
    if (day.due > 0) {
      parts.push(rect(x + 1, CHART.bottom - height, step - 3, height, PALETTE.due));
      parts.push(text(x + step / 2 - 1, CHART.bottom - height - 3, formatCount(day.due), centred9));
    }
    if (i % 7 === 0) parts.push(text(x + step / 2 - 1, CHART.bottom + 16, shortDate(day.date), centred10));
  });
  return parts;
}

function retentionBars(figures: ProgressFigures): string[] {
  const thisWeek = figures.weeks.at(-1)?.retention ?? null;
  const parts = [
    text(RETENTION_AREA.left, 286, `Retention by week: ${formatShare(thisWeek)} this week`, {
      size: 14,
      weight: 700,
    }),
    baseline(RETENTION_AREA),
  ];
  const step = (RETENTION_AREA.right - RETENTION_AREA.left) / figures.weeks.length;
  figures.weeks.forEach((week, i) => {
    const x = RETENTION_AREA.left + i * step;
    const height = (week.retention ?? 0) * CHART.barSpace;
    if (week.retention !== null)
      parts.push(rect(x + 4, CHART.bottom - height, step - 8, height, PALETTE.retention));
    parts.push(text(x + step / 2, CHART.bottom - height - 4, formatShare(week.retention), centred10));
    parts.push(
      text(x + step / 2, CHART.bottom + 16, shortDate(week.week), { ...centred9, fill: PALETTE.muted }),
    );
  });
  return parts;
}

const centred9 = { size: 9, anchor: 'middle' } as const;
const centred10 = { size: 10, anchor: 'middle' } as const;

function baseline(area: { left: number; right: number }): string {
  return `<line x1="${area.left}" y1="${CHART.bottom + 0.5}" x2="${area.right}" y2="${CHART.bottom + 0.5}" stroke="${PALETTE.border}"/>`;
}
