import { Badge, Code, Table, Typography } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CitationTarget } from '../../../../shared/api';
import { parseMarkdown, type Align, type Inline } from '../../../../shared/domain/markdown';
import { CITATION_KIND_LABELS } from './CitationPicker';

/** Key of a citation in the label map: `kind:id` (id in lower case). */
export const citationKey = (kind: string, id: string) => `${kind}:${id.toLowerCase()}`;

const isWebLink = (href: string) => /^https?:\/\//i.test(href) || /^mailto:/i.test(href);

function Inlines({
  nodes,
  labels,
}: {
  nodes: readonly Inline[];
  labels: ReadonlyMap<string, CitationTarget>;
}): ReactNode {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <span key={i}>{n.text}</span>;
      case 'strong':
        return (
          <strong key={i}>
            <Inlines nodes={n.children} labels={labels} />
          </strong>
        );
      case 'em':
        return (
          <em key={i}>
            <Inlines nodes={n.children} labels={labels} />
          </em>
        );
      case 'code':
        return <Code key={i}>{n.text}</Code>;
      case 'link':
        return isWebLink(n.href) ? (
          <a key={i} href={n.href} target="_blank" rel="noreferrer noopener">
            <Inlines nodes={n.children} labels={labels} />
          </a>
        ) : (
          <span key={i}>
            <Inlines nodes={n.children} labels={labels} />
          </span>
        );
      case 'citation': {
        const t = labels.get(citationKey(n.kind, n.id));
        const label = t
          ? `${CITATION_KIND_LABELS[t.kind]}: ${t.label}${t.missing ? ' (deleted)' : ''}`
          : `${CITATION_KIND_LABELS[n.kind]} (saved on next autosave)`;
        return (
          <Badge
            key={i}
            component="span"
            variant="light"
            color={t?.missing ? 'red' : 'indigo'}
            tt="none"
            mx={2}
            maw={320}
            style={{ verticalAlign: 'baseline' }}
            title={label}
          >
            {label}
          </Badge>
        );
      }
    }
  });
}

const alignOf = (a: Align) => a ?? undefined;

/**
 * A section's Markdown as the exports read it (the same parser: shared/domain/markdown.ts),
 * so tables, lists and citations look here as they will in the report. Guidance comments are
 * not shown.
 */
export function MarkdownPreview({
  markdown,
  labels,
}: {
  markdown: string;
  labels: ReadonlyMap<string, CitationTarget>;
}) {
  const blocks = parseMarkdown(markdown);
  return (
    <Typography>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'heading': {
            const H = `h${Math.min(6, b.level + 2)}` as 'h3';
            return (
              <H key={i}>
                <Inlines nodes={b.children} labels={labels} />
              </H>
            );
          }
          case 'paragraph':
            return (
              <p key={i}>
                <Inlines nodes={b.children} labels={labels} />
              </p>
            );
          case 'list': {
            const items = b.items.map((item, j) => (
              <li key={j}>
                <Inlines nodes={item} labels={labels} />
              </li>
            ));
            return b.ordered ? (
              <ol key={i} start={b.start}>
                {items}
              </ol>
            ) : (
              <ul key={i}>{items}</ul>
            );
          }
          case 'table':
            return (
              <Table key={i} withTableBorder withColumnBorders striped my="sm">
                {b.chart && <Table.Caption>Chart: {b.chart}</Table.Caption>}
                <Table.Thead>
                  <Table.Tr>
                    {b.header.map((cell, j) => (
                      <Table.Th key={j} scope="col" ta={alignOf(b.align[j])}>
                        <Inlines nodes={cell} labels={labels} />
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.rows.map((row, r) => (
                    <Table.Tr key={r}>
                      {row.map((cell, j) => (
                        <Table.Td key={j} ta={alignOf(b.align[j])}>
                          <Inlines nodes={cell} labels={labels} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            );
          case 'quote':
            return (
              <blockquote key={i}>
                <Inlines nodes={b.children} labels={labels} />
              </blockquote>
            );
          case 'code':
            return (
              <pre key={i}>
                <code>{b.text}</code>
              </pre>
            );
          case 'rule':
            return <hr key={i} />;
          case 'comment':
            return null;
        }
      })}
    </Typography>
  );
}
