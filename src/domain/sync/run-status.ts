/** The statuses of a sync run: the one union the service, the REST schemas and the GraphQL enum use. */
export const syncRunStatuses = ['running', 'success', 'partial', 'failed', 'needs_confirmation'] as const;
export type SyncRunStatus = (typeof syncRunStatuses)[number];

/**
 * Runs whose every page was stored: an incremental run starts from the last of them. A run held
 * for confirmation stored everything it read; only its removals wait.
 */
export const storedStatuses: readonly SyncRunStatus[] = ['success', 'partial', 'needs_confirmation'];

/** How a run that read everything ends, before deletions: some records failed, or none did. */
export function outcomeOf(errorCount: number): 'success' | 'partial' {
  return errorCount > 0 ? 'partial' : 'success';
}
