"""Exporting and importing notes (the two exchange dialogs)."""
