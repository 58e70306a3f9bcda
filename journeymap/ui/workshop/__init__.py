"""Workshop mode (projector view, timer, stage banner) and dot voting."""
