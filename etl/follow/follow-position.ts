/**
 * How far a followed file has been read, and which file that was: its inode, its size then and
 * the checksum of its first line (a log rotated by copy and truncate keeps its inode; a new file
 * may reuse an old inode; the first line tells them apart).
 */
export interface FollowPosition {
  inode: string;
  /** sha256 of the first line; null while the file has no complete line. */
  firstLine: string | null;
  /** Bytes read and imported: always just after a line's end. */
  offset: number;
  size: number;
  /** Lines imported in all, over every file followed under this name. */
  lines: number;
  /** The time of the newest event read, as the file writes it. */
  lastEventAt: string | null;
}

/** Where a follow keeps its position: SQLite for a data directory, a small JSON file with --via. */
export interface FollowState {
  load(): Promise<FollowPosition | null>;
  save(position: FollowPosition): Promise<void>;
}
