/** What a reader calls between batches: progress, cancel checkpoint, and an optional early stop. */
export interface ReadHooks {
  progress(phase: string, done: number, total?: number): void;
  /** Yields to the event loop; throws AppError 'cancelled' once the job was cancelled. */
  checkpoint(): Promise<void>;
  /** Preview: stop once this many data rows of the (first) table were read. */
  stopAfterRows?: number;
}
