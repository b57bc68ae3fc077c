/** Serves the portal page and the widgets' bundle on `port` (0 for any free one). */
export function servePortal(options?: { port?: number; host?: string }): Promise<{ url: string; close(): Promise<void> }>;
