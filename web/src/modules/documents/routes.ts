import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';
import { defined, urlText } from '../../ui/url-search.js';

export interface DocumentsSearch {
  q?: string;
  tag?: string;
  folder?: string;
  cursor?: string;
}

const UUID = /^[0-9a-f-]{36}$/;
export const documentsSearch = (raw: Record<string, unknown>): DocumentsSearch => {
  const folder = urlText(raw.folder, 36);
  return defined({ q: urlText(raw.q, 100), tag: urlText(raw.tag, 40), folder: folder && UUID.test(folder) ? folder : undefined, cursor: urlText(raw.cursor, 2048) });
};

/** The documents module's pages; each loads (as a chunk of its own) when first opened. */
export const documentsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/documents',
  validateSearch: documentsSearch,
  component: lazyRouteComponent(() => import('./DocumentsLibrary.js'), 'DocumentsLibrary'),
});
export const documentRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/documents/$documentId',
  component: lazyRouteComponent(() => import('./DocumentPage.js'), 'DocumentPage'),
});

export const documentsRoutes = [documentsRoute, documentRoute];
