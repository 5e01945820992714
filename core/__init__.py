"""Helpers both apps use. Nothing here imports an app: imports run comments → articles → core."""
