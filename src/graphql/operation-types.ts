import { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';

/**
 * graphql-js 16 lets `subscription { … }` pass validation against a schema without that root
 * and then fails in execution, which clients would see as INTERNAL_SERVER_ERROR. (graphql-js 17
 * has this rule built in.) Tariff serves no subscription operations, though Federation calls our
 * `Subscription` type the subscription root in the SDL it prints.
 */
export function KnownOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`this API has no ${node.operation} operations`, { nodes: node }));
      }
    },
  };
}
