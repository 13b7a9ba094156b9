"""Metrics that grade a scored video, measured on its files: sync, adherence, notation, symbolic sense,
corpus reference ranges and optional neural scores (one module per family)."""
