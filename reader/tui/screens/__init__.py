"""The app's screens: the article list, the reader, help and errors."""
