"""The territory switcher in the toolbar and the territory profile dialogs."""
