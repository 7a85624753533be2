"""The help page and the « À propos » window."""
