// When a failed delivery is tried again (pure).

/** Attempts in all, the first included; after the last a delivery stays FAILED. */
export const MAX_ATTEMPTS = 6;
const BASE_MS = 30_000;
const CAP_MS = 3_600_000;

/** The wait after the `attempt`-th failed try: 30 s, 1 min, 2 min, 4 min, … at most an hour. */
export function backoffMs(attempt: number): number {
  return Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/** How long a claimed delivery is its sender's: a sender that died lets it go after this. */
export const CLAIM_MS = 120_000;
