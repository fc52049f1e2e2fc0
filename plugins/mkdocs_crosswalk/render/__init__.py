"""Turning the knowledge base into pages: page plans, field packing and templates. No MkDocs imports."""
