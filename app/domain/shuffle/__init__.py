"""The shuffle: dealing directorates to pairs so that nobody plays their own agency."""
