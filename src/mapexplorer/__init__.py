"""Map Explorer: where and when a news story happened, on an interactive map with a time slider."""

__version__ = "0.1.0"
