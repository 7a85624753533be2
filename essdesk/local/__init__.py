"""The territory's own directory (issue 15): local entries merged into the catalogue's
answers, and read from / written to spreadsheets. No Qt; storage is in
:mod:`essdesk.notes.local_entries` (the notes database, its safety net)."""
