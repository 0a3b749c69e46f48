import {
  BinaryOperationNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  OperatorNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  ValueListNode,
  ValueNode,
} from 'kysely';

/**
 * `x IN ()` and `x NOT IN ()`: SQLite reads them as false and true, PostgreSQL refuses them as a
 * syntax error. Many queries filter by a list that may be empty (the operators of a scope, the
 * names of a form); on PostgreSQL this plugin writes them as `1 = 0` and `1 = 1`, which SQLite
 * would answer the same.
 */
class EmptyInListTransformer extends OperationNodeTransformer {
  protected override transformBinaryOperation(node: BinaryOperationNode): BinaryOperationNode {
    const n = super.transformBinaryOperation(node);
    if (!OperatorNode.is(n.operator)) return n;
    const op = n.operator.operator;
    if (op !== 'in' && op !== 'not in') return n;
    const right = n.rightOperand;
    const empty =
      (PrimitiveValueListNode.is(right) && right.values.length === 0) ||
      (ValueListNode.is(right) && right.values.length === 0);
    if (!empty) return n;
    return BinaryOperationNode.create(
      ValueNode.createImmediate(1),
      OperatorNode.create('='),
      ValueNode.createImmediate(op === 'in' ? 0 : 1),
    );
  }
}

export class EmptyInListPlugin implements KyselyPlugin {
  readonly #transformer = new EmptyInListTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
