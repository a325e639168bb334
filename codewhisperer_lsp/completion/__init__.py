"""Inline completion: trigger -> context -> prompt -> generate -> post-process."""
