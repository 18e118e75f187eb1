// Global declarations (this file has no top-level import/export, so they augment the globals).

/** What the preload exposes as `window.intersession` in the desktop app; absent in browser mode. */
interface IntersessionBridge {
  /**
   * Calls `method` (e.g. `forums.list`) in the main process; errors come back as `{ok:false}`.
   * `sessionToken` (from `session.open`) answers it for that narrower session instead. With a
   * `callId` (a number the page picks, unique among its calls in flight) the call can be cancelled.
   */
  invoke(
    method: string,
    input: unknown,
    sessionToken?: string,
    callId?: number,
  ): Promise<import('../../shared/result').RpcResult<unknown>>;
  /** Cancels the call made with `callId`: it answers `cancelled` and writes nothing. */
  cancel(callId: number): void;
  /** Listens to an event pushed by the main process; returns a function that stops listening. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

interface Window {
  intersession?: IntersessionBridge;
}
