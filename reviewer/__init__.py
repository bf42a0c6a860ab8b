"""文稿审校助手 (Draft Reviewer)."""

__version__ = "0.1.0"
