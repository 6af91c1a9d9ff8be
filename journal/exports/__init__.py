"""A person's journal in open formats: JSON, CSV, Markdown and a PDF summary.

Every format reads through `reader.JournalReader`, so the page and the management
command produce the same bytes.
"""
