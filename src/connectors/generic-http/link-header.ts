/**
 * RFC 8288 Link headers, as GitHub-style APIs page with them:
 * `Link: <https://api.example.com/items?page=2>; rel="next", <…?page=9>; rel="last"`.
 * Only what paging needs: the target of the link whose relation types include "next".
 */

/** The `rel="next"` target resolved against the request URL, or undefined when there is none. */
export function nextLink(header: string | null, requestUrl: string): string | undefined {
  if (!header) return undefined;
  // A link is `<target>` followed by `; param=value` pairs; targets may contain commas, so the
  // header is read link by link rather than split on ",".
  const link = /<([^>]*)>((?:\s*;\s*[^;,=\s]+(?:\s*=\s*(?:"[^"]*"|[^;,\s]*))?)*)/g;
  for (const match of header.matchAll(link)) {
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(params);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!relations.includes('next')) continue;
    try {
      return new URL(match[1]!, requestUrl).toString();
    } catch {
      return undefined;
    }
  }
  return undefined;
}
