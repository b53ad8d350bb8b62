// Session lifetimes, shared by the session store and the job that clears ended sessions away.

/** A session ends after this long without a request… */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** …and this long after sign-in, whatever the activity. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
