import { parse, type Node, type Pattern } from 'acorn';

/**
 * The declared name of one parameter, read from the function's source text: `undefined` for a
 * destructured one; a rest parameter is marked.
 */
export interface ParameterName {
  readonly name: string | undefined;
  readonly rest: boolean;
}

/**
 * The parameters of a function, in order, parsed (once, at decoration) by acorn from its source
 * text: functions, arrows, class and object methods (async, generator, computed, private), with
 * default values holding any expression. A function whose source is not JavaScript (a native or
 * bound function) has none.
 */
export function parameterNames(fn: Function): ParameterName[] {
  const source = Function.prototype.toString.call(fn);
  return (parameterNodes(source) ?? []).map(toParameterName);
}

function parameterNodes(source: string): Pattern[] | undefined {
  // A function or an arrow parses as an expression; a method's source (`name(a) {...}`) only
  // inside a class body.
  return functionParams(tryParse(`(${source})`)) ?? functionParams(classMember(tryParse(`(class { ${source} })`)));
}

function tryParse(code: string): Node | undefined {
  try {
    const program = parse(code, { ecmaVersion: 'latest', checkPrivateFields: false, allowSuperOutsideMethod: true }) as unknown as { body: Array<{ expression?: Node }> };
    return program.body.length === 1 ? program.body[0]!.expression : undefined;
  } catch {
    return undefined;
  }
}

function classMember(node: Node | undefined): Node | undefined {
  if (node?.type !== 'ClassExpression') return undefined;
  const members = (node as unknown as { body: { body: Array<{ type: string; value?: Node }> } }).body.body;
  return members.length === 1 && members[0]!.type === 'MethodDefinition' ? members[0]!.value : undefined;
}

function functionParams(node: Node | undefined): Pattern[] | undefined {
  if (node?.type !== 'FunctionExpression' && node?.type !== 'ArrowFunctionExpression') return undefined;
  return (node as unknown as { params: Pattern[] }).params;
}

function toParameterName(param: Pattern): ParameterName {
  if (param.type === 'RestElement') return { name: identifierName(param.argument), rest: true };
  if (param.type === 'AssignmentPattern') return { name: identifierName(param.left), rest: false };
  return { name: identifierName(param), rest: false };
}

function identifierName(pattern: Pattern): string | undefined {
  return pattern.type === 'Identifier' ? pattern.name : undefined;
}
