import { graphqlResponseMediaType } from '../../src/http/media-type';

describe('graphqlResponseMediaType', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    ['application/*', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/json'],
    ['application/json;q=0.9, application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json;q=0.5, */*', 'application/json'],
    ['application/graphql-response+json, */*;q=0.1', 'application/graphql-response+json'],
    ['text/html', null],
    ['application/json;q=0', null],
    ['application/json;q=0, application/graphql-response+json', 'application/graphql-response+json'],
  ])('Accept %p → %p', (accept, expected) => {
    expect(graphqlResponseMediaType(accept)).toBe(expected);
  });
});
