"""agent/dialogue"""
