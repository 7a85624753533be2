"""The catalogue's panels: the tree (navigation), the directory and its chips, the search,
the entry detail, with their Qt item models and the back/forward history."""
