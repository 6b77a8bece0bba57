"""The `runlift` command line: one module per command group, loaded when its commands run."""
