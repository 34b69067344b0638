import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { kernelErrors, type ErrorDefinition } from '../../errors.js';
import { ajv, details } from './es.js';
import { translateMessage } from './translate.js';

/**
 * Every text the API can answer as a problem's `detail` or a field error's `message` has a
 * Spanish one, and every Spanish text still has an English text it answers. The English texts
 * are read from the source: each code's title (the detail of an error thrown without one), the
 * detail argument of `new AppError(...)`, `notFound(...)` and `fieldError(...)`, a field
 * error's `message`, and the `detail`/`message` a file builds for them. A value put into a
 * template (`${id}`) is a sample here, as the catalogue's `{id}` matches any value.
 */

const root = new URL('../../../../', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });

const SAMPLE = '‹value›';
// A template's leaves: string literals, and templates with their values as samples; through ?:, ?? and ||.
function texts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text + node.templateSpans.map((s) => SAMPLE + s.literal.text).join('')];
  if (ts.isParenthesizedExpression(node)) return texts(node.expression);
  if (ts.isConditionalExpression(node)) return [...texts(node.whenTrue), ...texts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) return [...texts(node.left), ...texts(node.right)];
  return [];
}

const nameOf = (node: ts.Node) => (ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : '');

/** The English texts of problems and field errors in one source file, with where they are. */
function harvest(path: string): { text: string; at: string }[] {
  const source = readFileSync(path, 'utf8');
  if (!/AppError|notFound\(|fieldError\(|field:/.test(source)) return [];
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const found: { text: string; at: string }[] = [];
  const add = (node: ts.Node | undefined) => {
    if (!node) return;
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    for (const text of texts(node)) found.push({ text, at: `${path.slice(root.length)}:${line}` });
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && nameOf(node.expression) === 'AppError') add(node.arguments?.[1]);
    if (ts.isCallExpression(node) && nameOf(node.expression) === 'notFound') {
      const what = node.arguments[0];
      for (const text of what ? texts(what) : []) found.push({ text: `${text} was not found`, at: path.slice(root.length) });
    }
    if (ts.isCallExpression(node) && nameOf(node.expression) === 'fieldError') add(node.arguments[1]);
    if (ts.isObjectLiteralExpression(node)) {
      const names = node.properties.map((p) => p.name?.getText(file));
      const message = node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(file) === 'message');
      if (names.includes('field')) add(message?.initializer);
    }
    if (ts.isVariableDeclaration(node) && ['detail', 'message'].includes(node.name.getText(file)) && node.initializer && /AppError/.test(source)) add(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

// Texts put together from parts the shape of the source does not show, checked with an example each.
const EXAMPLES: Record<string, string[]> = {
  '‹value›‹value›': ['This passkey is not one of yours here; sign in with your password again'],
  '‹value› ‹value› tenant cannot be ‹value›': ['An active tenant cannot be resumed', 'A suspended tenant cannot be suspended'],
  'The schedule‹value› ‹value› ‹value› not found': ['The schedule 7 was not found', 'The schedules 7, 8 were not found'],
};

const harvested = sources(join(root, 'src'))
  .flatMap(harvest)
  .flatMap((h) => (EXAMPLES[h.text] ?? [h.text]).map((text) => ({ ...h, text })));
const sourceText = sources(join(root, 'src')).map((p) => readFileSync(p, 'utf8')).join('\n');

async function moduleErrors(): Promise<ErrorDefinition[]> {
  const files = sources(join(root, 'src')).filter((p) => p.endsWith('.errors.ts'));
  const modules = await Promise.all(files.map((p) => import(p) as Promise<Record<string, Record<string, ErrorDefinition>>>));
  return modules.flatMap((m) => Object.values(m).flatMap((errors) => Object.values(errors)));
}

describe('the Spanish problem texts', () => {
  it('cover the title of every code, the default detail of an error thrown without one', async () => {
    const codes = [...kernelErrors, ...(await moduleErrors())];
    expect(codes.length).toBeGreaterThan(90);
    const untranslated = codes.filter((c) => translateMessage(c.title, 'es') === c.title).map((c) => `${c.code}: ${c.title}`);
    expect(untranslated).toEqual([]);
  });

  it('cover every detail and field message the source throws', () => {
    expect(harvested.length).toBeGreaterThan(300);
    const untranslated = harvested.filter(({ text }) => text.trim() !== '' && text !== SAMPLE && translateMessage(text, 'es') === text).map(({ text, at }) => `${at}: ${text}`);
    expect([...new Set(untranslated)]).toEqual([]);
  });

  it('answer only English texts the source still has: a Spanish text left behind by a change fails', async () => {
    const titles = [...kernelErrors, ...(await moduleErrors())].map((c) => c.title);
    const english = [...titles, ...harvested.map((h) => h.text)];
    const sample = (key: string) => new RegExp(`^${key.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}|\{\w+\}/g, '.+')}$`, 's');
    const unused = Object.keys(details).filter((key) => {
      const shape = sample(key);
      // A key matches a harvested text (whose values are samples), or is a text the source puts into another.
      return !english.some((text) => shape.test(text)) && !sourceText.includes(key);
    });
    expect(unused).toEqual([]);
    expect(Object.keys(ajv).length).toBeGreaterThan(10);
  });
});
