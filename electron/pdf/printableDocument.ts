import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ScriptRunSplitter, Piece } from './scriptRuns';

/**
 * Makes a document definition from shared/report (which names no fonts) printable in every
 * script: each text node's text becomes runs with a font that has its glyphs and, where there is
 * right-to-left text, bidi levels (`scriptRuns.ts`). Walks the content, the header and footer
 * (functions pdfmake calls per page: wrapped so that what they return goes through the same
 * pass), tables, columns, stacks and lists. Text that needs nothing (most of it) is left as it
 * is. Returns a new definition; the one passed in is not changed (pdfmake annotates what it lays
 * out).
 */

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The pieces of a text node as pdfmake sees them: nested arrays flattened (pdfmake drops the holders' styles too). */
function flatten(text: unknown): Piece[] | null {
  const pieces: Piece[] = [];
  const visit = (item: unknown): boolean => {
    if (Array.isArray(item)) return item.every(visit);
    if (typeof item === 'string' || typeof item === 'number') {
      pieces.push(String(item));
      return true;
    }
    if (isNode(item)) {
      if (Array.isArray(item.text)) return visit(item.text);
      if (typeof item.text === 'string' || typeof item.text === 'number') {
        pieces.push({ ...item, text: String(item.text) });
        return true;
      }
    }
    return false;
  };
  return visit(text) ? pieces : null;
}

const containers = ['stack', 'columns', 'ul', 'ol'] as const;

export class PrintableDocument {
  /** Characters no report font covers, from every text node seen so far (header and footer included). */
  readonly missing = new Set<string>();

  constructor(private readonly splitter: ScriptRunSplitter) {}

  definition(definition: TDocumentDefinitions): TDocumentDefinitions {
    const out: TDocumentDefinitions = { ...definition, content: this.content(definition.content) };
    if (definition.header !== undefined) out.header = this.dynamic(definition.header);
    if (definition.footer !== undefined) out.footer = this.dynamic(definition.footer);
    return out;
  }

  private dynamic(part: Content | DynamicContent): Content | DynamicContent {
    if (typeof part !== 'function') return this.content(part);
    return (...args: Parameters<DynamicContent>) => {
      const made = part(...args);
      return made === null || made === undefined ? made : this.content(made);
    };
  }

  content(content: Content): Content {
    return this.node(content) as Content;
  }

  private node(node: unknown): unknown {
    if (typeof node === 'string') {
      const runs = this.runs([node]);
      return runs === null ? node : { text: runs };
    }
    if (Array.isArray(node)) return node.map((n) => this.node(n));
    if (!isNode(node)) return node;
    const out: Node = { ...node };
    if ('text' in node) {
      // A node's own style reaches its runs through pdfmake's style stack: only inline objects
      // inside a text array carry their style with them.
      const pieces = typeof node.text === 'string' || typeof node.text === 'number' ? [String(node.text)] : flatten(node.text);
      const runs = pieces === null ? null : this.runs(pieces);
      if (runs !== null) out.text = runs;
    }
    for (const key of containers) {
      const list = node[key];
      if (Array.isArray(list)) out[key] = list.map((n) => this.node(n));
    }
    // A section (a part of the report pack) has its own content and footer.
    if (Array.isArray(node.section)) out.section = node.section.map((n) => this.node(n));
    if (typeof node.footer === 'function') out.footer = this.dynamic(node.footer as DynamicContent);
    const table = node.table;
    if (isNode(table) && Array.isArray(table.body)) {
      out.table = { ...table, body: table.body.map((row: unknown) => (Array.isArray(row) ? row.map((cell) => this.node(cell)) : row)) };
    }
    return out;
  }

  private runs(pieces: Piece[]): Piece[] | null {
    const { runs, missing } = this.splitter.paragraph(pieces);
    for (const ch of missing) this.missing.add(ch);
    return runs;
  }
}
