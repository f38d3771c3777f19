"""The app's widgets: the reading pane and its line renderer, the side panels, title and key bars."""
