/**
 * Works around a leak of the MCP SDK (1.32.2, issue modelcontextprotocol/typescript-sdk#2559, fix
 * proposed in PR #2747 but not released): in JSON response mode, the transport answers a POST through
 * the `resolveJson` of a stream entry it keeps per request, and never deletes that entry. Each one holds
 * the whole request (headers, URL, body), a few kilobytes per call, for as long as the session lives; a
 * busy session grows by tens of megabytes a minute and every garbage collection gets slower.
 *
 * The fix is the upstream one: an entry goes once its answer is handed over.
 */
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

interface StreamEntry {
  resolveJson?: (response: Response) => void;
}

/** A stream map whose JSON entries remove themselves when they answer. */
class SelfClearingStreams<K> extends Map<K, StreamEntry> {
  override set(id: K, entry: StreamEntry): this {
    const resolve = entry.resolveJson;
    if (resolve) {
      entry.resolveJson = (response) => {
        if (this.get(id) === entry) this.delete(id);
        resolve(response);
      };
    }
    return super.set(id, entry);
  }
}

/**
 * Swaps the transport's stream map for one that does not leak; call before the transport is used.
 * Returns false, changing nothing, if this SDK version has no such map (the workaround no longer applies).
 */
export function releaseAnsweredStreams(transport: WebStandardStreamableHTTPServerTransport): boolean {
  const fields = transport as unknown as { _streamMapping?: unknown };
  if (!(fields._streamMapping instanceof Map) || fields._streamMapping.size > 0) return false;
  fields._streamMapping = new SelfClearingStreams();
  return true;
}

/** How many streams the transport still holds (tests: answered JSON requests must not stay). */
export function openStreams(transport: WebStandardStreamableHTTPServerTransport): number | undefined {
  const map = (transport as unknown as { _streamMapping?: unknown })._streamMapping;
  return map instanceof Map ? map.size : undefined;
}
