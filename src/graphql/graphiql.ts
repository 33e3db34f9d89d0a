/**
 * GraphiQL from the installed `@graphql-yoga/render-graphiql` package, so it works without
 * internet (Yoga's built-in page loads its scripts from a CDN). The package is 9 MB of JavaScript
 * (about half a second and 50 MB to load), which most processes never serve (the CLI, workers,
 * production), so it is loaded on the first request for the page, and each page is rendered once.
 */
import type { GraphiQLOptions } from 'graphql-yoga';

const pages = new Map<string, Promise<string>>();

export function renderLocalGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  let page = pages.get(key);
  if (!page) {
    page = import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options));
    pages.set(key, page);
  }
  return page;
}
