"""The Zoom integration (no routes): OAuth, tokens, the API client, webhooks. Base URLs come from config."""
