/**
 * `GET /api/names`: the display names of the ids records carry (a user's username, an operator's
 * and a team's id), so every screen shows people and teams by name. Only what the caller may see.
 */
export interface NamesResponse {
  /** username → display name. */
  users: Record<string, string>;
  /** operator id → name. */
  operators: Record<string, string>;
  /** team id → name. */
  teams: Record<string, string>;
}
