"""The notes feature: the note panel beside an entry, « Mes notes », the note dialogs, the
session that opens the notes in the background, the markers on catalogue rows, the conflicts."""
