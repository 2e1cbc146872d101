/**
 * Finds the interface text in the source files (string literals, the text of
 * template literals, JSX text) with the TypeScript compiler, leaving code
 * aside, for the typography test. Not imported by the app.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { frenchSpacingProblems, SUBSTITUTION } from "./typography";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * Source files of the interface: app/, components/ and lib/, tests and test
 * helpers aside, and this check itself (its messages quote the signs).
 */
export function interfaceFiles(): string[] {
  return ["app", "components", "lib"].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|int\.test|d)\.tsx?$/.test(e.name))
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
      .filter((f) => !f.split(path.sep).includes("testing") && !/^lib\/typography(-scan)?\.ts$/.test(f)),
  );
}

const JSX_ENTITIES: Record<string, string> = {
  "&nbsp;": "\u00a0",
  "&#8239;": "\u202f",
  "&#x202f;": "\u202f",
};

/** Code, not interface text: a module name, a directive, a class list, a log line, an SQL query, a key… */
function isCode(node: ts.Node): boolean {
  for (let n: ts.Node = node, parent = node.parent; parent; n = parent, parent = parent.parent) {
    if (
      ts.isImportDeclaration(parent) ||
      ts.isExportDeclaration(parent) ||
      ts.isTaggedTemplateExpression(parent)
    )
      return true;
    if (ts.isLiteralTypeNode(parent)) return true;
    // A directive (« "use server" ») is a statement of a bare string.
    if (ts.isExpressionStatement(parent) && parent.expression === node) return true;
    if (
      ts.isJsxAttribute(parent) &&
      /^(className|href|id|src|type|name|rel|target|method|htmlFor)$/.test(parent.name.getText())
    )
      return true;
    if (ts.isPropertyAssignment(parent) && parent.name === n) return true;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== n) {
      const callee = parent.expression.getText();
      if (/^(console\.\w+|log|logger\.\w+|RegExp|Error|TypeError|URL|require|import)$/.test(callee))
        return true;
      if (
        /(^|\.)(startsWith|endsWith|includes|split|replace|replaceAll|test|match|get|set|has|append|querySelector|headers)$/.test(
          callee,
        )
      )
        return true;
    }
    if (ts.isStatement(parent) || ts.isJsxElement(parent)) return false;
  }
  return false;
}

/** One piece of interface text: its text as the user reads it, where it sits in the source. */
export type InterfaceText = {
  /** For a template: where each of its literal parts sits (its substitutions are code). */
  parts?: { start: number; end: number }[];
  kind: "string" | "template" | "jsx" | "jsx-attribute";
  text: string;
  start: number;
  end: number;
};

export function interfaceTexts(file: string): { source: ts.SourceFile; texts: InterfaceText[] } {
  const content = readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(
    file,
    content,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const texts: InterfaceText[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!isCode(node)) {
        const kind = ts.isJsxAttribute(node.parent)
          ? "jsx-attribute"
          : ts.isStringLiteral(node)
            ? "string"
            : "template";
        const raw =
          kind === "jsx-attribute"
            ? node
                .getText()
                .slice(1, -1)
                .replace(/&(nbsp|#8239|#x202f);/g, (e) => JSX_ENTITIES[e] ?? e)
            : node.text;
        texts.push({ kind, text: raw, start: node.getStart(), end: node.getEnd() });
      }
    } else if (ts.isTemplateExpression(node)) {
      if (!isCode(node)) {
        // A substitution may bring the no-break space itself (« «${NBSP}${title} »): one text, the
        // substitutions marked as unknown, judged as a whole.
        const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(SUBSTITUTION);
        const parts = [node.head, ...node.templateSpans.map((s) => s.literal)].map((p) => ({
          start: p.getStart(),
          end: p.getEnd(),
        }));
        texts.push({ kind: "template", text, start: node.getStart(), end: node.getEnd(), parts });
      }
    } else if (ts.isJsxText(node)) {
      // From `pos`, not `getStart()`: the spaces a JSX text starts with are text, not trivia.
      const text = content
        .slice(node.pos, node.end)
        .replace(/&(nbsp|#8239|#x202f);/g, (e) => JSX_ENTITIES[e] ?? e);
      texts.push({ kind: "jsx", text, start: node.pos, end: node.end });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { source, texts };
}

/** « file:line », what is missing and the text, for each sign that lacks its no-break space. */
export function spacingFindings(file: string): string[] {
  const { source, texts } = interfaceTexts(file);
  return texts.flatMap((t) =>
    frenchSpacingProblems(t.text).map((p) => {
      const { line } = source.getLineAndCharacterOfPosition(t.start);
      return `${file}:${line + 1} ${p.message} — ${t.text.trim().slice(0, 80)}`;
    }),
  );
}
