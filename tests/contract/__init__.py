"""The contract suite: the client, the fake and openapi.yaml agree (``make contract``)."""
