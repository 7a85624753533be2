"""The window's panels. Each gets what it needs injected and reports with past-tense signals."""
