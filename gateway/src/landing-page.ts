import type { ApolloServerPlugin } from '@apollo/server';

/** The development landing page: how to call the API, without loading anything from the Internet. */
export function developmentLandingPage(): ApolloServerPlugin {
  const html = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Наставник — GraphQL</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem}code,pre{background:#f3f3f3;padding:.1rem .3rem}pre{padding:1rem;overflow:auto}</style></head>
<body><h1>Наставник: GraphQL gateway</h1>
<p>Every request needs a token in the <code>Authorization</code> header. Print a development token with:</p>
<pre>npm run token -- --role MUNICIPAL_ADMIN
npm run token -- --role CURATOR --school &lt;school id&gt;</pre>
<p>Then send queries to this address:</p>
<pre>curl -s http://localhost:4000/graphql \\
  -H 'content-type: application/json' \\
  -H "authorization: Bearer $TOKEN" \\
  -d '{"query":"{ schools { id name } }"}'</pre>
<p>Any GraphQL client works (Altair, Insomnia, Postman): point it at <code>/graphql</code> and add the header.
Introspection is on in development and off in production.</p></body></html>`;
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}
