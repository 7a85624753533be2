"""What every room of the window shares: plain text and labels, colours and icons, settings,
file dialogs' folders, messages, the background worker, links, translation, the display check, and
the small widgets used in more than one room (flow layout, date field). Imports no room."""
