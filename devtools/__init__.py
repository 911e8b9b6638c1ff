"""Development tools: the make-run supervisor, an embedded Redis, and the Zoom simulator. Never imported by app/."""
