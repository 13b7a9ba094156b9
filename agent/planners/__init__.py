"""agent/planners"""
