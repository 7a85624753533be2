"""The notes feature. ``feature.py`` opens the notes and builds the pieces, each with one job:
``territories`` (switcher, profiles), ``views`` (markers, follow-ups, search, « Mes notes »),
``safekeeping`` (history, trash, backups, check), ``sharing`` (exchange, briefing, conflicts);
they see the window through ``host.NotesHost`` only. Beside them: the note panel, « Mes
notes », the note dialogs, the session, the markers, the conflicts dialog."""
