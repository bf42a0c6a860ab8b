"""Writing drafts and reports.  Nothing here imports Qt."""
