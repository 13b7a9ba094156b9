"""Evaluation: grade run folders, run suites against baselines, write reports (`v2m eval`)."""
