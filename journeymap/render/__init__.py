"""Qt drawing without widgets: the journey map for the screen and for print.

- :mod:`.layout` — where columns, lanes, cells and cards go (pure geometry, no Qt);
- :mod:`.theme` — colours, stacking order, level of detail;
- :mod:`.fonts` — the bundled Japanese font in Qt, fonts in scene pixels and in points;
- :mod:`.text` — the one line breaker, eliding, drawing lines;
- :mod:`.items`, :mod:`.cards`, :mod:`.handoffs` — the drawn items of the map;
- :mod:`.legend` — the legend's swatches, drawn like the map;
- :mod:`.scene` — :class:`~.scene.MapScene`, a display-only scene of one journey;
- :mod:`.qt_bootstrap` — a head-less QApplication for rendering without a window.

Uses QtCore, QtGui and QGraphicsScene/QGraphicsItem (QtWidgets classes, but no QWidget
is ever made here). The editor (:mod:`journeymap.ui.canvas`) and the exports
(:mod:`journeymap.export`) both build on this layer; it imports neither.
"""
