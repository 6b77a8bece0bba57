"""The relational store: tables, engine set-up, migrations, repositories and unit of work."""
