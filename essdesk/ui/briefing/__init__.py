"""The briefing sheet: its dialog and its rendering (HTML, print, PDF)."""
