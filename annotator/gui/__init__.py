"""The desktop app: the only package that imports PySide6 (docs/design.md §6)."""
