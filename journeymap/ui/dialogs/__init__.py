"""Dialogs and separate windows, one per module."""
