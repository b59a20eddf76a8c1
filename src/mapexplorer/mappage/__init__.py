"""The map page: built once by folium from local assets, then driven by small JSON messages."""
