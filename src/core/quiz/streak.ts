/** Days in a row with a review (dates as YYYY-MM-DD, newest first), counting back from today, or from yesterday when today has none yet. */
export function streakOf(daysDescending: readonly string[], today: string): number {
  const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  let expected = dayNumber(today);
  if (daysDescending[0] !== today) expected -= 1;
  let streak = 0;
  for (const day of daysDescending) {
    if (dayNumber(day) !== expected) break;
    streak++;
    expected--;
  }
  return streak;
}
