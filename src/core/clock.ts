/** Where time comes from; tests hand in a fixed one. */
export interface Clock {
  now(): Date;
}
