import { Badge, Table } from '@mantine/core';
import type { Root, RootContent, Text as MdText } from 'mdast';
import type { ComponentProps } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { CitationTarget } from '../../../../shared/api';
import {
  chartTitleOf,
  CITATION_PATTERN,
  REFERENCE_PATTERN,
} from '../../../../shared/domain/markdownTree';
import type { CitationKind } from '../../../../shared/domain/report';
import { CITATION_KIND_LABELS } from './CitationPicker';

/** Key of a citation in the label map: `kind:id` (id in lower case). */
export const citationKey = (kind: string, id: string) => `${kind}:${id.toLowerCase()}`;

const REFERENCE_LABELS: Record<string, string> = {
  credit: 'Credit',
  attribution: 'Credit and country',
  person: 'Name',
  organisation: 'Organisation',
  commenter: 'Commenter',
};

const TOKEN = new RegExp(`${CITATION_PATTERN.source}|${REFERENCE_PATTERN.source}`, 'g');

/**
 * A remark step: citations and stored references (literal text in the GFM tree) become spans
 * marked with `data-token`, drawn as badges; a `<!-- chart: T -->` comment captions its table.
 */
function remarkTokens() {
  return (tree: Root) => {
    const walk = (parent: { children: RootContent[] }) => {
      const out: RootContent[] = [];
      let chart: string | null = null;
      for (const c of parent.children) {
        const title = chartTitleOf(c);
        if (title) chart = title;
        else if (c.type === 'table' && chart) {
          c.data = { ...c.data, hProperties: { title: `Chart: ${chart}` } };
          chart = null;
        }
        if (c.type === 'text') {
          let last = 0;
          for (const m of c.value.matchAll(TOKEN)) {
            if (m.index > last) out.push({ type: 'text', value: c.value.slice(last, m.index) });
            out.push({
              type: 'text',
              value: m[0],
              data: { hName: 'span', hProperties: { dataToken: m[0] } },
            } as MdText);
            last = m.index + m[0].length;
          }
          if (last < c.value.length) out.push({ type: 'text', value: c.value.slice(last) });
          continue;
        }
        if ('children' in c) walk(c as { children: RootContent[] });
        out.push(c);
      }
      parent.children = out;
    };
    walk(tree);
  };
}

function TokenBadge({
  token,
  labels,
}: {
  token: string;
  labels: ReadonlyMap<string, CitationTarget>;
}) {
  const m = /^\[@([a-z]+):([0-9a-fA-F-]+)\]$/.exec(token);
  const kind = m?.[1] ?? '';
  const id = m?.[2] ?? '';
  let label: string;
  let missing = false;
  if (kind in REFERENCE_LABELS) label = `${REFERENCE_LABELS[kind]} (filled in on export)`;
  else {
    const t = labels.get(citationKey(kind, id));
    missing = Boolean(t?.missing);
    label = t
      ? `${CITATION_KIND_LABELS[t.kind]}: ${t.label}${t.missing ? ' (deleted)' : ''}`
      : `${CITATION_KIND_LABELS[kind as CitationKind] ?? kind} (saved on next autosave)`;
  }
  return (
    <Badge
      component="span"
      variant="light"
      color={missing ? 'red' : kind in REFERENCE_LABELS ? 'gray' : 'indigo'}
      tt="none"
      mx={2}
      maw={320}
      title={label}
    >
      {label}
    </Badge>
  );
}

/**
 * A section's Markdown as the exports read it: the same GFM dialect (micromark via remark-gfm,
 * shared/domain/markdownTree.ts), so tables, lists and citations look here as in the report. Raw
 * HTML and guidance comments are not shown.
 */
export function MarkdownPreview({
  markdown,
  labels,
}: {
  markdown: string;
  labels: ReadonlyMap<string, CitationTarget>;
}) {
  return (
    <div className="markdown-preview">
      <Markdown
        remarkPlugins={[remarkGfm, remarkTokens]}
        components={{
          span: ({ node: _node, ...props }: ComponentProps<'span'> & { node?: unknown }) => {
            const token = (props as Record<string, unknown>)['data-token'];
            return typeof token === 'string' ? (
              <TokenBadge token={token} labels={labels} />
            ) : (
              <span {...props} />
            );
          },
          table: ({ node: _node, ...props }: ComponentProps<'table'> & { node?: unknown }) => (
            <Table withTableBorder withColumnBorders striped my="sm" {...props} />
          ),
          a: ({ node: _node, href, ...props }: ComponentProps<'a'> & { node?: unknown }) =>
            href && /^(https?:|mailto:)/i.test(href) ? (
              <a href={href} target="_blank" rel="noreferrer noopener" {...props} />
            ) : (
              <span>{props.children}</span>
            ),
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
