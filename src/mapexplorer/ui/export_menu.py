"""What File ▸ Export offers: cheap to import, so the main window can build its menu at start-up
without loading the export machinery (ui/export_dialogs.py, ui/image_export.py) until it is used."""

from __future__ import annotations

EXPORT_FORMATS = {
    "geojson": "GeoJSON (*.geojson)",
    "csv": "CSV spreadsheet (*.csv)",
    "kml": "KML for Google Earth (*.kml)",
}
"""The catalogue's file exports: file filter of each."""

VIEW_EXPORTS = {
    "html": ("&Web page (HTML)…", "Web page (*.html)"),
    "png": ("&Image (PNG)…", "PNG image (*.png)"),
    "gif": ("&Animation (GIF)…", "GIF animation (*.gif)"),
}
"""Menu label (its key letter marked, as every other menu's) and file filter of each export
of the map view."""

EXPORT_LABELS = {
    "geojson": "&GeoJSON…",
    "csv": "&CSV spreadsheet…",
    "kml": "&KML for Google Earth…",
}
"""The catalogue's exports' menu labels: File ▸ Export was the only menu whose items had no
key letter, so that a keyboard user could only arrow down to them."""
