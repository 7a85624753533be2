"""The team server in the window: the connection dialog, the sync timer and at-quit sync."""
