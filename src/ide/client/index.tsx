import { GraphiQL } from 'graphiql';
import type { GraphQLSchema } from 'graphql';
import { type ComponentProps, type FormEvent, StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './ide.css';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** Same habit as the dashboard: the key stays in this tab and is forgotten when the tab closes. */
const STORAGE_KEY = 'tariff.ide.key';
const ENDPOINT = '/graphql';

const DEFAULT_QUERY = `# Tariff's GraphQL API. Enter an API key above, then run this query
# with the run button or Ctrl-Enter. The Docs button lists every type.
query FirstCustomers {
  customers(first: 10) {
    edges {
      node {
        id
        name
        email
        currency
      }
    }
  }
}
`;

function storedKey(): string {
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
}

/**
 * POSTs to this server only, with the key as a bearer token. Headers typed into GraphiQL's own
 * headers editor come last, so they can override the key for one request.
 */
function keyFetcher(key: string, onRefused: () => void): Fetcher {
  return async (params, options) => {
    if (!key) return { errors: [{ message: 'Enter an API key in the field at the top of the page.' }] };
    const response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${key}`,
        ...(options?.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify(params),
    });
    if (response.status === 401) onRefused();
    const text = await response.text();
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return { errors: [{ message: `HTTP ${response.status}: the server did not answer with JSON` }] };
    }
  };
}

function KeyBar(props: { activeKey: string; onUse(key: string): void; schemaNote: string }) {
  const [draft, setDraft] = useState(props.activeKey);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onUse(draft.trim());
  };
  const forget = () => {
    setDraft('');
    props.onUse('');
  };
  return (
    <header className="ide-bar">
      <span className="ide-title">Tariff GraphQL</span>
      <form className="ide-key" onSubmit={submit}>
        <label htmlFor="api-key">API key</label>
        {/* No name attribute: the key can never be serialized into a URL or a form post. */}
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-describedby="key-status"
        />
        <button type="submit">Use key</button>
        <button type="button" onClick={forget} disabled={!props.activeKey && !draft}>
          Forget key
        </button>
      </form>
      <p id="key-status" className="ide-status" role="status">
        {props.activeKey
          ? `Key in use for this tab. ${props.schemaNote}`
          : 'No key: the key stays in this tab only and is sent only to this server.'}
      </p>
    </header>
  );
}

function Ide() {
  const [key, setKey] = useState(storedKey);
  const [schemaNote, setSchemaNote] = useState('Loading the schema…');
  const refused = useCallback(() => setSchemaNote('This key was not accepted: check it and try again.'), []);
  const fetcher = useMemo(() => keyFetcher(key, refused), [key, refused]);
  const use = useCallback((next: string) => {
    if (next) sessionStorage.setItem(STORAGE_KEY, next);
    else sessionStorage.removeItem(STORAGE_KEY);
    setSchemaNote('Loading the schema…');
    setKey(next);
  }, []);
  const onSchemaChange = useCallback((schema: GraphQLSchema) => {
    setSchemaNote(`Schema loaded: ${Object.keys(schema.getTypeMap()).length} types.`);
  }, []);
  // Tests wait for this, as on the other hosted pages.
  useEffect(() => {
    document.body.dataset.ready = 'true';
  }, []);
  return (
    <>
      <KeyBar activeKey={key} onUse={use} schemaNote={schemaNote} />
      <main className="ide-main">
        {/* A new fetcher (a new key) makes GraphiQL introspect again; with no key (schema null) it does not try. */}
        <GraphiQL
          fetcher={fetcher}
          schema={key ? undefined : null}
          defaultQuery={DEFAULT_QUERY}
          onSchemaChange={onSchemaChange}
          defaultEditorToolsVisibility="variables"
          // GraphiQL keeps tabs and history in localStorage; headers (a key typed there) never.
          shouldPersistHeaders={false}
          showPersistHeadersSettings={false}
        >
          <GraphiQL.Logo>Tariff</GraphiQL.Logo>
        </GraphiQL>
      </main>
    </>
  );
}

createRoot(document.getElementById('ide')!).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
