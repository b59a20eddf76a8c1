"""Thin Qt views over the model: each takes the ExplorerState and talks only to it."""
