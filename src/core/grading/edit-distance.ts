/**
 * Optimal-string-alignment distance, where swapping two neighbouring letters is one edit.
 * Only a band of `limit` around the diagonal is computed, so the cost is O(length × limit);
 * any distance above `limit` comes back as `limit + 1`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  const width = b.length + 1;
  let twoRowsUp = new Array<number>(width).fill(over);
  let previous = Array.from({ length: width }, (_, j) => (j <= limit ? j : over));
  let current = new Array<number>(width).fill(over);
  for (let i = 1; i <= a.length; i++) {
    current.fill(over);
    if (i <= limit) current[0] = i;
    let smallest = current[0] ?? over;
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    for (let j = from; j <= to; j++) {
      const substitution = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let distance = Math.min(
        (previous[j] ?? over) + 1,
        (current[j - 1] ?? over) + 1,
        (previous[j - 1] ?? over) + substitution,
      );
      const swapped =
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1);
      if (swapped) distance = Math.min(distance, (twoRowsUp[j - 2] ?? over) + 1);
      current[j] = Math.min(distance, over);
      smallest = Math.min(smallest, distance);
    }
    if (smallest > limit) return over;
    [twoRowsUp, previous, current] = [previous, current, twoRowsUp];
  }
  return Math.min(previous[b.length] ?? over, over);
}
