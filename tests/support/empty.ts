// Stands in for the `server-only` package in tests, where there is no client bundle to guard.
export {};
