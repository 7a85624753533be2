"""A territory's own entries in the window: the entry form, the list import, the menu."""
