"""tools/musicgen"""
