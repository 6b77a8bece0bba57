"""Domain objects as the shared public JSON shapes; the CLI and the web app both use these."""
