/**
 * What a walk of an offset-paged list learnt of it (TruU pages by number,
 * JumpCloud by skip/limit). A caller who takes a record missing from the
 * pages for a deleted one (a sync marking unseen rows deleted) passes one in
 * and reads it once the walk has ended.
 */
export interface WalkReport {
  /**
   * Null while the walk can vouch for having seen every record that existed
   * throughout it; otherwise what showed that the list moved under it (each
   * vendor's walk says how it tells). Then a record that still exists may
   * have shifted across a page boundary unread.
   */
  listChanged: string | null;
}
