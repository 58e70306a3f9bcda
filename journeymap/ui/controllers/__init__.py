"""Non-widget logic of the window: the document (open, save, recover, recent files and
the one change signal), the clipboard, the interface language."""
