"""The docked panels and bars around the map: project tree, actions, ranking, charts,
filter bar, quick add, start screen."""
