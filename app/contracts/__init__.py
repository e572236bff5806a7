"""The wire contracts: pydantic models of everything the server sends and receives.

The domain builds plain dicts for speed; these models describe them. They give the OpenAPI document its
response schemas, generate `docs/protocol.schema.json` (`python -m app.contracts.export`), and the tests
validate every view and frame against them, so the server, the docs and the frontend cannot drift apart
unnoticed. `extra="forbid"` everywhere: a key the server starts sending without a contract fails the tests.
"""
